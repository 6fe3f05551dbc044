package org.batchopt.backend.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.batchopt.Objectives;
import org.batchopt.Precision;
import org.batchopt.Stopping;
import org.batchopt.Strategy;
import org.batchopt.RunSettings;
import org.batchopt.TestAccess;
import org.batchopt.kernel.KernelSources;
import org.batchopt.rule.Adam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cubin cache: where it lives, what its key covers, disk hits, and entries that are damaged or cannot be kept. */
class CubinCacheTest {
    static final Nvrtc.Target SM90 = new Nvrtc.Target(90, true);

    /** A real kernel program: Rosenbrock D=8, Adam, fp32, fused. */
    static String program() {
        RunSettings settings = RunSettings.DEFAULTS.withPrecision(Precision.FP32).withStrategy(Strategy.FUSED);
        return TestAccess.plan(Objectives.rosenbrock(8), Adam.builder().build(), settings).program()
                .text(KernelSources.read("prelude_cuda.h"));
    }

    @Test
    void theFolderFollowsTheDocumentedOrder() {
        assertEquals(Path.of("/p"), CubinCache.folder("/p", "/e", "/x", "/home/u"));
        assertEquals(Path.of("/e"), CubinCache.folder(null, "/e", "/x", "/home/u"));
        assertEquals(Path.of("/x/batchopt/cuda"), CubinCache.folder(null, null, "/x", "/home/u"));
        assertEquals(Path.of("/home/u/.cache/batchopt/cuda"), CubinCache.folder(null, "", null, "/home/u"));
    }

    @Test
    void theKeyCoversTextNvrtcVersionAndTarget() {
        String k = CubinCache.key("text", "13.0", SM90);
        assertEquals(64, k.length());
        assertEquals(k, CubinCache.key("text", "13.0", SM90));
        assertNotEquals(k, CubinCache.key("text2", "13.0", SM90));
        assertNotEquals(k, CubinCache.key("text", "12.8", SM90));
        assertNotEquals(k, CubinCache.key("text", "13.0", new Nvrtc.Target(80, true)));
        assertNotEquals(k, CubinCache.key("text", "13.0", new Nvrtc.Target(90, false)));
    }

    @Test
    void aSecondProcessFindsTheCubinOnDisk(@TempDir Path dir) throws IOException {
        Nvrtc nvrtc = NvrtcTest.nvrtc();
        String text = program();
        CubinCache first = new CubinCache(dir.resolve("cache"));
        CubinCache.Entry compiled = first.get(nvrtc, text, SM90);
        assertEquals(CubinCache.Origin.COMPILED, compiled.origin());
        assertEquals(CubinCache.Origin.MEMORY, first.get(nvrtc, text, SM90).origin());
        assertEquals(List.of(compiled.key() + ".cubin"), files(dir.resolve("cache")), "one entry, no temporary file");

        long t0 = System.nanoTime();
        CubinCache.Entry again = new CubinCache(dir.resolve("cache")).get(nvrtc, text, SM90);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        assertEquals(CubinCache.Origin.DISK, again.origin());
        assertArrayEquals(compiled.image().bytes(), again.image().bytes());
        assertTrue(again.image().cubin());
        assertTrue(seconds < 1, "a disk hit took " + seconds + " s");

        Nvrtc.Target ptx = new Nvrtc.Target(90, false);
        CubinCache.Entry other = first.get(nvrtc, text, ptx);
        assertEquals(CubinCache.Origin.COMPILED, other.origin());
        assertEquals(CubinCache.Origin.DISK, new CubinCache(dir.resolve("cache")).get(nvrtc, text, ptx).origin());
        assertTrue(Files.exists(dir.resolve("cache").resolve(other.key() + ".ptx")));
    }

    @Test
    void aDamagedEntryIsCompiledAgainAndReplaced(@TempDir Path dir) throws IOException {
        Nvrtc nvrtc = NvrtcTest.nvrtc();
        String text = program();
        CubinCache.Entry good = new CubinCache(dir).get(nvrtc, text, SM90);
        Path file = dir.resolve(good.key() + ".cubin");
        byte[] bytes = Files.readAllBytes(file);

        byte[] flipped = bytes.clone();
        flipped[flipped.length / 2] ^= 0x5a;
        byte[] truncated = Arrays.copyOf(bytes, bytes.length / 3);
        for (byte[] damaged : new byte[][] {flipped, truncated, new byte[0], "garbage".getBytes()}) {
            Files.write(file, damaged);
            CubinCache.Entry rebuilt = new CubinCache(dir).get(nvrtc, text, SM90);
            assertEquals(CubinCache.Origin.COMPILED, rebuilt.origin());
            assertArrayEquals(good.image().bytes(), rebuilt.image().bytes());
            assertArrayEquals(bytes, Files.readAllBytes(file), "the entry is replaced by a good one");
            assertEquals(CubinCache.Origin.DISK, new CubinCache(dir).get(nvrtc, text, SM90).origin());
        }
    }

    @Test
    void anEvictedEntryIsCompiledAgain(@TempDir Path dir) {
        Nvrtc nvrtc = NvrtcTest.nvrtc();
        String text = program();
        CubinCache cache = new CubinCache(dir);
        CubinCache.Entry e = cache.get(nvrtc, text, SM90);
        cache.evict(e.key());
        assertEquals(CubinCache.Origin.COMPILED, cache.get(nvrtc, text, SM90).origin());
    }

    @Test
    void aFolderThatCannotBeWrittenLeavesTheCacheInMemory(@TempDir Path dir) throws IOException {
        Nvrtc nvrtc = NvrtcTest.nvrtc();
        Path notAFolder = Files.writeString(dir.resolve("file"), "in the way");
        CubinCache cache = new CubinCache(notAFolder.resolve("cuda"));
        String text = program();
        assertEquals(CubinCache.Origin.COMPILED, cache.get(nvrtc, text, SM90).origin());
        assertEquals(CubinCache.Origin.MEMORY, cache.get(nvrtc, text, SM90).origin());
        assertEquals(CubinCache.Origin.COMPILED, new CubinCache(null).get(nvrtc, text, SM90).origin());
    }

    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
