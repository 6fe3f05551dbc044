package org.batchopt.backend.cuda;

import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRelease;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRetain;
import static jcuda.driver.JCudaDriver.cuFuncGetAttribute;
import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemGetInfo;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoHAsync;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoDAsync;
import static jcuda.driver.JCudaDriver.cuModuleGetFunction;
import static jcuda.driver.JCudaDriver.cuModuleLoadData;
import static jcuda.driver.JCudaDriver.cuModuleUnload;
import static jcuda.driver.JCudaDriver.cuStreamCreate;
import static jcuda.driver.JCudaDriver.cuStreamDestroy;
import static jcuda.driver.JCudaDriver.cuStreamSynchronize;

import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import jcuda.CudaException;
import jcuda.NativePointerObject;
import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUfunction_attribute;
import jcuda.driver.CUmodule;
import jcuda.driver.CUresult;
import jcuda.driver.CUstream;
import jcuda.driver.CUstream_flags;
import org.batchopt.BackendException;
import org.batchopt.MathMode;
import org.batchopt.Precision;
import org.batchopt.backend.device.DeviceBackend;
import org.batchopt.backend.RunPlan;

/**
 * A CUDA device through the driver API (JCuda). Kernel programs are the portable source behind
 * {@code prelude_cuda.h}, compiled by {@link Nvrtc} with {@code --fmad=false} (so that arithmetic matches the
 * CPU and OpenCL backends bit for bit) to a cubin for the device's architecture, cached by
 * {@link CubinCache} in memory and on disk, and loaded as a module.
 *
 * <p>A model fitted to a dataset in a fast {@link MathMode} computes its two matrix products with cuBLAS
 * ({@link Cublas}, one handle per mode on the backend's stream; {@code DataLoop} says how the buffers map to
 * column-major matrices); those results are not bit-identical to the CPU's.
 *
 * <p>Resources, all owned here and released by {@link #close()} in reverse order: the device's primary
 * context (retained), one non-blocking stream on which every copy, launch and cuBLAS call is issued in order, CUDA
 * events timing the kernels (cuBLAS's calls included), cuBLAS handles, modules, and page-locked host buffers from
 * which copies run asynchronously. Every
 * operation makes the context current on the calling thread first, so that several backends (one per GPU,
 * see {@code cuda:all}) can be driven from several threads; one backend is used by one thread at a time.
 *
 * <p>Launches are 1-D with {@value #DEFAULT_BLOCK} threads per block, or the system property
 * {@value #BLOCK_PROPERTY}; a kernel whose registers allow fewer gets fewer. Results do not depend on it.
 * {@link org.batchopt.Timing#runSeconds()} of a result is device time in kernels, from CUDA events.
 */
public final class CudaBackend extends DeviceBackend {
    /** Threads per block unless {@value #BLOCK_PROPERTY} says otherwise. */
    public static final int DEFAULT_BLOCK = 128;
    /** System property: threads per block of every launch. */
    public static final String BLOCK_PROPERTY = "batchopt.cuda.block";

    /** Launches and device seconds of one kernel, from {@link #kernelProfile()}. */
    public record KernelTime(long launches, double seconds) {
    }

    private final CudaDevices.Device device;
    private final Nvrtc nvrtc;
    private final Nvrtc.Target target;
    private final CubinCache cache;
    private final int blockSize;
    private final CUdevice cuDevice = new CUdevice();
    private final CUcontext context = new CUcontext();
    private final Stream stream = new Stream();
    private final Map<String, Module> modules = new HashMap<>();
    /** cuBLAS handles of the fast math modes, made on first use; null until {@link #requireMath} found cuBLAS. */
    private final Map<MathMode, Cublas.Handle> blas = new EnumMap<>(MathMode.class);
    private Cublas cublas;
    private KernelTimer timer;
    private PinnedPool pinned;
    private boolean retained;
    private boolean streamCreated;
    private boolean closed;

    /** A loaded module and its kernels. */
    private static final class Module implements Built {
        final CUmodule module;
        final Map<String, CUfunction> functions = new HashMap<>();
        final Map<String, Integer> blocks = new HashMap<>();

        Module(CUmodule module) {
            this.module = module;
        }
    }

    private record Memory(DevicePointer pointer, long bytes) implements Buffer {
    }

    /**
     * A device pointer whose raw address cuBLAS can take: JCuda keeps it in {@code NativePointerObject}'s private
     * {@code nativePointer} field, readable through its protected {@code getNativePointer()}, which a subclass may
     * call. JCuda's own calls take it as the {@link CUdeviceptr} it is. (Reflection on the field would work too, but
     * breaks silently if JCuda renames it; a subclass fails to compile instead.)
     */
    static final class DevicePointer extends CUdeviceptr {
        long address() {
            return getNativePointer();
        }
    }

