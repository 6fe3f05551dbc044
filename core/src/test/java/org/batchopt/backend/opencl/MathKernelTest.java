package org.batchopt.backend.opencl;

import static org.jocl.CL.CL_MEM_COPY_HOST_PTR;
import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clBuildProgram;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clCreateCommandQueueWithProperties;
import static org.jocl.CL.clCreateContext;
import static org.jocl.CL.clCreateKernel;
import static org.jocl.CL.clCreateProgramWithSource;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clReleaseCommandQueue;
import static org.jocl.CL.clReleaseContext;
import static org.jocl.CL.clReleaseKernel;
import static org.jocl.CL.clReleaseMemObject;
import static org.jocl.CL.clReleaseProgram;
import static org.jocl.CL.clSetKernelArg;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.batchopt.BackendException;
import org.batchopt.kernel.KernelSources;
import org.batchopt.kernel.Math32;
import org.batchopt.kernel.Math64;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kernels/math.cl} itself, on every OpenCL device found (POCL here; NVIDIA's OpenCL too where its ICD is
 * registered), against its twins {@link Math32} and
 * {@link Math64}: every function over {@value #N} arguments per precision (special values, every bit pattern,
 * the usual ranges, the Payne-Hanek range of sin and cos) must give the same bits (any NaN matches any NaN).
 * The parity suite checks the same through the objectives; this finds a divergence in one function directly.
 * Skipped, with the reason, where there is no OpenCL device with fp64 (the fp32 functions evaluate in double).
 */
class MathKernelTest {
    static final int N = 1 << 19;
    static final String[] NAMES = {"exp", "expm1", "log", "log1p", "sin", "cos", "tanh", "softplus", "sigmoid",
        "pow(x, 1.75)", "pow(x, -3.5)"};
    static final String KERNEL = """
            __kernel void bo_math(__global const real* x, __global real* out, const int fn, const int n)
            {
                const int i = get_global_id(0);
                if (i >= n) {
                    return;
                }
                const real v = x[i];
                real r;
                switch (fn) {
                case 0: r = bo_exp(v); break;
                case 1: r = bo_expm1(v); break;
                case 2: r = bo_log(v); break;
                case 3: r = bo_log1p(v); break;
                case 4: r = bo_sin(v); break;
                case 5: r = bo_cos(v); break;
                case 6: r = bo_tanh(v); break;
                case 7: r = bo_softplus(v); break;
                case 8: r = bo_sigmoid(v); break;
                case 9: r = bo_pow(fabs(v), R(1.75)); break;
                default: r = bo_pow(fabs(v), R(-3.5)); break;
                }
                out[i] = r;
            }
            """;

    static final DoubleUnaryOperator[] F64 = {Math64::exp, Math64::expm1, Math64::log, Math64::log1p, Math64::sin,
        Math64::cos, Math64::tanh, Math64::softplus, Math64::sigmoid, x -> Math64.pow(Math.abs(x), 1.75),
        x -> Math64.pow(Math.abs(x), -3.5)};

    static float f32(int fn, float x) {
        return switch (fn) {
            case 0 -> Math32.exp(x);
            case 1 -> Math32.expm1(x);
            case 2 -> Math32.log(x);
            case 3 -> Math32.log1p(x);
            case 4 -> Math32.sin(x);
            case 5 -> Math32.cos(x);
            case 6 -> Math32.tanh(x);
            case 7 -> Math32.softplus(x);
            case 8 -> Math32.sigmoid(x);
            case 9 -> Math32.pow(Math.abs(x), 1.75f);
            default -> Math32.pow(Math.abs(x), -3.5f);
        };
    }

