/**
 * Internal, not part of batchopt's API: the host side of the OpenCL and CUDA backends
 * ({@link org.batchopt.backend.device.DeviceBackend}): a block's device memory and host copies
 * ({@code BlockBuffers}) and the loop of launches, compaction and history between chunks ({@code HostLoop}).
 */
package org.batchopt.backend.device;
