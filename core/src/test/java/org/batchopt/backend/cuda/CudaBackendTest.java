package org.batchopt.backend.cuda;

import org.batchopt.backend.BrokenObjective;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.batchopt.Backend;
import org.batchopt.BackendException;
import org.batchopt.Backends;
import org.batchopt.Batch;
import org.batchopt.Engine;
import org.batchopt.MathMode;
import org.batchopt.Objective;
import org.batchopt.Objectives;
import org.batchopt.Precision;
import org.batchopt.Result;
import org.batchopt.Starts;
import org.batchopt.Box;
import org.batchopt.Stopping;
import org.batchopt.Strategy;
import org.batchopt.backend.cpu.CpuBackend;
import org.batchopt.backend.device.FastFits;
import org.batchopt.rule.Adam;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CUDA backend on a real GPU: small runs bit-identical to the CPU, kernel time from events, the cubin
 * cache across backends, several GPUs, failures with their codes; fits in fast math (cuBLAS) close to the CPU's
 * strict ones ({@code FastFits}), and with TF32 close at TF32's precision. Skipped, with the reason ("no libcuda.so.1
 * ..."), where there is no CUDA device; the parity suite covers the rest on every device found.
 */
class CudaBackendTest {

    /** The first CUDA device, or the test is skipped with why there is none. */
    static CudaDevices.Device device() {
        try {
            CudaDevices.Device d = CudaDevices.list().get(0);
            Nvrtc.find();
            return d;
        } catch (BackendException e) {
            Assumptions.abort(e.getMessage());
            throw e;
        }
    }

    static Batch batch(Objective f, int members) {
        return Batch.builder(f.dimension()).members(members).starts(Starts.uniform(Box.cube(f.dimension(), -2, 2), 7))
                .build();
    }

    static Result run(Backend backend, Precision p, Strategy s) {
        Objective f = Objectives.rosenbrock(4);
        return Engine.on(backend).precision(p).strategy(s).stopping(Stopping.maxSteps(200).gradientTolerance(1e-4))
                .run(f, Adam.builder().lr(1e-2).build(), batch(f, 1000));
    }

    static void assertSame(Result expected, Result actual, String what) {
        for (int m = 0; m < expected.members(); m++) {
            assertArrayEquals(expected.x(m), actual.x(m), what + " member " + m);
            assertEquals(expected.f(m), actual.f(m), what + " member " + m);
            assertEquals(expected.gradientNorm(m), actual.gradientNorm(m), what + " member " + m);
            assertEquals(expected.steps(m), actual.steps(m), what + " member " + m);
            assertEquals(expected.status(m), actual.status(m), what + " member " + m);
        }
    }

    @Test
    void smallRunsAreBitIdenticalToTheCpu() {
        CudaDevices.Device d = device();
        try (Backend cuda = new CudaBackend(d); Backend cpu = new CpuBackend()) {
            for (Precision p : Precision.values()) {
                for (Strategy s : new Strategy[] {Strategy.FUSED, Strategy.STREAMING}) {
                    assertSame(run(cpu, p, s), run(cuda, p, s), p + " " + s);
                }
            }
        }
    }

    @Test
    void runTimeIsKernelTimeFromEvents() {
        try (CudaBackend cuda = new CudaBackend(device())) {
            Result r = run(cuda, Precision.FP32, Strategy.STREAMING);
            assertTrue(r.timing().runSeconds() > 0, r.timing().toString());
            assertTrue(r.timing().runSeconds() < r.timing().totalSeconds(), r.timing().toString());
            cuda.profileKernels(true);
            cuda.resetKernelProfile();
            Result profiled = run(cuda, Precision.FP32, Strategy.STREAMING);
            Map<String, CudaBackend.KernelTime> profile = cuda.kernelProfile();
            long steps = 0;
            for (int m = 0; m < profiled.members(); m++) {
                steps = Math.max(steps, profiled.steps(m));
            }
            assertTrue(profile.get("bo_stream_update").launches() >= steps, profile.toString());
            double sum = profile.values().stream().mapToDouble(CudaBackend.KernelTime::seconds).sum();
            assertEquals(profiled.timing().runSeconds(), sum, 1e-6, profile.toString());
        }
    }

