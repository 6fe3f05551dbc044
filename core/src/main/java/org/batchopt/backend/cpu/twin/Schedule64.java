package org.batchopt.backend.cpu.twin;

import static org.batchopt.kernel.Math64.c;
import static org.batchopt.kernel.Math64.cos;
import static org.batchopt.kernel.Math64.pow;
import static org.batchopt.kernel.Math64.pown;
import static org.batchopt.kernel.Math64.r;

import org.batchopt.backend.KernelShape;
import org.batchopt.backend.ParamLayout;

/** fp64 twin of {@code kernels/schedule.cl}: the learning rate of update s + 1 for one lane. */
final class Schedule64 {
    private final KernelShape.ScheduleKind kind;
    private final boolean warmup;
    private final int[] milestones;
    private final int lr;
    private final int kappa;
    private final int power;
    private final int stepSize;
    private final int gamma;
    private final int etaMin;
    private final int tMax;
    private final int warmupSteps;
    /** True when every lane gets the same rate at a given step. */
    final boolean uniform;

    Schedule64(KernelShape shape) {
        ParamLayout p = shape.params();
        kind = shape.schedule();
        warmup = shape.warmup();
        milestones = shape.milestones();
        lr = p.index("lr");
        kappa = p.index("kappa");
        power = p.index("power");
        stepSize = p.index("step_size");
        gamma = p.index("gamma");
        etaMin = p.index("eta_min");
        tMax = p.index("t_max");
        warmupSteps = p.index("warmup");
        uniform = p.uniform("lr") && p.uniform("kappa") && p.uniform("power") && p.uniform("step_size")
                && p.uniform("gamma") && p.uniform("eta_min") && p.uniform("t_max") && p.uniform("warmup");
    }

    /** bo_schedule(s, hp) for lane l, hyperparameter k of lane l at {@code hp[k][l]}. */
    double lr(int s, double[][] hp, int l) {
        final double lr0 = hp[lr][l];
        double v;
        switch (kind) {
            case CONSTANT:
                v = lr0;
                break;
            case INVERSE_TIME: {
                final double base = 1 + hp[kappa][l] * r(s);
                v = hp[power][l] == 1 ? lr0 / base : lr0 / pow(base, hp[power][l]);
                break;
            }
            case STEP:
                v = lr0 * pown(hp[gamma][l], s / (int) hp[stepSize][l]);
                break;
            case MULTISTEP: {
                int passed = 0;
                for (int k = 0; k < milestones.length; k++) {
                    if (milestones[k] <= s) {
                        passed = passed + 1;
                    }
                }
                v = lr0 * pown(hp[gamma][l], passed);
                break;
            }
            case EXPONENTIAL:
                v = lr0 * pown(hp[gamma][l], s);
                break;
            case COSINE: {
                final double eta = hp[etaMin][l];
                v = eta + (lr0 - eta) * (1 + cos(c(3.141592653589793) * r(s) / hp[tMax][l])) / 2;
                break;
            }
            default:
                throw new IllegalStateException("schedule " + kind);
        }
        if (warmup) {
            if (r(s) < hp[warmupSteps][l]) {
                v = v * (r(s + 1) / hp[warmupSteps][l]);
            }
        }
        return v;
    }
}