    /** The stream, with its raw handle for cuBLAS, as {@link DevicePointer}. */
    static final class Stream extends CUstream {
        long address() {
            return getNativePointer();
        }
    }

    /**
     * Opens {@code device} with this process's NVRTC ({@link Nvrtc#find()}) and cubin cache
     * ({@link CubinCache#shared()}).
     *
     * @throws BackendException UNAVAILABLE when NVRTC is missing or cannot compile for the device, or the
     *                          device cannot be opened
     */
    public CudaBackend(CudaDevices.Device device) {
        this(device, Nvrtc.find(), CubinCache.shared());
    }

    /** Opens {@code device}, compiling with {@code nvrtc} and caching in {@code cache}. */
    public CudaBackend(CudaDevices.Device device, Nvrtc nvrtc, CubinCache cache) {
        this.device = device;
        this.nvrtc = nvrtc;
        this.cache = cache;
        this.target = nvrtc.target(device.ccMajor(), device.ccMinor());
        this.blockSize = blockSize(System.getProperty(BLOCK_PROPERTY));
        try {
            open(cuDeviceGet(cuDevice, device.index()), "getting the device");
            open(cuDevicePrimaryCtxRetain(context, cuDevice), "retaining its primary context");
            retained = true;
            open(cuCtxSetCurrent(context), "making its context current");
            open(cuStreamCreate(stream, CUstream_flags.CU_STREAM_NON_BLOCKING), "creating a stream");
            streamCreated = true;
            timer = new KernelTimer(device.spec(), stream);
            pinned = new PinnedPool();
        } catch (BackendException | CudaException e) {
            close();
            throw e instanceof CudaException c ? CudaErrors.wrap(c, device.spec(), "opening") : (BackendException) e;
        }
    }

    private void open(int result, String what) {
        if (result != CUresult.CUDA_SUCCESS) {
            throw new BackendException(BackendException.Code.UNAVAILABLE, device.spec() + " (" + device.name()
                    + "): " + what + ": " + CUresult.stringFor(result));
        }
    }