    @Test
    void aSecondBackendLoadsTheCubinFromTheDiskCache(@TempDir Path dir) {
        CudaDevices.Device d = device();
        Nvrtc nvrtc = Nvrtc.find();
        Result first;
        try (Backend cuda = new CudaBackend(d, nvrtc, new CubinCache(dir))) {
            first = run(cuda, Precision.FP64, Strategy.FUSED);
        }
        try (Backend cuda = new CudaBackend(d, nvrtc, new CubinCache(dir))) {
            Result second = run(cuda, Precision.FP64, Strategy.FUSED);
            assertTrue(second.timing().compileSeconds() < 0.1, "loading a cached cubin took "
                    + second.timing().compileSeconds() + " s (compiling took " + first.timing().compileSeconds() + ")");
            assertSame(first, second, "from the cache");
        }
    }

    @Test
    void everyGpuSharesABatchWithTheSameResults() {
        device();
        try (Backend all = Backends.open("cuda:all"); Backend one = Backends.open("cuda:0")) {
            assertSame(run(one, Precision.FP32, Strategy.FUSED), run(all, Precision.FP32, Strategy.FUSED), all.id());
        }
    }

    @Test
    void aKernelThatDoesNotBuildRaisesBuildFailedWithTheLog() {
        try (Backend cuda = new CudaBackend(device())) {
            Batch b = Batch.builder(2).members(4).starts(Starts.point(1, 2)).build();
            BackendException e = assertThrows(BackendException.class, () -> Engine.on(cuda)
                    .stopping(Stopping.maxSteps(3)).run(BrokenObjective.create(), Adam.builder().build(), b));
            assertEquals(BackendException.Code.BUILD_FAILED, e.code());
            assertTrue(e.log().contains(BrokenObjective.UNDECLARED), e.log());
        }
    }

    @Test
    void runningOutOfMemoryHasItsCode() {
        CudaDevices.Device d = device();
        try (CudaBackend cuda = new CudaBackend(d)) {
            BackendException e = assertThrows(BackendException.class, () -> cuda.allocate(d.totalMemory() * 2));
            assertEquals(BackendException.Code.OUT_OF_MEMORY, e.code(), e.getMessage());
            Result r = run(cuda, Precision.FP32, Strategy.FUSED);
            assertEquals(1000, r.members(), "the backend still works");
        }
    }

    @Test
    void closeReleasesEverythingOnce() {
        CudaBackend cuda = new CudaBackend(device());
        run(cuda, Precision.FP32, Strategy.FUSED);
        assertTrue(cuda.pinnedBytes() > 0, "page-locked buffers are kept for the next run");
        cuda.close();
        cuda.close();
        assertThrows(IllegalStateException.class, () -> run(cuda, Precision.FP32, Strategy.FUSED));
    }


    /**
     * The fits of {@link FastFits} through cuBLAS against the CPU's strict fits: as close as FastProductsTest asks of
     * the host gemm; with TF32 (fp32 only), within {@value #TF32_CLOSE} relative. Skipped where cuBLAS is missing.
     */
    @Test
    void fastFitsThroughCublasComeCloseToTheCpu() {
        CudaDevices.Device d = device();
        try {
            Cublas.find();
        } catch (BackendException e) {
            Assumptions.abort(e.getMessage());
        }
        try (Backend cuda = new CudaBackend(d); Backend cpu = new CpuBackend()) {
            for (FastFits.Fit fit : FastFits.all()) {
                Result strict = fit.run(cpu, MathMode.STRICT);
                FastFits.assertClose(strict, fit.run(cuda, MathMode.FAST), fit.close(), fit + " fast");
                if (fit.precision() == Precision.FP32) {
                    FastFits.assertClose(strict, fit.run(cuda, MathMode.FAST_TF32), TF32_CLOSE, fit + " tf32");
                }
            }
        }
    }

    /** TF32 keeps 10 bits of each product's inputs: relative errors near 1e-3 per term, averaged over the rows. */
    static final double TF32_CLOSE = 2e-2;
}
