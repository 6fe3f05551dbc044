package org.batchopt.backend.device;

import org.batchopt.Precision;
import org.batchopt.backend.KernelProgram;
import org.batchopt.backend.MemberBlock;
import org.batchopt.backend.MemberResults;
import org.batchopt.backend.RunContext;
import org.batchopt.backend.RunPlan;
import org.batchopt.kernel.KernelProjection;

/**
 * Runs one block on a device: uploads it, initializes the rule state, launches chunks of
 * {@link RunPlan#stepsPerLaunch} iterations, and between chunks reads the members' status, compacts the active set
 * (finished members leave, so that the slowest member does not hold the whole block), keeps the history and
 * reports progress; finally copies the outcome back.
 */
final class HostLoop {
    private final DeviceBackend device;
    private final RunPlan plan;
    private final DeviceBackend.Built built;
    private final BlockBuffers b;
    private final Precision precision;

    HostLoop(DeviceBackend device, RunPlan plan, DeviceBackend.Built built, BlockBuffers buffers) {
        this.device = device;
        this.plan = plan;
        this.built = built;
        this.b = buffers;
        this.precision = plan.precision();
    }

    void run(MemberBlock block, MemberResults out, RunContext context) {
        final int n = block.count();
        long t = System.nanoTime();
        int[] ids = b.start(block, plan.params(), plan.constraints().projectionData());
        int nactive = n;
        context.addTransfer(System.nanoTime() - t);

        t = System.nanoTime();
        device.takeKernelNanos();
        device.launch(built, KernelProgram.INIT, nactive, precision, b.st, b.active, nactive, (long) n, b.uni, b.pm,
                b.con);
        int maxSteps = plan.stopping().maxSteps();
        int every = plan.historyEvery();
        int s = 0;
        while (nactive > 0) {
            int k = Math.min(plan.stepsPerLaunch(), maxSteps + 1 - s);
            if (every > 0 && s < maxSteps) {
                k = Math.min(k, every - s % every);
            }
            advance(s, k, nactive, n);
            int before = nactive;
            nactive = b.compact(ids, before, null);
            s += k;
            if (every > 0 && s % every == 0 && nactive > 0) {
                b.readPoints(out.history(s / every), block.first(), ids, nactive);
            }
            context.progress((long) before * k, before - nactive);
        }
        device.finish();
        long kernels = device.takeKernelNanos();
        context.addRun(kernels >= 0 ? kernels : System.nanoTime() - t);

        t = System.nanoTime();
        b.collect(block.first(), out, plan.maximize());
        context.addTransfer(System.nanoTime() - t);
    }

    /** k iterations of the nactive active members of n from step s. */
    private void advance(int s, int k, int nactive, int n) {
        double gtol = plan.stopping().gradientTolerance();
        double ftol = plan.stopping().valueTolerance();
        int maxSteps = plan.stopping().maxSteps();
        double h = plan.fdStep();
        double feasibility = plan.constraints().feasibilityTolerance();
        boolean simplex = plan.shape().projection() == KernelProjection.SIMPLEX;
        switch (plan.strategy()) {
            case FUSED -> device.launch(built, KernelProgram.FUSED, nactive, precision, b.x, b.st, b.f, b.gn, b.status,
                    b.steps, b.active, nactive, (long) n, b.uni, b.pm, s, k, maxSteps, gtol, ftol, h, b.con, b.pj,
                    feasibility);
            case STREAMING -> {
                for (int it = 0; it < k; it++) {
                    device.launch(built, KernelProgram.STREAM_EVAL, nactive, precision, b.x, b.g, b.st, b.sc, b.f,
                            b.gn, b.status, b.steps, b.active, nactive, (long) n, b.uni, b.pm, s + it, maxSteps, gtol,
                            ftol, h, b.con, b.pj, feasibility);
                    device.launch(built, KernelProgram.STREAM_UPDATE, (long) nactive * plan.dimension(), precision,
                            b.x, b.g, b.st, b.sc, b.status, b.active, nactive, (long) n, b.pj);
                    if (simplex) {
                        device.launch(built, KernelProgram.STREAM_PROJECT, nactive, precision, b.x, b.g, b.status,
                                b.active, nactive, (long) n, b.pj);
                    }
                }
            }
            case AUTO -> throw new IllegalStateException("a plan's strategy is resolved");
        }
    }
}
