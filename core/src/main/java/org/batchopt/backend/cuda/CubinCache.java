package org.batchopt.backend.cuda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Compiled kernel programs, kept in memory for this process and on disk for the next ones, so that a second
 * run of the same job loads a cubin (under a millisecond) instead of compiling (hundreds of milliseconds).
 *
 * <p>An entry is keyed by the SHA-256 of (program text, NVRTC version, every compile option including the
 * target architecture), so a new NVRTC, a new device architecture or a changed kernel never meets an old
 * entry. On disk an entry is {@code <key>.cubin} (or {@code .ptx}): a header line with the SHA-256 of the
 * image, then the image. It is written to a temporary file and renamed into place, so that readers never see
 * half an entry; an entry that is unreadable or whose digest does not match is compiled again and replaced.
 * A folder that cannot be created or written leaves the cache in memory only: it is a cache, not a
 * requirement.
 *
 * <p>The folder: the system property {@value #PROPERTY}, else the environment variable {@value #ENV}, else
 * {@code $XDG_CACHE_HOME/batchopt/cuda}, else {@code ~/.cache/batchopt/cuda}. Thread-safe.
 */
public final class CubinCache {
    /** System property naming the cache folder. */
    public static final String PROPERTY = "batchopt.cache";
    /** Environment variable naming the cache folder, when the property is not set. */
    public static final String ENV = "BATCHOPT_CACHE";

    private static final String FORMAT = "batchopt-cuda-image 1";
    private static CubinCache shared;

    /** Where an image came from. */
    public enum Origin {
        /** This process had it. */
        MEMORY,
        /** Read from the cache folder. */
        DISK,
        /** Compiled by NVRTC just now. */
        COMPILED
    }

    /**
     * An image and where it came from.
     *
     * @param key the cache key (hex SHA-256), also the file name on disk
     */
    public record Entry(Nvrtc.Image image, Origin origin, String key) {
    }

    private final Path folder;
    private final Map<String, Nvrtc.Image> memory = new HashMap<>();

    /** @param folder the cache folder (created when needed), or null to keep images in memory only */
    public CubinCache(Path folder) {
        this.folder = folder;
    }

    /** The process-wide cache in {@link #defaultFolder()}. */
    public static synchronized CubinCache shared() {
        if (shared == null) {
            shared = new CubinCache(defaultFolder());
        }
        return shared;
    }

    /** The folder the documented settings name. */
    public static Path defaultFolder() {
        return folder(System.getProperty(PROPERTY), System.getenv(ENV), System.getenv("XDG_CACHE_HOME"),
                System.getProperty("user.home"));
    }

    static Path folder(String property, String env, String xdgCacheHome, String home) {
        for (String given : new String[] {property, env}) {
            if (given != null && !given.isBlank()) {
                return Path.of(given.trim());
            }
        }
        Path base = xdgCacheHome != null && !xdgCacheHome.isBlank() ? Path.of(xdgCacheHome.trim())
                : Path.of(home, ".cache");
        return base.resolve("batchopt").resolve("cuda");
    }

    /** The cache folder, or null when in memory only. */
    public Path folder() {
        return folder;
    }

    /** The key of {@code text} compiled by {@code nvrtc} for {@code target}. */
    public static String key(String text, String nvrtcVersion, Nvrtc.Target target) {
        MessageDigest sha = sha256();
        sha.update((FORMAT + "\nNVRTC " + nvrtcVersion + "\n" + String.join(" ", Nvrtc.options(target)) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * The image of {@code text} for {@code target}: from memory, else from disk, else compiled by {@code nvrtc}
     * (and then kept in both).
     *
     * @throws org.batchopt.BackendException BUILD_FAILED with the compiler's log when it does not compile
     */
    public synchronized Entry get(Nvrtc nvrtc, String text, Nvrtc.Target target) {
        String key = key(text, nvrtc.version(), target);
        Nvrtc.Image image = memory.get(key);
        if (image != null) {
            return new Entry(image, Origin.MEMORY, key);
        }
        image = readDisk(key, target.cubin());
        Origin origin = Origin.DISK;
        if (image == null) {
            image = nvrtc.compile(text, "batchopt.cu", target);
            origin = Origin.COMPILED;
            writeDisk(key, image);
        }
        memory.put(key, image);
        return new Entry(image, origin, key);
    }

    /** Forgets {@code key} in memory and on disk, e.g. after the driver refused its image. */
    public synchronized void evict(String key) {
        memory.remove(key);
        if (folder != null) {
            for (boolean cubin : new boolean[] {true, false}) {
                try {
                    Files.deleteIfExists(file(key, cubin));
                } catch (IOException e) {
                    // Left as it is: its digest is still checked when it is read.
                }
            }
        }
    }

    /** The file of {@code key}. */
    Path file(String key, boolean cubin) {
        return folder.resolve(key + (cubin ? ".cubin" : ".ptx"));
    }

    private Nvrtc.Image readDisk(String key, boolean cubin) {
        if (folder == null) {
            return null;
        }
        byte[] all;
        try {
            all = Files.readAllBytes(file(key, cubin));
        } catch (IOException e) {
            return null;
        }
        int nl = indexOf(all, (byte) '\n');
        if (nl < 0) {
            return null;
        }
        String header = new String(all, 0, nl, StandardCharsets.US_ASCII);
        byte[] body = Arrays.copyOfRange(all, nl + 1, all.length);
        String expected = FORMAT + " " + HexFormat.of().formatHex(sha256().digest(body));
        return header.equals(expected) ? new Nvrtc.Image(body, cubin, "") : null;
    }

    private void writeDisk(String key, Nvrtc.Image image) {
        if (folder == null) {
            return;
        }
        Path tmp = null;
        try {
            Files.createDirectories(folder);
            tmp = Files.createTempFile(folder, key, ".tmp");
            byte[] header = (FORMAT + " " + HexFormat.of().formatHex(sha256().digest(image.bytes())) + "\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] all = Arrays.copyOf(header, header.length + image.bytes().length);
            System.arraycopy(image.bytes(), 0, all, header.length, image.bytes().length);
            Files.write(tmp, all);
            Path target = file(key, image.cubin());
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException | SecurityException e) {
            // No disk cache here (read-only home, full disk): the image stays in memory.
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // A stray temporary file; harmless.
                }
            }
        }
    }

    private static int indexOf(byte[] a, byte b) {
        for (int i = 0; i < Math.min(a.length, 256); i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
