package org.batchopt.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The kernel sources of {@code kernels/}, read from the classpath, never from a file path. */
public final class KernelSources {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private KernelSources() {
    }

    /** The text of {@code kernels/<name>}; an {@link IllegalStateException} if the build left it out. */
    public static String read(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            try (InputStream in = KernelSources.class.getResourceAsStream("/kernels/" + n)) {
                if (in == null) {
                    throw new IllegalStateException("kernel source kernels/" + n + " is not on the classpath");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read kernels/" + n, e);
            }
        });
    }
}
