package org.batchopt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Start points: in the box, keyed by (seed, index) whatever the range asked for, and true to their kind. */
class StartsTest {
    static final Box BOX = Box.of(new double[] {-1, 0, 10}, new double[] {1, 5, 10.5});

    static double[] fill(Starts s, long first, int count, long total) {
        double[] out = new double[count * s.dimension()];
        s.fill(first, count, total, out);
        return out;
    }

    @Test
    void everySamplerStaysInTheBoxAndGivesAPointTheSameWayAloneOrInARange() {
        for (Starts s : new Starts[] {Starts.uniform(BOX, 3), Starts.sobol(BOX, 3), Starts.latinHypercube(BOX, 3)}) {
            double[] all = fill(s, 0, 1000, 1000);
            for (int j = 0; j < 1000; j++) {
                for (int i = 0; i < 3; i++) {
                    double v = all[j * 3 + i];
                    assertTrue(v >= BOX.lo(i) && v < BOX.hi(i), "coordinate " + i + " of point " + j + ": " + v);
                }
            }
            for (int j : new int[] {0, 1, 2, 511, 999}) {
                assertArrayEquals(Arrays.copyOfRange(all, j * 3, j * 3 + 3), fill(s, j, 1, 1000), 0.0, "point " + j);
            }
            assertArrayEquals(Arrays.copyOfRange(all, 300, 600), fill(s, 100, 100, 1000), 0.0);
        }
    }

    @Test
    void seedsChangeThePoints() {
        for (boolean sobol : new boolean[] {false, true}) {
            Starts a = sobol ? Starts.sobol(BOX, 1) : Starts.uniform(BOX, 1);
            Starts b = sobol ? Starts.sobol(BOX, 2) : Starts.uniform(BOX, 2);
            assertNotEquals(Arrays.toString(fill(a, 0, 4, 4)), Arrays.toString(fill(b, 0, 4, 4)));
        }
    }

    @Test
    void latinHypercubeHitsEveryStratumOfEveryCoordinateOnce() {
        int n = 997;
        Box unit = Box.cube(4, 0, 1);
        double[] p = fill(Starts.latinHypercube(unit, 11), 0, n, n);
        for (int i = 0; i < 4; i++) {
            boolean[] hit = new boolean[n];
            for (int j = 0; j < n; j++) {
                int stratum = (int) (p[j * 4 + i] * n);
                assertTrue(!hit[stratum], "stratum " + stratum + " of coordinate " + i + " hit twice");
                hit[stratum] = true;
            }
        }
    }

    @Test
    void sobolPointsAreBalancedInEveryCoordinate() {
        double[] p = fill(Starts.sobol(Box.cube(5, 0, 1), 7), 0, 1024, 1024);
        for (int i = 0; i < 5; i++) {
            int below = 0;
            for (int j = 0; j < 1024; j++) {
                below += p[j * 5 + i] < 0.5 ? 1 : 0;
            }
            assertEquals(512, below, 1, "coordinate " + i);
        }
    }

    @Test
    void aGridSharesItsStartsAcrossCombinations() {
        Batch b = Grid.of("lr", 0.1, 0.2, 0.3).batch(4, Starts.uniform(BOX, 5));
        assertEquals(12, b.members());
        double[] all = new double[12 * 3];
        b.startPoints(0, 12, all);
        for (int m = 0; m < 12; m++) {
            assertArrayEquals(Arrays.copyOfRange(all, (m % 4) * 3, (m % 4) * 3 + 3),
                    Arrays.copyOfRange(all, m * 3, m * 3 + 3), 0.0, "member " + m);
        }
        double[] tail = new double[5 * 3];
        b.startPoints(7, 5, tail);
        assertArrayEquals(Arrays.copyOfRange(all, 21, 36), tail, 0.0, "members 7..11 asked for alone");
    }
}
