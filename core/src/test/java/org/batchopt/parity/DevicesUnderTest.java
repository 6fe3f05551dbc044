package org.batchopt.parity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.batchopt.Backend;
import org.batchopt.BackendInfo;
import org.batchopt.Backends;
import org.batchopt.SharedBackends;

/**
 * The device backends found at run time (every OpenCL and CUDA device), opened once per test JVM and shared
 * by the parity tests so that each kernel program is built once, or only those named by {@value #ONLY}. When
 * none is found, {@link #reason()} says why, and the parity tests are skipped with it.
 */
final class DevicesUnderTest {
    private static final List<String> SPECS = new ArrayList<>();
    private static final String REASON;
    private static final Map<String, Backend> OPEN = new HashMap<>();

    /** System property: the devices to test, comma-separated (e.g. {@code cuda:0}); all found when absent. */
    static final String ONLY = "batchopt.parity.devices";

    static {
        List<String> missing = new ArrayList<>();
        List<String> only = System.getProperty(ONLY, "").isBlank() ? null
                : List.of(System.getProperty(ONLY).trim().split("\\s*,\\s*"));
        for (BackendInfo b : Backends.available()) {
            if (b.spec().equals("cpu")) {
                continue;
            }
            if (!b.available()) {
                missing.add(b.spec() + ": " + b.description());
            } else if (only == null || only.contains(b.spec())) {
                SPECS.add(b.spec());
            } else {
                missing.add(b.spec() + ": left out by -D" + ONLY + "=" + String.join(",", only));
            }
        }
        REASON = SPECS.isEmpty() ? "no device backend here (" + String.join("; ", missing) + ")" : null;
        Runtime.getRuntime().addShutdownHook(new Thread(DevicesUnderTest::closeAll));
    }

    private DevicesUnderTest() {
    }

    /** The specs of the devices found, e.g. opencl:0:0, cuda:0. */
    static List<String> specs() {
        return List.copyOf(SPECS);
    }

    /** Why there is no device, or null. */
    static String reason() {
        return REASON;
    }

    /** The shared backend of {@code spec}; "cpu" is {@link SharedBackends#cpu()}. */
    static synchronized Backend open(String spec) {
        return spec.equals("cpu") ? SharedBackends.cpu() : OPEN.computeIfAbsent(spec, Backends::open);
    }

    static synchronized void closeAll() {
        OPEN.values().forEach(Backend::close);
        OPEN.clear();
    }
}
