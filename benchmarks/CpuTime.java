import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.batchopt.Backend;
import org.batchopt.Backends;
import org.batchopt.Batch;
import org.batchopt.Engine;
import org.batchopt.Objectives;
import org.batchopt.Precision;
import org.batchopt.Starts;
import org.batchopt.Stopping;
import org.batchopt.rule.Adam;

/**
 * One job on the CPU backend, timed two ways: wall seconds of the run, and CPU seconds of the backend's worker
 * threads (batchopt-cpu), which other processes on a shared machine disturb far less. Member-steps per
 * worker-CPU-second times the number of workers is the rate the same cores would give when idle.
 *
 *   java -cp JAR benchmarks/CpuTime.java FUNCTION D MEMBERS STEPS LR fp32|fp64 REPEAT
 */
public class CpuTime {
    public static void main(String[] a) {
        String f = a[0];
        int d = Integer.parseInt(a[1]);
        int n = Integer.parseInt(a[2]);
        int steps = Integer.parseInt(a[3]);
        double lr = Double.parseDouble(a[4]);
        Precision p = a[5].equals("fp64") ? Precision.FP64 : Precision.FP32;
        int repeat = Integer.parseInt(a[6]);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        var objective = Objectives.byName(f, d);
        var rule = Adam.builder().lr(lr).build();
        var batch = Batch.builder(d).members(n).starts(Starts.sobol(objective.box(), 1)).build();
        double bestWall = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        int workers = Runtime.getRuntime().availableProcessors();
        try (Backend cpu = Backends.open("cpu")) {
            Engine engine = Engine.on(cpu).precision(p).stopping(Stopping.maxSteps(steps));
            for (int r = 0; r < repeat; r++) {
                long c0 = workerCpu(mx);
                long t0 = System.nanoTime();
                engine.run(objective, rule, batch);
                double wall = (System.nanoTime() - t0) / 1e9;
                double cpuSeconds = (workerCpu(mx) - c0) / 1e9;
                bestWall = Math.min(bestWall, wall);
                bestCpu = Math.min(bestCpu, cpuSeconds);
            }
        }
        double work = (double) n * steps;
        System.out.printf("%s D=%d %s: wall %.3f s (%.3e member-steps/s), worker CPU %.3f s (%.3e member-steps per "
                + "CPU-second, x%d = %.3e)%n", f, d, a[5], bestWall, work / bestWall, bestCpu, work / bestCpu, workers,
                workers * work / bestCpu);
    }

    static long workerCpu(ThreadMXBean mx) {
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("batchopt-cpu")) {
                long c = mx.getThreadCpuTime(t.getId());
                if (c > 0) {
                    sum += c;
                }
            }
        }
        return sum;
    }
}
