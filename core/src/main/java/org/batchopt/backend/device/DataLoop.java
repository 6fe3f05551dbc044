package org.batchopt.backend.device;

import java.nio.ByteBuffer;
import org.batchopt.MathMode;
import org.batchopt.Precision;
import org.batchopt.backend.DataResults;
import org.batchopt.backend.DeviceLayout;
import org.batchopt.backend.KernelProgram;
import org.batchopt.backend.MemberBlock;
import org.batchopt.backend.MemberResults;
import org.batchopt.backend.RunContext;
import org.batchopt.backend.RunPlan;
import org.batchopt.kernel.DataObjectiveSource;
import org.batchopt.kernel.KernelModel;
import org.batchopt.kernel.RowOrder;

/**
 * Runs one block of a model fitted to a dataset (the batched strategy, {@code kernels/data.cl}) as the CPU's
 * {@code DataTile64} does, step for step: every {@code evaluateEvery} steps the training and validation losses of
 * the running members (patience may stop some at that step, or keep their point as the best), then each step's
 * loss and gradient over its rows (every training row, or the minibatch of {@link RowOrder}) in passes of whole
 * {@link KernelModel#ROW_CHUNK}-row chunks, the stopping tests and step scalars ({@code bo_data_eval}) and the
 * update ({@code bo_data_update}). Between chunks of steps it reads the status, compacts the active set, evaluates
 * the members that stopped at their final points, and keeps the history. The evaluations cover every member of the
 * block at once (each member's column of the products depends on that member alone).
 *
 * <p>In a fast {@link MathMode} (CUDA with cuBLAS) the two products of a pass go through the backend's
 * {@link DeviceBackend.Products} instead of the tiled {@code bo_data_z} and {@code bo_data_grad}; everything else
 * is the same kernels. In column-major terms the members' coordinates {@code X[i*nm + m]} are an nm x (C*S) matrix
 * (leading dimension nm; class c's weights from column c*S, its intercept in column c*S + F), a pass's rows
 * {@code XD[row*F + k]} an F x rows matrix (leading dimension F; a minibatch's rows gathered first by
 * {@code bo_data_gather}), and the outputs {@code Z[(p*C + c)*nm + m]} of class c an nm x rows matrix from element
 * c*nm with leading dimension C*nm. Per class: {@code Z_c = W_c XD} ({@code gemm(N, N, nm, rows, F)}) plus the
 * intercept as a product with a row of ones ({@code gemm(N, N, nm, rows, 1)}, beta 1); after the row function
 * {@code G_c = Z_c XD^T} ({@code gemm(N, T, nm, F, rows)}) and the intercept's {@code Z_c 1}
 * ({@code gemm(N, N, nm, 1, rows)}), with beta 0 on a step's first pass and 1 after, as the strict kernel adds a
 * pass's sums to the passes before. The sums run in cuBLAS's order, so results differ from the strict ones in the
 * last bits.
 */
final class DataLoop implements AutoCloseable {
    private final DeviceBackend device;
    private final RunPlan plan;
    private final DeviceBackend.Built built;
    private final BlockBuffers b;
    private final Precision precision;
    private final DataObjectiveSource source;
    private final DeviceBackend.DeviceRows train;
    private final DeviceBackend.DeviceRows valid;
    private final int n;
    private final int passRows;
    private final int rows;
    /** Rows per minibatch, 0 for full-batch steps. */
    private final int batch;
    private final int[] permutation;
    private int epoch = -1;
    /** Outputs Z (residuals in place), row losses L, rows predicted right A, chunk sums, their totals. */
    private DeviceBackend.Buffer z;
    private DeviceBackend.Buffer loss;
    private DeviceBackend.Buffer right;
    private DeviceBackend.Buffer part;
    private DeviceBackend.Buffer total;
    private DeviceBackend.Buffer totalRight;
    /** Per member: patience has run out, the member stops at this step. */
    private DeviceBackend.Buffer stop;
    private DeviceBackend.Buffer order;
    private ByteBuffer hostTotal;
    private ByteBuffer hostStop;
    private ByteBuffer hostOrder;
    /** The fast products, null in strict math; a minibatch's rows gathered; a row of ones for the intercept. */
    private final DeviceBackend.Products products;
    private DeviceBackend.Buffer gathered;
    private DeviceBackend.Buffer ones;
    /** The last evaluation's training loss, validation loss and validation rows right, per member of the block. */
    private final double[] trainLoss;
    private final double[] validLoss;
    private final double[] validRight;
    /** The evaluation at each member's final point. */
    private final double[] endTrain;
    private final double[] endValid;
    private final double[] endRight;

