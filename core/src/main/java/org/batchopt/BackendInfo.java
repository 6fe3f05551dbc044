package org.batchopt;

/**
 * A backend found (or looked for) on this machine, as {@code batchopt devices} lists it.
 *
 * @param spec        the name that opens it with {@link Backends#open(String)}, e.g. {@code opencl:0:1}
 * @param available   whether it can run here
 * @param description the device in words when available, otherwise why not (missing library, no ICD, ...)
 * @param fp64        whether it computes in fp64 (false when unavailable)
 */
public record BackendInfo(String spec, boolean available, String description, boolean fp64) {
}
