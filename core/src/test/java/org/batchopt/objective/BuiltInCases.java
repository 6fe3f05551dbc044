package org.batchopt.objective;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.batchopt.Box;
import org.batchopt.Objective;
import org.junit.jupiter.params.provider.Arguments;

/** Cases and sample points shared by the built-in objective tests; every {@link BuiltIn} takes part. */
final class BuiltInCases {
    /** Dimensions tried for a function that allows them: the smallest allowed, 2, 5 and 10. */
    private static final int[] DIMENSIONS = {2, 5, 10};

    private BuiltInCases() {
    }

    /** The dimensions tested for {@code b}, smallest first. */
    static int[] dimensions(BuiltIn b) {
        return IntStream.concat(IntStream.of(b.minDimension()), IntStream.of(DIMENSIONS))
                .filter(d -> d >= b.minDimension() && d <= b.maxDimension())
                .distinct().sorted().toArray();
    }

    /** (built-in, dimension) for every built-in and each of its tested dimensions. */
    static Stream<Arguments> cases() {
        return Stream.of(BuiltIn.values())
                .flatMap(b -> IntStream.of(dimensions(b)).mapToObj(d -> Arguments.of(b, d)));
    }

    /** A generator whose stream depends only on the case, so failures reproduce. */
    static SplittableRandom random(BuiltIn b, int d) {
        return new SplittableRandom(1000L * b.ordinal() + d);
    }

    /** {@code n} points uniform in the objective's usual box. */
    static List<double[]> inBox(Objective o, int n, SplittableRandom rnd) {
        Box box = o.box();
        List<double[]> points = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            double[] x = new double[o.dimension()];
            for (int i = 0; i < x.length; i++) {
                x[i] = box.lo(i) + rnd.nextDouble() * box.width(i);
            }
            points.add(x);
        }
        return points;
    }

    /**
     * {@code n} points within 1 of each documented minimizer in every coordinate: where the function is most
     * curved, and where a function flat over most of its box (Easom) has any gradient at all.
     */
    static List<double[]> nearMinimizers(Objective o, int n, SplittableRandom rnd) {
        List<double[]> points = new ArrayList<>();
        for (double[] m : o.minimizers()) {
            for (int k = 0; k < n; k++) {
                double[] x = m.clone();
                for (int i = 0; i < x.length; i++) {
                    x[i] += rnd.nextDouble(-1, 1);
                }
                points.add(x);
            }
        }
        return points;
    }

    /** The points in lane form: coordinate i of point l at {@code [i][l]}. */
    static double[][] lanes(List<double[]> points, int d) {
        int n = points.size();
        double[][] x = new double[d][n];
        for (int l = 0; l < n; l++) {
            for (int i = 0; i < d; i++) {
                x[i][l] = points.get(l)[i];
            }
        }
        return x;
    }

    /** A copy of lanes, each coordinate's array copied. */
    static double[][] copy(double[][] x) {
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i].clone();
        }
        return y;
    }

    /** Lanes narrowed to fp32. */
    static float[][] narrow(double[][] x) {
        float[][] y = new float[x.length][x.length == 0 ? 0 : x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int l = 0; l < x[i].length; l++) {
                y[i][l] = (float) x[i][l];
            }
        }
        return y;
    }
}
