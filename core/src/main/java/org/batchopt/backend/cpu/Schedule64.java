package org.batchopt.backend.cpu;

import static org.batchopt.Hyperparameter.ETA_MIN;
import static org.batchopt.Hyperparameter.GAMMA;
import static org.batchopt.Hyperparameter.KAPPA;
import static org.batchopt.Hyperparameter.LR;
import static org.batchopt.Hyperparameter.POWER;
import static org.batchopt.Hyperparameter.STEP_SIZE;
import static org.batchopt.Hyperparameter.T_MAX;
import static org.batchopt.Hyperparameter.WARMUP;
import static org.batchopt.kernel.Math64.c;
import static org.batchopt.kernel.Math64.cos;
import static org.batchopt.kernel.Math64.pow;
import static org.batchopt.kernel.Math64.pown;
import static org.batchopt.kernel.Math64.r;

import org.batchopt.backend.KernelShape;
import org.batchopt.backend.ParamLayout;
import org.batchopt.kernel.KernelSchedule;

/** fp64 twin of {@code kernels/schedule.cl}: the learning rate of update s + 1 for one lane. */
final class Schedule64 {
    private final KernelSchedule kind;
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
        lr = p.index(LR);
        kappa = p.index(KAPPA);
        power = p.index(POWER);
        stepSize = p.index(STEP_SIZE);
        gamma = p.index(GAMMA);
        etaMin = p.index(ETA_MIN);
        tMax = p.index(T_MAX);
        warmupSteps = p.index(WARMUP);
        uniform = p.uniform(LR) && p.uniform(KAPPA) && p.uniform(POWER) && p.uniform(STEP_SIZE)
                && p.uniform(GAMMA) && p.uniform(ETA_MIN) && p.uniform(T_MAX) && p.uniform(WARMUP);
    }

    /** bo_schedule(s, hp) for lane l, hyperparameter k of lane l at {@code hp[k][l]}. */
    double lr(int s, double[][] hp, int l) {
        final double lr0 = hp[lr][l];
        double v = switch (kind) {
            case CONSTANT -> lr0;
            case INVERSE_TIME -> {
                final double base = 1 + hp[kappa][l] * r(s);
                yield hp[power][l] == 1 ? lr0 / base : lr0 / pow(base, hp[power][l]);
            }
            case STEP -> lr0 * pown(hp[gamma][l], s / (int) hp[stepSize][l]);
            case MULTISTEP -> {
                int passed = 0;
                for (int k = 0; k < milestones.length; k++) {
                    if (milestones[k] <= s) {
                        passed = passed + 1;
                    }
                }
                yield lr0 * pown(hp[gamma][l], passed);
            }
            case EXPONENTIAL -> lr0 * pown(hp[gamma][l], s);
            case COSINE -> {
                final double eta = hp[etaMin][l];
                yield eta + (lr0 - eta) * (1 + cos(c(3.141592653589793) * r(s) / hp[tMax][l])) / 2;
            }
        };
        if (warmup) {
            if (r(s) < hp[warmupSteps][l]) {
                v = v * (r(s + 1) / hp[warmupSteps][l]);
            }
        }
        return v;
    }
}
