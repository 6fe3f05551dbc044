package org.batchopt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.batchopt.kernel.ObjectiveTwin32;
import org.batchopt.kernel.ObjectiveTwin64;
import org.batchopt.objective.BuiltIn;
import org.batchopt.kernel.ObjectiveSource;
import org.junit.jupiter.api.Test;

/** The gradient check reports small differences for true gradients and large ones for a wrong gradient. */
class GradientCheckTest {

    @Test
    void trueGradientsAgreeWithCentralDifferences() {
        for (BuiltIn b : BuiltIn.values()) {
            int d = Math.max(b.minDimension(), Math.min(4, b.maxDimension()));
            Objective f = b.create(d);
            Batch batch = Batch.builder(d).members(300).starts(Starts.uniform(f.box(), 9)).build();
            double[] diff = GradientCheck.largestRelativeDifference(f, batch, Gradient.defaultStep(Precision.FP64));
            double worst = java.util.Arrays.stream(diff).max().getAsDouble();
            assertTrue(worst < 1e-5, b.id() + ": largest relative difference " + worst);
        }
    }

    @Test
    void aWrongGradientIsCaughtForEveryMember() {
        ObjectiveSource sphere = TestAccess.source(BuiltIn.SPHERE.create(3));
        ObjectiveSource wrong = new ObjectiveSource() {
            public String id() {
                return "wrong";
            }

            public String kernelSource() {
                return sphere.kernelSource();
            }

            public ObjectiveTwin64 twin64(int d) {
                ObjectiveTwin64 t = sphere.twin64(d);
                return new ObjectiveTwin64(d) {
                    public void value(double[][] x, double[] f, int n) {
                        t.value(x, f, n);
                    }

                    public void valueGradient(double[][] x, double[][] g, double[] f, int n) {
                        t.valueGradient(x, g, f, n);
                        for (int l = 0; l < n; l++) {
                            g[0][l] = 1.1 * g[0][l];
                        }
                    }
                };
            }

            public ObjectiveTwin32 twin32(int d) {
                return sphere.twin32(d);
            }
        };
        Objective f = new Objective("wrong", 3, wrong, Box.cube(3, 1, 2), Double.NaN, List.of(), "2x(1.1, 1, 1)");
        Batch batch = Batch.builder(3).members(50).starts(Starts.uniform(f.box(), 1)).build();
        for (double diff : GradientCheck.largestRelativeDifference(f, batch, 1e-6)) {
            assertTrue(diff > 0.05, "difference " + diff);
        }
    }
}