    DataLoop(DeviceBackend device, RunPlan plan, DeviceBackend.Built built, BlockBuffers buffers) {
        this.device = device;
        this.plan = plan;
        this.built = built;
        this.b = buffers;
        this.precision = plan.precision();
        this.source = (DataObjectiveSource) plan.objective();
        this.n = buffers.members();
        DeviceLayout layout = plan.layout();
        this.passRows = layout.passRows();
        this.rows = source.training().rows();
        this.batch = source.batchSize() >= rows ? 0 : source.batchSize();
        this.permutation = batch == 0 ? null : new int[rows];
        trainLoss = new double[n];
        validLoss = new double[n];
        validRight = new double[n];
        endTrain = new double[n];
        endValid = new double[n];
        endRight = new double[n];
        train = device.rows(source.training(), precision);
        valid = source.validation() == null ? null : device.rows(source.validation(), precision);
        int rb = precision.bytes();
        this.products = plan.math().fast() ? device.products(plan.math(), precision) : null;
        try {
            if (products != null) {
                if (batch > 0) {
                    gathered = device.allocate((long) passRows * source.features() * rb);
                }
                if (source.intercept()) {
                    ones = device.allocate((long) passRows * rb);
                    ByteBuffer h = device.hostBuffer((long) passRows * rb);
                    try {
                        for (int p = 0; p < passRows; p++) {
                            if (precision == Precision.FP64) {
                                h.putDouble(p * 8, 1);
                            } else {
                                h.putFloat(p * 4, 1);
                            }
                        }
                        device.write(ones, h);
                        device.finish();
                    } finally {
                        device.releaseHostBuffer(h);
                    }
                }
            }
            z = device.allocate((long) passRows * layout.outputs() * n * rb);
            loss = device.allocate((long) passRows * n * rb);
            right = device.allocate((long) passRows * n * rb);
            part = device.allocate((long) layout.passChunks() * n * rb);
            total = device.allocate((long) n * rb);
            totalRight = device.allocate((long) n * rb);
            stop = device.allocate((long) n * Integer.BYTES);
            order = device.allocate((long) Math.max(1, rows) * Integer.BYTES);
            hostTotal = device.hostBuffer((long) n * rb);
            hostStop = device.hostBuffer((long) n * Integer.BYTES);
            hostOrder = device.hostBuffer((long) Math.max(1, rows) * Integer.BYTES);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    void run(MemberBlock block, MemberResults out, RunContext context) {
        long t = System.nanoTime();
        int[] ids = b.start(block, plan.params(), plan.constraints().projectionData());
        int nactive = n;
        int[] endedIds = new int[n];
        boolean[] stopping = new boolean[n];
        writeStop(stopping);
        context.addTransfer(System.nanoTime() - t);

        t = System.nanoTime();
        device.takeKernelNanos();
        device.launch(built, KernelProgram.INIT, nactive, precision, b.st, b.active, nactive, (long) n, b.uni, b.pm,
                b.con);
        DataResults results = out.data();
        long first = block.first();
        int maxSteps = plan.stopping().maxSteps();
        int history = plan.historyEvery();
        int every = source.evaluateEvery();
        int s = 0;
        while (nactive > 0) {
            if (history > 0 && s > 0 && s % history == 0) {
                b.readPoints(out.history(s / history), first, ids, nactive);
            }
            if (every > 0 && s % every == 0) {
                evaluations(s, first, ids, nactive, results, stopping);
            }
            int k = Math.min(plan.stepsPerLaunch(), maxSteps + 1 - s);
            if (every > 0) {
                k = Math.min(k, every - s % every);
            }
            if (history > 0) {
                k = Math.min(k, history - s % history);
            }
            for (int it = 0; it < k; it++) {
                step(s + it, nactive);
            }
            int before = nactive;
            nactive = b.compact(ids, before, endedIds);
            int ended = before - nactive;
            if (ended > 0) {
                evaluate();
                for (int e = 0; e < ended; e++) {
                    int m = endedIds[e];
                    endTrain[m] = trainLoss[m];
                    endValid[m] = validLoss[m];
                    endRight[m] = validRight[m];
                }
            }
            s += k;
            context.progress((long) before * k, before - nactive);
        }
        device.finish();
        long kernels = device.takeKernelNanos();
        context.addRun(kernels >= 0 ? kernels : System.nanoTime() - t);

        t = System.nanoTime();
        b.collect(first, out, plan.maximize());
        for (int m = 0; m < n; m++) {
            results.finished(first + m, out.steps((int) (first + m)), endTrain[m], endValid[m], endRight[m]);
        }
        context.addTransfer(System.nanoTime() - t);
    }

    /**
     * The evaluation after s steps of the running members {@code ids[0..nactive)}: their losses go to
     * {@code results}, which may keep a point as a member's best or stop it at this step.
     */
    private void evaluations(int s, long first, int[] ids, int nactive, DataResults results, boolean[] stopping) {
        evaluate();
        int[] keep = new int[nactive];
        int kept = 0;
        boolean stopped = false;
        for (int j = 0; j < nactive; j++) {
            int m = ids[j];
            DataResults.Verdict v = results.evaluated(first + m, s, trainLoss[m], validLoss[m], validRight[m]);
            if (v == DataResults.Verdict.KEEP_POINT) {
                keep[kept++] = m;
            } else if (v == DataResults.Verdict.STOP) {
                stopping[m] = true;
                stopped = true;
            }
        }
        if (kept > 0) {
            b.readPoints(results.bestPoints(), first, keep, kept);
        }
        if (stopped) {
            writeStop(stopping);
        }
    }

    /** The loss and gradient of step s over its rows, the stopping tests and step scalars, and the update. */
    private void step(int s, int nactive) {
        int ordered = 0;
        int from = 0;
        int count = rows;
        if (batch > 0) {
            int perEpoch = source.stepsPerEpoch();
            int e = s / perEpoch;
            if (e != epoch) {
                device.finish();
                RowOrder.permutation(source.seed(), e, rows, permutation);
                hostOrder.clear().asIntBuffer().put(permutation);
                device.write(order, hostOrder.limit(rows * Integer.BYTES));
                epoch = e;
            }
            ordered = 1;
            from = (s % perEpoch) * batch;
            count = Math.min(batch, rows - from);
        }
        sums(train, ordered, from, count, false, true);
        device.launch(built, KernelProgram.DATA_EVAL, nactive, precision, b.x, b.g, b.st, b.sc, b.f, b.gn, b.status,
                b.steps, b.active, nactive, (long) n, b.uni, b.pm, total, stop, count, s,
                plan.stopping().maxSteps(), plan.stopping().gradientTolerance(),
                plan.stopping().valueTolerance());
        device.launch(built, KernelProgram.DATA_UPDATE, (long) nactive * plan.dimension(), precision, b.x, b.g,
                b.st, b.sc, b.status, b.active, nactive, (long) n);
    }

    /**
     * Every member's training loss, and with validation rows its validation loss and validation rows predicted
     * right, at its current point, into {@link #trainLoss}, {@link #validLoss}, {@link #validRight}.
     */
    private void evaluate() {
        sums(train, 0, 0, rows, false, false);
        means(total, rows, trainLoss);
        if (valid == null) {
            java.util.Arrays.fill(validLoss, Double.NaN);
            java.util.Arrays.fill(validRight, 0);
            return;
        }
        boolean classifies = source.model().classifies();
        sums(valid, 0, 0, valid.rows(), classifies, false);
        means(total, valid.rows(), validLoss);
        if (classifies) {
            totals(totalRight, validRight);
        } else {
            java.util.Arrays.fill(validRight, 0);
        }
    }

    /**
     * Over the rows {@code from .. from+count-1} (positions in the row order when {@code ordered}): the sum of the
     * row losses into {@link #total}, with {@code evaluation} the sum of the rows predicted right into
     * {@link #totalRight}, with {@code gradient} the residuals times x into the gradient; pass after pass of
     * whole chunks, each pass's sums added to those of the passes before.
     */
    private void sums(DeviceBackend.DeviceRows data, int ordered, int from, int count, boolean evaluation,
                      boolean gradient) {
        final int tile = KernelProgram.DATA_TILE;
        final int outputs = source.outputs();
        final long memberTiles = (n + tile - 1) / tile;
        for (int p0 = 0; p0 < count; p0 += passRows) {
            final int pc = Math.min(passRows, count - p0);
            final int init = p0 == 0 ? 1 : 0;
            final int at = from + p0;
            final int chunks = (pc + KernelModel.ROW_CHUNK - 1) / KernelModel.ROW_CHUNK;
            DeviceBackend.Buffer rowsX = data.x();
            long rowsAt = (long) at * source.features();
            if (products != null && ordered != 0) {
                device.launch(built, KernelProgram.DATA_GATHER, (long) pc * source.features(), precision, data.x(),
                        order, ordered, at, pc, gathered);
                rowsX = gathered;
                rowsAt = 0;
            }
            if (products != null) {
                fastOutputs(rowsX, rowsAt, pc);
            } else {
                device.launchGroups(built, KernelProgram.DATA_Z, memberTiles * ((pc + tile - 1) / tile) * outputs,
                        tile * tile, precision, data.x(), order, ordered, at, pc, b.x, (long) n, z);
            }
            device.launch(built, KernelProgram.DATA_ROWS, (long) pc * n, precision, data.y(), order, ordered, at, pc,
                    (long) n, z, loss, right, evaluation ? 1 : 0);
            device.launch(built, KernelProgram.DATA_CHUNKS, (long) chunks * n, precision, loss, pc, (long) n, part);
            device.launch(built, KernelProgram.DATA_TOTAL, n, precision, part, chunks, (long) n, total, init);
            if (evaluation) {
                device.launch(built, KernelProgram.DATA_CHUNKS, (long) chunks * n, precision, right, pc, (long) n,
                        part);
                device.launch(built, KernelProgram.DATA_TOTAL, n, precision, part, chunks, (long) n, totalRight,
                        init);
            }
            if (gradient && products != null) {
                fastGradient(rowsX, rowsAt, pc, init);
            } else if (gradient) {
                long coordinateTiles = (source.stride() + tile - 1) / tile;
                device.launchGroups(built, KernelProgram.DATA_GRAD, memberTiles * coordinateTiles * outputs,
                        tile * tile, precision, data.x(), order, ordered, at, pc, z, (long) n, b.g, init);
            }
        }
    }

    /** Z = X W^T (+ b) of a pass's {@code pc} rows, F x pc from element {@code rowsAt} of {@code rowsX}. */
    private void fastOutputs(DeviceBackend.Buffer rowsX, long rowsAt, int pc) {
        int f = source.features();
        int s = source.stride();
        int c = source.outputs();
        int ldz = Math.multiplyExact(c, n);
        for (int k = 0; k < c; k++) {
            products.gemm(false, false, n, pc, f, b.x, (long) k * s * n, n, rowsX, rowsAt, f, 0, z, (long) k * n, ldz);
            if (source.intercept()) {
                products.gemm(false, false, n, pc, 1, b.x, (long) (k * s + f) * n, n, ones, 0, 1, 1, z, (long) k * n,
                        ldz);
            }
        }
    }

    /** G = G + R^T X of a pass ({@code init}: G = R^T X), R the residuals in Z. */
    private void fastGradient(DeviceBackend.Buffer rowsX, long rowsAt, int pc, int init) {
        int f = source.features();
        int s = source.stride();
        int c = source.outputs();
        int ldz = Math.multiplyExact(c, n);
        double beta = init != 0 ? 0 : 1;
        for (int k = 0; k < c; k++) {
            products.gemm(false, true, n, f, pc, z, (long) k * n, ldz, rowsX, rowsAt, f, beta, b.g, (long) k * s * n,
                    n);
            if (source.intercept()) {
                products.gemm(false, false, n, 1, pc, z, (long) k * n, ldz, ones, 0, pc, beta, b.g,
                        (long) (k * s + f) * n, n);
            }
        }
    }

    /** The totals of {@code sums} divided by {@code count} in the run's precision (0 rows give NaN). */
    private void means(DeviceBackend.Buffer sums, int count, double[] out) {
        totals(sums, out);
        for (int m = 0; m < n; m++) {
            out[m] = count == 0 ? Double.NaN : precision == Precision.FP64 ? out[m] / count
                    : (float) out[m] / (float) count;
        }
    }

    /** The totals of {@code sums}, one per member (an fp32 total widened exactly). */
    private void totals(DeviceBackend.Buffer sums, double[] out) {
        ByteBuffer h = hostTotal.clear();
        device.read(sums, h);
        for (int m = 0; m < n; m++) {
            out[m] = precision == Precision.FP64 ? h.getDouble(m * 8) : h.getFloat(m * 4);
        }
    }

    private void writeStop(boolean[] stopping) {
        ByteBuffer h = hostStop.clear();
        for (int m = 0; m < n; m++) {
            h.putInt(m * Integer.BYTES, stopping[m] ? 1 : 0);
        }
        device.write(stop, h);
    }

    @Override
    public void close() {
        for (ByteBuffer h : new ByteBuffer[] {hostOrder, hostStop, hostTotal}) {
            if (h != null) {
                device.releaseHostBuffer(h);
            }
        }
        hostOrder = hostStop = hostTotal = null;
        for (DeviceBackend.Buffer d : new DeviceBackend.Buffer[] {order, stop, totalRight, total, part, right, loss,
                z, ones, gathered}) {
            if (d != null) {
                device.free(d);
            }
        }
        order = stop = totalRight = total = part = right = loss = z = ones = gathered = null;
    }
}
