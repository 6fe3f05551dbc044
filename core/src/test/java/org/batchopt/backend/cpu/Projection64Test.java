package org.batchopt.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.batchopt.backend.ConstraintPlan;
import org.batchopt.kernel.KernelProjection;
import org.junit.jupiter.api.Test;

/**
 * The simplex projection against a brute-force reference: over every support S, the candidate x_i = y_i - tau on S
 * (tau = (sum_S y - s)/|S|) and 0 elsewhere, the feasible one nearest y. Each candidate's distance is computed
 * independently of the heap algorithm, so both agree only if the projection is exact; 1e-12 of the data's scale
 * allows the two different summation orders.
 */
class Projection64Test {
    static final double TOL = 1e-12;

    static double[] bruteForce(double[] y, double s) {
        int d = y.length;
        double[] best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int mask = 1; mask < (1 << d); mask++) {
            double sum = 0;
            int k = 0;
            for (int i = 0; i < d; i++) {
                if ((mask & (1 << i)) != 0) {
                    sum += y[i];
                    k++;
                }
            }
            double tau = (sum - s) / k;
            double[] x = new double[d];
            boolean feasible = true;
            double distance = 0;
            for (int i = 0; i < d; i++) {
                x[i] = (mask & (1 << i)) != 0 ? y[i] - tau : 0;
                feasible &= x[i] >= -1e-15;
                distance += (x[i] - y[i]) * (x[i] - y[i]);
            }
            if (feasible && distance < bestDistance) {
                bestDistance = distance;
                best = x;
            }
        }
        return best;
    }

    @Test
    void simplexProjectionIsTheNearestPoint() {
        SplittableRandom random = new SplittableRandom(12);
        for (int d = 1; d <= 9; d++) {
            for (double s : new double[] {1, 0.25, 7}) {
                int lanes = 40;
                Projection64 p = new Projection64(new ConstraintPlan(KernelProjection.SIMPLEX, new double[] {s}, null,
                        0), d, lanes);
                double[][] x = new double[d][lanes];
                double[][] y = new double[lanes][d];
                for (int l = 0; l < lanes; l++) {
                    double scale = l % 3 == 0 ? 0.01 : l % 3 == 1 ? 1 : 100;
                    for (int i = 0; i < d; i++) {
                        y[l][i] = (random.nextDouble() * 2 - 1) * scale;
                        if (l % 5 == 4 && i > 0) {
                            y[l][i] = y[l][i - 1];
                        }
                        x[i][l] = y[l][i];
                    }
                }
                p.project(x, lanes);
                for (int l = 0; l < lanes; l++) {
                    double[] expected = bruteForce(y[l], s);
                    double scale = 1 + s;
                    for (double v : y[l]) {
                        scale = Math.max(scale, Math.abs(v));
                    }
                    double sum = 0;
                    for (int i = 0; i < d; i++) {
                        assertEquals(expected[i], x[i][l], TOL * scale, "D " + d + " s " + s + " lane " + l + " x" + i);
                        sum += x[i][l];
                    }
                    assertEquals(s, sum, TOL * scale * d);
                }
            }
        }
    }

    @Test
    void aPointOnTheSimplexStaysWhereItIs() {
        Projection64 p = new Projection64(new ConstraintPlan(KernelProjection.SIMPLEX, new double[] {1}, null, 0), 4, 1);
        double[][] x = {{0.5}, {0.25}, {0.125}, {0.125}};
        p.project(x, 1);
        assertEquals(0.5, x[0][0], 0.0);
        assertEquals(0.25, x[1][0], 0.0);
        assertEquals(0.125, x[2][0], 0.0);
        assertEquals(0.125, x[3][0], 0.0);
    }

    @Test
    void theBoxClampsEachCoordinateAndKeepsNaN() {
        Projection64 p = new Projection64(new ConstraintPlan(KernelProjection.BOX, new double[] {-1, 0, 1, 2}, null,
                0), 2, 3);
        double[][] x = {{-5, 0.5, Double.NaN}, {3, 1, -1}};
        p.project(x, 3);
        assertEquals(-1, x[0][0], 0.0);
        assertEquals(0.5, x[0][1], 0.0);
        assertEquals(Double.NaN, x[0][2], 0.0);
        assertEquals(2, x[1][0], 0.0);
        assertEquals(1, x[1][1], 0.0);
        assertEquals(0, x[1][2], 0.0);
    }
}
