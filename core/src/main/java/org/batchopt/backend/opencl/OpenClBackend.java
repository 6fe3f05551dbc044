package org.batchopt.backend.opencl;

import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_PROGRAM_BINARIES;
import static org.jocl.CL.CL_PROGRAM_BINARY_SIZES;
import static org.jocl.CL.CL_PROGRAM_BUILD_LOG;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clBuildProgram;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clCreateCommandQueueWithProperties;
import static org.jocl.CL.clCreateContext;
import static org.jocl.CL.clCreateKernel;
import static org.jocl.CL.clCreateProgramWithBinary;
import static org.jocl.CL.clCreateProgramWithSource;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clGetProgramBuildInfo;
import static org.jocl.CL.clGetProgramInfo;
import static org.jocl.CL.clReleaseCommandQueue;
import static org.jocl.CL.clReleaseContext;
import static org.jocl.CL.clReleaseKernel;
import static org.jocl.CL.clReleaseMemObject;
import static org.jocl.CL.clReleaseProgram;
import static org.jocl.CL.clSetKernelArg;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;
import org.batchopt.BackendException;
import org.batchopt.Precision;
import org.batchopt.Strategy;
import org.batchopt.backend.KernelProgram;
import org.batchopt.backend.RunPlan;
import org.batchopt.backend.SignalGuard;
import org.batchopt.backend.device.DeviceBackend;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;
import org.jocl.cl_queue_properties;

/**
 * An OpenCL device through JOCL. Programs are built with {@code -cl-fp32-correctly-rounded-divide-sqrt}
 * (and the prelude's {@code FP_CONTRACT OFF}), so that fp32 and fp64 arithmetic matches the CPU backend bit
 * for bit. Built programs are kept per backend, and their binaries per process and device, so a second
 * backend on the same device skips the compiler.
 */
public final class OpenClBackend extends DeviceBackend {
    static final String BUILD_OPTIONS = "-cl-fp32-correctly-rounded-divide-sqrt";
    /**
     * Program binaries by device and program text, shared by every backend of this process: a second backend on
     * the same device loads a program instead of compiling it. Bounded (a program is about 100 KB on POCL), so
     * that a long-lived process running a new expression each time does not grow without end.
     */
    static final BinaryCache BINARIES = new BinaryCache(64L << 20);

    private final OpenClDevices.Device device;
    private final cl_context context;
    private final cl_command_queue queue;
    private final Map<String, Program> programs = new HashMap<>();
    private boolean closed;

    /** A built program and its kernels. */
    private static final class Program implements Built {
        final cl_program program;
        final Map<String, cl_kernel> kernels = new HashMap<>();

        Program(cl_program program) {
            this.program = program;
        }

        cl_kernel kernel(String name) {
            return kernels.computeIfAbsent(name, n -> SignalGuard.call(() -> clCreateKernel(program, n, null)));
        }

        void release() {
            kernels.values().forEach(k -> clReleaseKernel(k));
            clReleaseProgram(program);
        }
    }

    private record Memory(cl_mem mem, long bytes) implements Buffer {
    }

    public OpenClBackend(OpenClDevices.Device device) {
        this.device = device;
        try {
            cl_context_properties props = new cl_context_properties();
            props.addProperty(org.jocl.CL.CL_CONTEXT_PLATFORM, device.platform());
            context = SignalGuard.call(() -> clCreateContext(props, 1, new cl_device_id[] {device.id()}, null, null,
                    null));
            queue = SignalGuard.call(() -> clCreateCommandQueueWithProperties(context, device.id(),
                    new cl_queue_properties(), null));
        } catch (CLException e) {
            throw new BackendException(BackendException.Code.UNAVAILABLE, device.spec() + ": cannot create a context: "
                    + e.getMessage(), null, e);
        }
    }

    @Override
    public String id() {
        return device.spec();
    }

    @Override
    public String device() {
        return device.description();
    }

