package org.batchopt;

import java.util.List;
import org.batchopt.rule.Adam;
import org.batchopt.schedule.Schedules;

/**
 * Times {@link Result#minima} against the plain greedy scan it replaced ({@link ClusteringTest#scan}) on the same
 * result: Rastrigin D=10 from Sobol points, Adam lr 2 with a cosine schedule, 1000 steps, fp32 on the CPU, where
 * nearly every member ends in a minimum of its own and thousands share one value. Not a test; run by hand:
 * {@code java -cp <core classes, test classes, dependencies> org.batchopt.ClusteringBench [members] [scan]}.
 */
public final class ClusteringBench {
    private ClusteringBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        boolean scan = args.length > 1 && args[1].equals("scan");
        Objective f = Objectives.rastrigin(10);
        Result r;
        try (Backend cpu = Backends.open("cpu")) {
            r = Engine.on(cpu).stopping(Stopping.maxSteps(1000)).run(f, Adam.builder().lr(2)
                    .schedule(Schedules.cosine(1000, 0)).build(),
                    Batch.builder(10).members(n).starts(Starts.sobol(f.box(), 1)).build());
        }
        for (int k = 0; k < 3; k++) {
            long t0 = System.nanoTime();
            List<Minimum> minima = r.minima(1e-2, 1e-3);
            double s = (System.nanoTime() - t0) * 1e-9;
            System.out.printf("members %d: minima %.3f s, %d minima, %d levels%n", n, s, minima.size(),
                    r.basins(1e-2, 1e-3).levels().size());
        }
        if (scan) {
            long t0 = System.nanoTime();
            List<int[]> groups = ClusteringTest.scan(r, 1e-2, 1e-3);
            System.out.printf("members %d: greedy scan %.3f s, %d minima%n", n, (System.nanoTime() - t0) * 1e-9,
                    groups.size());
        }
    }
}
