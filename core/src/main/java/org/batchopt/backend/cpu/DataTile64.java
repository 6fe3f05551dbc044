package org.batchopt.backend.cpu;

import org.batchopt.Status;
import org.batchopt.backend.DataResults;
import org.batchopt.backend.MemberResults;
import org.batchopt.backend.RunContext;
import org.batchopt.backend.RunPlan;
import org.batchopt.kernel.DataObjectiveSource;
import org.batchopt.kernel.DataTwin64;
import org.batchopt.kernel.ObjectiveTwin64;
import org.batchopt.kernel.RowOrder;

/**
 * fp64 tile of a model fitted to a dataset (the strategy BATCHED): the lanes' state, regularization, stopping and
 * update of {@link Tile64}, with each step's loss and gradient evaluated for every lane at once by the batched twin
 * of {@code kernels/data.cl} ({@link DataTwin64}) over the step's rows (every training row, or the minibatch of
 * {@link RowOrder}); the evaluations of {@link DataResults} every {@code evaluateEvery} steps and at each member's
 * end; patience.
 */
final class DataTile64 extends Tile64 {
    private static final int STOPPED_EARLY = Status.STOPPED_EARLY.ordinal();

    private final DataTwin64 data;
    private final int every;
    private final boolean validation;
    private final int batch;
    private final int rows;
    private final int stepsPerEpoch;
    private final long seed;
    private final int[] order;
    private int epoch = -1;
    /** Per lane: patience has run out, the member stops at this step. */
    private final boolean[] stop;
    private final double[] train;
    private final double[] valid;
    private final double[] correct;
    /** The members that stop at a step, as lanes of their own, for their final evaluation. */
    private final double[][] ended;
    private final long[] endedMember;

    /**
     * @param twin the objective's plain twin (unused by the steps, which {@code data} evaluates)
     * @param data the batched twin of the plan's model, for {@code lanes} lanes
     */
    DataTile64(RunPlan plan, ObjectiveTwin64 twin, DataTwin64 data, int lanes) {
        super(plan, twin, null, lanes);
        DataObjectiveSource source = (DataObjectiveSource) plan.objective();
        this.data = data;
        this.every = source.evaluateEvery();
        this.validation = source.validation() != null;
        this.rows = source.training().rows();
        this.batch = source.batchSize() >= rows ? 0 : source.batchSize();
        this.stepsPerEpoch = source.stepsPerEpoch();
        this.seed = source.seed();
        this.order = batch == 0 ? null : new int[rows];
        stop = new boolean[lanes];
        train = new double[lanes];
        valid = new double[lanes];
        correct = new double[lanes];
        ended = new double[dim][lanes];
        endedMember = new long[lanes];
    }

    @Override
    public void run(MemberResults out, RunContext context) {
        DataResults results = out.data();
        java.util.Arrays.fill(stop, false);
        int s = 0;
        while (n > 0) {
            if (historyEvery > 0 && s > 0 && s % historyEvery == 0) {
                snapshot(out.history(s / historyEvery));
            }
            if (every > 0 && s % every == 0) {
                evaluations(s, results);
            }
            step(s);
            regularize(s);
            final int before = n;
            stopFinished(s, out, results);
            context.progress(n, before - n);
            if (n == 0) {
                break;
            }
            for (int l = 0; l < n; l++) {
                fprev[l] = f[l];
            }
            prepare(s);
            update();
            s = s + 1;
        }
    }

    /** The loss and gradient of step s: over every training row, or over the minibatch of step s. */
    private void step(int s) {
        if (batch == 0) {
            data.valueGradient(x, g, f, n, null, 0, rows);
            return;
        }
        final int e = s / stepsPerEpoch;
        if (e != epoch) {
            RowOrder.permutation(seed, e, rows, order);
            epoch = e;
        }
        final int first = (s % stepsPerEpoch) * batch;
        data.valueGradient(x, g, f, n, order, first, Math.min(batch, rows - first));
    }

    /** The evaluation after s steps of every running lane; patience may stop some at this step. */
    private void evaluations(int s, DataResults results) {
        losses(x, n);
        for (int l = 0; l < n; l++) {
            DataResults.Verdict v = results.evaluated(member[l], s, train[l], valid[l], correct[l]);
            if (v == DataResults.Verdict.KEEP_POINT) {
                for (int i = 0; i < dim; i++) {
                    results.bestPoints().set(member[l], i, x[i][l]);
                }
            } else if (v == DataResults.Verdict.STOP) {
                stop[l] = true;
            }
        }
    }

    /** Training loss, validation loss and validation rows predicted right of lanes 0..k-1 of {@code points}. */
    private void losses(double[][] points, int k) {
        data.evaluate(points, k, false, train, correct);
        if (validation) {
            data.evaluate(points, k, true, valid, correct);
        } else {
            for (int l = 0; l < k; l++) {
                valid[l] = Double.NaN;
                correct[l] = 0;
            }
        }
    }

    /**
     * Tile64's stopping tests on every lane, and patience: a stopped lane's member is written out, its place taken
     * by the last lane; then the stopped members' final evaluation, together.
     */
    private void stopFinished(int s, MemberResults out, DataResults results) {
        int k = 0;
        int l = 0;
        while (l < n) {
            int status = check(f[l], fprev[l], gn[l], z[l], s);
            if (status == RUNNING && stop[l]) {
                status = STOPPED_EARLY;
            }
            if (status == RUNNING) {
                l++;
                continue;
            }
            final long m = member[l];
            for (int i = 0; i < dim; i++) {
                out.x().set(m, i, x[i][l]);
                ended[i][k] = x[i][l];
            }
            out.finish(m, f[l], gn[l], s, Status.ofCode(status));
            endedMember[k] = m;
            k++;
            n = n - 1;
            if (l != n) {
                move(n, l);
                stop[l] = stop[n];
            }
        }
        if (k > 0) {
            losses(ended, k);
            for (int j = 0; j < k; j++) {
                results.finished(endedMember[j], s, train[j], valid[j], correct[j]);
            }
        }
    }
}