    @Override
    public void requirePrecision(Precision precision) {
        if (!device.fp64()) {
            throw new BackendException(BackendException.Code.UNSUPPORTED_PRECISION, device.spec() + " (" + device.name()
                    + ") has no fp64 support (no cl_khr_fp64)" + (precision == Precision.FP64 ? ""
                    : ", which the fp32 exp, log, sin and cos of kernels/math.cl evaluate in to match the other backends"));
        }
        if (precision == Precision.FP32 && !device.fp32CorrectlyRounded()) {
            throw new BackendException(BackendException.Code.UNSUPPORTED_PRECISION, device.spec() + " (" + device.name()
                    + ") cannot divide and take square roots correctly rounded in fp32, so it cannot match the other "
                    + "backends bit for bit");
        }
    }

    @Override
    protected String preludeName() {
        return "prelude_opencl.h";
    }

    /** Builds through the driver's compiler, which may replace the JVM's signal handlers (POCL's LLVM does). */
    @Override
    protected Built build(String text) {
        return SignalGuard.call(() -> buildProgram(text));
    }

    private Built buildProgram(String text) {
        check();
        Program built = programs.get(text);
        if (built != null) {
            return built;
        }
        String key = device.cacheKey() + "\n" + sha256(text);
        byte[] binary = BINARIES.get(key);
        cl_program program = binary != null ? fromBinary(binary) : null;
        if (program == null) {
            program = clCreateProgramWithSource(context, 1, new String[] {text}, null, null);
            try {
                clBuildProgram(program, 1, new cl_device_id[] {device.id()}, BUILD_OPTIONS, null, null);
            } catch (CLException e) {
                String log = buildLog(program);
                clReleaseProgram(program);
                throw new BackendException(BackendException.Code.BUILD_FAILED, device.spec() + ": the kernel program "
                        + "did not build: " + e.getMessage() + "\n" + log, log, e);
            }
            BINARIES.put(key, binaryOf(program));
        }
        built = new Program(program);
        programs.put(text, built);
        return built;
    }

    /** The program text's SHA-256, so that a cache key is short whatever the program's length. */
    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private cl_program fromBinary(byte[] binary) {
        try {
            cl_program program = clCreateProgramWithBinary(context, 1, new cl_device_id[] {device.id()},
                    new long[] {binary.length}, new byte[][] {binary}, null, null);
            clBuildProgram(program, 1, new cl_device_id[] {device.id()}, BUILD_OPTIONS, null, null);
            return program;
        } catch (CLException e) {
            return null;
        }
    }

    private static byte[] binaryOf(cl_program program) {
        long[] size = new long[1];
        clGetProgramInfo(program, CL_PROGRAM_BINARY_SIZES, Sizeof.size_t, Pointer.to(size), null);
        byte[] binary = new byte[(int) size[0]];
        clGetProgramInfo(program, CL_PROGRAM_BINARIES, Sizeof.POINTER, Pointer.to(Pointer.to(binary)), null);
        return binary;
    }

    private String buildLog(cl_program program) {
        try {
            long[] size = new long[1];
            clGetProgramBuildInfo(program, device.id(), CL_PROGRAM_BUILD_LOG, 0, null, size);
            byte[] log = new byte[(int) size[0]];
            clGetProgramBuildInfo(program, device.id(), CL_PROGRAM_BUILD_LOG, log.length, Pointer.to(log), null);
            return new String(log, StandardCharsets.UTF_8).trim();
        } catch (CLException e) {
            return "(no build log: " + e.getMessage() + ")";
        }
    }

    @Override
    protected Buffer allocate(long bytes) {
        check();
        try {
            return new Memory(clCreateBuffer(context, CL_MEM_READ_WRITE, Math.max(1, bytes), null, null), bytes);
        } catch (CLException e) {
            throw deviceError("allocating " + bytes + " bytes", e);
        }
    }

    @Override
    protected void free(Buffer buffer) {
        clReleaseMemObject(((Memory) buffer).mem());
    }

    @Override
    protected void write(Buffer dst, ByteBuffer src) {
        try {
            clEnqueueWriteBuffer(queue, ((Memory) dst).mem(), CL_TRUE, 0, src.remaining(), Pointer.to(src), 0, null,
                    null);
        } catch (CLException e) {
            throw deviceError("copying to the device", e);
        }
    }