    static int blockSize(String property) {
        if (property == null || property.isBlank()) {
            return DEFAULT_BLOCK;
        }
        try {
            int b = Integer.parseInt(property.trim());
            if (b >= 32 && b <= 1024 && b % 32 == 0) {
                return b;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(BLOCK_PROPERTY + "=" + property + ": threads per block must be a multiple "
                + "of 32 from 32 to 1024");
    }

    @Override
    public String id() {
        return device.spec();
    }

    @Override
    public String device() {
        return CudaDevices.describe(device, nvrtc, target);
    }

    /** What the kernels are compiled for. */
    public Nvrtc.Target target() {
        return target;
    }

    /** Both precisions: every device NVRTC compiles for (compute capability 3.5 and later) has fp64. */
    @Override
    public void requirePrecision(Precision precision) {
        check();
    }

    @Override
    public int maxBlockMembers(RunPlan plan) {
        current();
        return super.maxBlockMembers(plan);
    }

    /**
     * Accepts the fast math modes where cuBLAS loads ({@link Cublas#find()}). TF32 on a GPU older than compute
     * capability 8.0 (no TF32 tensor cores) is accepted too: cuBLAS then computes in plain fp32.
     *
     * @throws BackendException UNAVAILABLE naming every place looked for libcublas
     */
    @Override
    public void requireMath(MathMode math) {
        check();
        if (cublas == null) {
            try {
                cublas = Cublas.find();
            } catch (BackendException e) {
                throw new BackendException(e.code(), device.spec() + ": " + e.getMessage(), null, e);
            }
        }
    }

    /** The cuBLAS products of {@code math} on this backend's stream, timed with the kernels. */
    @Override
    protected Products products(MathMode math, Precision precision) {
        requireMath(math);
        current();
        Cublas.Handle h = blas.get(math);
        if (h == null) {
            h = cublas.open(stream.address(), math, device.spec());
            blas.put(math, h);
        }
        Cublas.Handle handle = h;
        String name = precision == Precision.FP64 ? "cublasDgemm" : "cublasSgemm";
        int rb = precision.bytes();
        return (transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc) -> {
            current();
            timer.beforeLaunch(name);
            handle.gemm(precision, transA, transB, m, n, k, address(a, aOffset, rb), lda, address(b, bOffset, rb), ldb,
                    beta, address(c, cOffset, rb), ldc);
            timer.afterLaunch();
        };
    }

    private static long address(Buffer buffer, long offset, int realBytes) {
        return ((Memory) buffer).pointer().address() + offset * realBytes;
    }

    @Override
    protected String preludeName() {
        return "prelude_cuda.h";
    }

    @Override
    protected Built build(String text) {
        current();
        Module built = modules.get(text);
        if (built != null) {
            return built;
        }
        CubinCache.Entry entry;
        try {
            entry = cache.get(nvrtc, text, target);
        } catch (BackendException e) {
            throw new BackendException(e.code(), device.spec() + ": the kernel program did not build: "
                    + e.getMessage(), e.log(), e);
        }
        CUmodule module = new CUmodule();
        int r = load(module, entry.image());
        if (r != CUresult.CUDA_SUCCESS && entry.origin() != CubinCache.Origin.COMPILED) {
            cache.evict(entry.key());
            entry = cache.get(nvrtc, text, target);
            r = load(module, entry.image());
        }
        if (r != CUresult.CUDA_SUCCESS) {
            String why = CUresult.stringFor(r) + loadAdvice(r);
            throw new BackendException(BackendException.Code.BUILD_FAILED, device.spec() + ": the driver (CUDA "
                    + CudaDevices.version(device.driverVersion()) + ") did not load the " + target + " image from NVRTC "
                    + nvrtc.version() + ": " + why, why, null);
        }
        built = new Module(module);
        modules.put(text, built);
        return built;
    }

    private int load(CUmodule module, Nvrtc.Image image) {
        try {
            return cuModuleLoadData(module, image.bytes());
        } catch (CudaException e) {
            return CUresult.CUDA_ERROR_INVALID_IMAGE;
        }
    }

    private String loadAdvice(int result) {
        return switch (result) {
            case CUresult.CUDA_ERROR_UNSUPPORTED_PTX_VERSION -> " (the PTX is newer than this driver: use the NVRTC of "
                    + "a CUDA version not newer than the driver's, see native-notes/cuda.md)";
            case CUresult.CUDA_ERROR_NO_BINARY_FOR_GPU, CUresult.CUDA_ERROR_INVALID_IMAGE -> " (the image does not "
                    + "fit this GPU or driver)";
            default -> "";
        };
    }

    @Override
    protected Buffer allocate(long bytes) {
        current();
        DevicePointer p = new DevicePointer();
        try {
            CudaErrors.check(cuMemAlloc(p, Math.max(1, bytes)), device.spec(), "allocating " + bytes + " bytes");
        } catch (CudaException e) {
            throw CudaErrors.wrap(e, device.spec(), "allocating " + bytes + " bytes");
        }
        return new Memory(p, bytes);
    }

    @Override
    protected void free(Buffer buffer) {
        current();
        cuMemFree(((Memory) buffer).pointer());
    }

    @Override
    protected void write(Buffer dst, ByteBuffer src) {
        current();
        try {
            timer.endInterval();
            CudaErrors.check(cuMemcpyHtoDAsync(((Memory) dst).pointer(), Pointer.toBuffer(src), src.remaining(),
                    stream), device.spec(), "copying to the device");
        } catch (CudaException e) {
            throw CudaErrors.wrap(e, device.spec(), "copying to the device");
        }
    }

    @Override
    protected void read(Buffer src, ByteBuffer dst) {
        current();
        try {
            timer.endInterval();
            CudaErrors.check(cuMemcpyDtoHAsync(Pointer.toBuffer(dst), ((Memory) src).pointer(), dst.remaining(),
                    stream), device.spec(), "copying from the device");
            synchronize();
        } catch (CudaException e) {
            throw CudaErrors.wrap(e, device.spec(), "copying from the device");
        }
    }

    @Override
    protected void launch(Built program, String kernel, long items, Precision precision, Object... args) {
        if (items == 0) {
            return;
        }
        launchGrid((Module) program, kernel, items, 0, precision, args);
    }

    @Override
    protected void launchGroups(Built program, String kernel, long groups, int groupSize, Precision precision,
                                Object... args) {
        if (groups == 0) {
            return;
        }
        launchGrid((Module) program, kernel, groups * groupSize, groupSize, precision, args);
    }

    /** {@code kernel} over {@code items} threads in blocks of {@code block} (0: the kernel's own block size). */
    private void launchGrid(Module m, String kernel, long items, int block, Precision precision, Object... args) {
        current();
        try {
            CUfunction f = function(m, kernel);
            int threads = block > 0 ? block : m.blocks.get(kernel);
            long grid = (items + threads - 1) / threads;
            if (grid > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(kernel + " over " + items + " work-items needs more than 2^31 blocks");
            }
            timer.beforeLaunch(kernel);
            CudaErrors.check(cuLaunchKernel(f, (int) grid, 1, 1, threads, 1, 1, 0, stream,
                    parameters(precision, args), null), device.spec(), "launching " + kernel + " over " + items
                    + " work-items in blocks of " + threads);
            timer.afterLaunch();
        } catch (CudaException e) {
            throw CudaErrors.wrap(e, device.spec(), "launching " + kernel);
        }
    }

    /** The kernel parameters of {@code args}, reals in {@code precision}. */
    private static Pointer parameters(Precision precision, Object... args) {
        NativePointerObject[] params = new NativePointerObject[args.length];
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Memory mem) {
                params[i] = Pointer.to(mem.pointer());
            } else if (a instanceof Integer v) {
                params[i] = Pointer.to(new int[] {v});
            } else if (a instanceof Long v) {
                params[i] = Pointer.to(new long[] {v});
            } else if (a instanceof Double v && precision == Precision.FP64) {
                params[i] = Pointer.to(new double[] {v});
            } else if (a instanceof Double v) {
                params[i] = Pointer.to(new float[] {(float) (double) v});
            } else {
                throw new IllegalArgumentException("kernel argument " + i + " of type " + a.getClass());
            }
        }
        return Pointer.to(params);
    }

