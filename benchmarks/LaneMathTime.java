import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import org.batchopt.kernel.LaneMath32;
import org.batchopt.kernel.LaneMath64;
import org.batchopt.kernel.Math32;

/**
 * The fp32 sin and cos of the portable math per element, in CPU nanoseconds of this thread (which other
 * processes on a shared machine disturb far less than wall time): over the lanes of a CPU tile (LaneMath32.sincos,
 * the loops C2 vectorizes), lane by lane through the scalar Math32.sin and Math32.cos, and the JDK's Math.sin
 * and Math.cos (not bit-identical across backends; for scale only). Arguments uniform on [-32, 32], 128 lanes.
 * Then LaneMath32.exp and LaneMath32.log over the same lanes (log of |x|), and the fp64 sin and cos over the
 * lanes (LaneMath64.sincos), the fp64 exp and the fp64 log (of |x|) of the same arguments widened.
 *
 *   java -cp JAR benchmarks/LaneMathTime.java [CALLS]
 */
public class LaneMathTime {
    public static void main(String[] a) {
        int n = 128;
        int calls = a.length > 0 ? Integer.parseInt(a[0]) : 20000;
        float[] x = new float[n];
        float[] s = new float[n];
        float[] c = new float[n];
        SplittableRandom rnd = new SplittableRandom(1);
        for (int l = 0; l < n; l++) {
            x[l] = (float) rnd.nextDouble(-32, 32);
        }
        float[] ax = new float[n];
        for (int l = 0; l < n; l++) {
            ax[l] = Math.abs(x[l]);
        }
        double[] x64 = new double[n];
        double[] ax64 = new double[n];
        double[] s64 = new double[n];
        double[] c64 = new double[n];
        for (int l = 0; l < n; l++) {
            x64[l] = x[l];
            ax64[l] = ax[l];
        }
        LaneMath32 lanes = new LaneMath32();
        LaneMath64 lanes64 = new LaneMath64();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double per = (double) calls * n;
        float sink = 0;
        for (int round = 0; round < 5; round++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < calls; k++) {
                lanes.sincos(x, s, c, n);
                sink += s[k % n];
            }
            long t1 = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < calls; k++) {
                for (int l = 0; l < n; l++) {
                    s[l] = Math32.sin(x[l]);
                    c[l] = Math32.cos(x[l]);
                }
                sink += s[k % n];
            }
            long t2 = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < calls; k++) {
                for (int l = 0; l < n; l++) {
                    s[l] = (float) Math.sin(x[l]);
                    c[l] = (float) Math.cos(x[l]);
                }
                sink += s[k % n];
            }
            long t3 = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < calls; k++) {
                lanes.exp(x, s, n);
                sink += s[k % n];
            }
            long t4 = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < calls; k++) {
                lanes.log(ax, s, n);
                sink += s[k % n];
            }
            long t5 = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < calls; k++) {
                lanes64.sincos(x64, s64, c64, n);
                sink += (float) s64[k % n];
            }
            long t6 = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < calls; k++) {
                lanes64.exp(x64, s64, n);
                sink += (float) s64[k % n];
            }
            long t7 = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < calls; k++) {
                lanes64.log(ax64, s64, n);
                sink += (float) s64[k % n];
            }
            long t8 = mx.getCurrentThreadCpuTime();
            System.out.printf("round %d, ns per element (sin and cos): lanes %.2f, scalar Math32 %.2f, JDK %.2f; "
                    + "lanes exp %.2f, log %.2f; fp64 lanes sin and cos %.2f, exp %.2f, log %.2f%n", round + 1,
                    (t1 - t0) / per, (t2 - t1) / per, (t3 - t2) / per, (t4 - t3) / per, (t5 - t4) / per,
                    (t6 - t5) / per, (t7 - t6) / per, (t8 - t7) / per);
        }
        System.out.println("(checksum " + sink + ")");
    }
}