    @Override
    protected void read(Buffer src, ByteBuffer dst) {
        try {
            clEnqueueReadBuffer(queue, ((Memory) src).mem(), CL_TRUE, 0, dst.remaining(), Pointer.to(dst), 0, null,
                    null);
        } catch (CLException e) {
            throw deviceError("copying from the device", e);
        }
    }

    /** A driver may compile at a launch (POCL does, per work-group size), hence the check of the signal handlers. */
    @Override
    protected void launch(Built program, String kernel, long items, Precision precision, Object... args) {
        if (items == 0) {
            return;
        }
        enqueue(program, kernel, new long[] {items}, null, precision, args);
    }

    @Override
    protected void launchGroups(Built program, String kernel, long groups, int groupSize, Precision precision,
                                Object... args) {
        if (groups == 0) {
            return;
        }
        enqueue(program, kernel, new long[] {groups * groupSize}, new long[] {groupSize}, precision, args);
    }

    /** Sets the arguments and enqueues {@code kernel} over {@code global} work-items, work-groups of {@code local}. */
    private void enqueue(Built program, String kernel, long[] global, long[] local, Precision precision,
                         Object... args) {
        try {
            cl_kernel k = ((Program) program).kernel(kernel);
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                if (a instanceof Memory m) {
                    clSetKernelArg(k, i, Sizeof.cl_mem, Pointer.to(m.mem()));
                } else if (a instanceof Integer v) {
                    clSetKernelArg(k, i, Sizeof.cl_int, Pointer.to(new int[] {v}));
                } else if (a instanceof Long v) {
                    clSetKernelArg(k, i, Sizeof.cl_long, Pointer.to(new long[] {v}));
                } else if (a instanceof Double v && precision == Precision.FP64) {
                    clSetKernelArg(k, i, Sizeof.cl_double, Pointer.to(new double[] {v}));
                } else if (a instanceof Double v) {
                    clSetKernelArg(k, i, Sizeof.cl_float, Pointer.to(new float[] {(float) (double) v}));
                } else {
                    throw new IllegalArgumentException("kernel argument " + i + " of type " + a.getClass());
                }
            }
            clEnqueueNDRangeKernel(queue, k, 1, null, global, local, 0, null, null);
        } catch (CLException e) {
            throw deviceError("launching " + kernel, e);
        } finally {
            SignalGuard.recheck();
        }
    }


    /**
     * Refuses a model fitted to a dataset on a device whose work-groups are smaller than the tiles of
     * {@code kernels/data.cl} ({@link KernelProgram#DATA_TILE} squared work-items).
     */
    @Override
    public void requirePlan(RunPlan plan) {
        int tile = KernelProgram.DATA_TILE * KernelProgram.DATA_TILE;
        if (plan.strategy() == Strategy.BATCHED && device.maxWorkGroup() < tile) {
            throw new IllegalArgumentException(device.spec() + " runs work-groups of at most " + device.maxWorkGroup()
                    + " work-items; the kernels of models fitted to a dataset need " + tile + " (use --backend cpu)");
        }
    }

    @Override
    protected void finish() {
        try {
            clFinish(queue);
        } catch (CLException e) {
            throw deviceError("waiting for the device", e);
        }
    }

    @Override
    protected long memoryBudget() {
        return device.globalMemory() / 10 * 7;
    }

    @Override
    protected long maxAllocation() {
        return device.maxAllocation();
    }

    private BackendException deviceError(String what, CLException e) {
        BackendException.Code code = e.getStatus() == org.jocl.CL.CL_MEM_OBJECT_ALLOCATION_FAILURE
                || e.getStatus() == org.jocl.CL.CL_OUT_OF_RESOURCES || e.getStatus() == org.jocl.CL.CL_OUT_OF_HOST_MEMORY
                ? BackendException.Code.OUT_OF_MEMORY : BackendException.Code.DEVICE_ERROR;
        return new BackendException(code, device.spec() + ": " + what + ": " + e.getMessage(), null, e);
    }

    private void check() {
        if (closed) {
            throw new IllegalStateException(device.spec() + " is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        releaseDatasets();
        closed = true;
        programs.values().forEach(Program::release);
        programs.clear();
        clReleaseCommandQueue(queue);
        clReleaseContext(context);
    }
}