    private CUfunction function(Module m, String kernel) {
        CUfunction f = m.functions.get(kernel);
        if (f == null) {
            f = new CUfunction();
            CudaErrors.check(cuModuleGetFunction(f, m.module, kernel), device.spec(), "finding kernel " + kernel);
            int[] max = new int[1];
            CudaErrors.check(cuFuncGetAttribute(max, CUfunction_attribute.CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK, f),
                    device.spec(), "asking " + kernel + " for its largest block");
            m.functions.put(kernel, f);
            m.blocks.put(kernel, Math.max(32, Math.min(blockSize, max[0] / 32 * 32)));
        }
        return f;
    }

    @Override
    protected void finish() {
        current();
        try {
            timer.endInterval();
            synchronize();
        } catch (CudaException e) {
            throw CudaErrors.wrap(e, device.spec(), "waiting for the device");
        }
    }

    private void synchronize() {
        CudaErrors.check(cuStreamSynchronize(stream), device.spec(), "waiting for the device");
        timer.collect();
    }

    @Override
    protected long takeKernelNanos() {
        return timer.take();
    }

    /** Free device memory, less a tenth for the driver and other users. */
    @Override
    protected long memoryBudget() {
        current();
        long[] free = new long[1];
        long[] total = new long[1];
        CudaErrors.check(cuMemGetInfo(free, total), device.spec(), "asking for free memory");
        return Math.max(0, free[0] - total[0] / 10);
    }

    /** CUDA has no limit per allocation but the memory itself. */
    @Override
    protected long maxAllocation() {
        return device.totalMemory();
    }

    @Override
    protected ByteBuffer hostBuffer(long bytes) {
        current();
        ByteBuffer b = bytes <= Integer.MAX_VALUE ? pinned.take(bytes) : null;
        return b != null ? b : host(bytes);
    }

    @Override
    protected void releaseHostBuffer(ByteBuffer buffer) {
        if (!closed) {
            current();
            pinned.give(buffer);
        }
    }

    /**
     * Times every launch on its own and keeps the time per kernel (see {@link #kernelProfile()}); off by
     * default, when launches issued back to back are timed together.
     */
    public void profileKernels(boolean on) {
        timer.perLaunch(on);
    }

    /** Launches and device time per kernel since the last {@link #resetKernelProfile()}. */
    public Map<String, KernelTime> kernelProfile() {
        return timer.profile();
    }

    public void resetKernelProfile() {
        timer.resetProfile();
    }

    /** Bytes of page-locked host memory held for copies. */
    public long pinnedBytes() {
        return pinned.bytes();
    }

    private void current() {
        check();
        int r = cuCtxSetCurrent(context);
        if (r != CUresult.CUDA_SUCCESS) {
            throw CudaErrors.error(r, device.spec(), "making its context current");
        }
    }

    private void check() {
        if (closed) {
            throw new IllegalStateException(device.spec() + " is closed");
        }
    }

    /**
     * Releases the datasets kept, cuBLAS handles, modules, host buffers, events, the stream and the context, in that
     * order; idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        if (retained) {
            releaseDatasets();
        }
        closed = true;
        if (retained) {
            cuCtxSetCurrent(context);
        }
        if (streamCreated) {
            cuStreamSynchronize(stream);
        }
        for (Cublas.Handle h : blas.values()) {
            h.close();
        }
        blas.clear();
        for (Module m : modules.values()) {
            cuModuleUnload(m.module);
        }
        modules.clear();
        if (pinned != null) {
            pinned.close();
        }
        if (timer != null) {
            timer.close();
        }
        if (streamCreated) {
            cuStreamDestroy(stream);
        }
        if (retained) {
            cuDevicePrimaryCtxRelease(cuDevice);
            cuCtxSetCurrent(new CUcontext());
        }
    }
}
