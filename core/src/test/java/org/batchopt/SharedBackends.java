package org.batchopt;

/**
 * The CPU backend every test of a JVM shares: opened on first use and closed when the JVM exits, so that test
 * classes neither open their own nor close it under another. Never close it.
 */
public final class SharedBackends {
    private static Backend cpu;

    private SharedBackends() {
    }

    /** The shared CPU backend. */
    public static synchronized Backend cpu() {
        if (cpu == null) {
            cpu = Backends.open("cpu");
            Backend opened = cpu;
            Runtime.getRuntime().addShutdownHook(new Thread(opened::close, "batchopt-test-cpu-close"));
        }
        return cpu;
    }
}