    /** Arguments: specials first, then a quarter each of bit patterns, [-10, 10], [-1e6, 1e6] and [-200, 200]. */
    static double[] arguments() {
        double[] special = {0.0, -0.0, 1, -1, 0.5, Double.MIN_VALUE, Float.MIN_VALUE, Float.MIN_NORMAL,
            Double.MIN_NORMAL, Float.MAX_VALUE, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.NaN, 88.72283935546875, -103.97208, 709.782712893384, -745.1332191019412, Math.PI / 2, 0x1p17,
            Math.nextUp(0x1p17), 0x1p30, Math.nextUp(0x1p30), 1e22, 6381956970095103.0 * 0x1p797, -1 + 0x1p-24};
        double[] x = new double[N];
        System.arraycopy(special, 0, x, 0, special.length);
        SplittableRandom rnd = new SplittableRandom(17);
        for (int i = special.length; i < N; i++) {
            x[i] = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(rnd.nextLong());
                case 1 -> rnd.nextDouble(-10, 10);
                case 2 -> rnd.nextDouble(-1e6, 1e6);
                default -> rnd.nextDouble(-200, 200);
            };
        }
        return x;
    }

    /** Every OpenCL device found with fp64, which both precisions need (the fp32 functions evaluate in double). */
    static List<OpenClDevices.Device> devices(boolean fp64) {
        List<OpenClDevices.Device> devices;
        try {
            devices = OpenClDevices.list();
        } catch (BackendException e) {
            Assumptions.abort("no OpenCL here: " + e.getMessage());
            throw e;
        }
        List<OpenClDevices.Device> found = devices.stream().filter(OpenClDevices.Device::fp64).toList();
        Assumptions.assumeFalse(found.isEmpty(), devices.isEmpty() ? "no OpenCL device here" : "no OpenCL device with fp64 here");
        return found;
    }

    @ParameterizedTest(name = "fp64 = {0}")
    @ValueSource(booleans = {false, true})
    void everyFunctionGivesTheBitsOfItsTwin(boolean fp64) {
        List<String> mismatches = new ArrayList<>();
        for (OpenClDevices.Device device : devices(fp64)) {
            mismatches.addAll(run(device, fp64));
        }
        assertEquals(List.of(), mismatches);
    }

    /** The mismatches of every function on one device, at most three per function. */
    static List<String> run(OpenClDevices.Device device, boolean fp64) {
        String text = "#define REAL_IS_DOUBLE " + (fp64 ? 1 : 0) + "\n" + KernelSources.read("prelude_opencl.h") + "\n"
                + KernelSources.read("math.cl") + "\n" + KERNEL;
        double[] args = arguments();
        int size = fp64 ? Sizeof.cl_double : Sizeof.cl_float;
        float[] argsf = new float[N];
        for (int i = 0; i < N; i++) {
            argsf[i] = (float) args[i];
        }
        cl_context_properties props = new cl_context_properties();
        props.addProperty(org.jocl.CL.CL_CONTEXT_PLATFORM, device.platform());
        cl_context context = clCreateContext(props, 1, new cl_device_id[] {device.id()}, null, null, null);
        cl_command_queue queue = clCreateCommandQueueWithProperties(context, device.id(), new cl_queue_properties(), null);
        cl_program program = clCreateProgramWithSource(context, 1, new String[] {text}, null, null);
        cl_kernel kernel = null;
        cl_mem in = null;
        cl_mem out = null;
        List<String> mismatches = new ArrayList<>();
        try {
            clBuildProgram(program, 1, new cl_device_id[] {device.id()}, OpenClBackend.BUILD_OPTIONS, null, null);
            kernel = clCreateKernel(program, "bo_math", null);
            in = clCreateBuffer(context, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, (long) size * N,
                    fp64 ? Pointer.to(args) : Pointer.to(argsf), null);
            out = clCreateBuffer(context, CL_MEM_WRITE_ONLY, (long) size * N, null, null);
            double[] res = new double[N];
            float[] resf = new float[N];
            for (int fn = 0; fn < NAMES.length; fn++) {
                clSetKernelArg(kernel, 0, Sizeof.cl_mem, Pointer.to(in));
                clSetKernelArg(kernel, 1, Sizeof.cl_mem, Pointer.to(out));
                clSetKernelArg(kernel, 2, Sizeof.cl_int, Pointer.to(new int[] {fn}));
                clSetKernelArg(kernel, 3, Sizeof.cl_int, Pointer.to(new int[] {N}));
                clEnqueueNDRangeKernel(queue, kernel, 1, null, new long[] {N}, null, 0, null, null);
                clFinish(queue);
                clEnqueueReadBuffer(queue, out, CL_TRUE, 0, (long) size * N, fp64 ? Pointer.to(res) : Pointer.to(resf),
                        0, null, null);
                int bad = 0;
                for (int i = 0; i < N && bad < 3; i++) {
                    if (fp64) {
                        double expected = F64[fn].applyAsDouble(args[i]);
                        if (!(Double.doubleToLongBits(expected) == Double.doubleToLongBits(res[i]))) {
                            bad++;
                            mismatches.add(device.spec() + " " + NAMES[fn] + "(" + args[i] + "): kernel " + res[i] + ", Java "
                                    + expected);
                        }
                    } else {
                        float expected = f32(fn, argsf[i]);
                        if (!(Float.floatToIntBits(expected) == Float.floatToIntBits(resf[i]))) {
                            bad++;
                            mismatches.add(device.spec() + " " + NAMES[fn] + "(" + argsf[i] + "): kernel " + resf[i]
                                    + ", Java " + expected);
                        }
                    }
                }
            }
        } finally {
            if (in != null) {
                clReleaseMemObject(in);
            }
            if (out != null) {
                clReleaseMemObject(out);
            }
            if (kernel != null) {
                clReleaseKernel(kernel);
            }
            clReleaseProgram(program);
            clReleaseCommandQueue(queue);
            clReleaseContext(context);
        }
        return mismatches;
    }
}
