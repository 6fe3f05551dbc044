package org.batchopt.backend.device;

import java.nio.ByteBuffer;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.batchopt.Precision;
import org.batchopt.Status;
import org.batchopt.backend.DeviceLayout;
import org.batchopt.backend.MemberBlock;
import org.batchopt.backend.MemberResults;
import org.batchopt.backend.ParamLayout;
import org.batchopt.kernel.ConstraintSlots;

/**
 * The device memory of one block of n members in the layout of kernels/fused.cl (structure of arrays, 64-bit
 * indices: coordinate i of member j at {@code i*n + j}), and the host side of every copy, one host buffer per
 * purpose so that no write's source is reused before a read. Owns both; {@link #close} frees them.
 */
final class BlockBuffers implements AutoCloseable {
    /** Values per slice of the host loops that lay members out for the device and collect them back. */
    private static final int HOST_SLICE_VALUES = 1 << 16;

    private final DeviceBackend device;
    private final Precision precision;
    private final int n;
    private final int d;
    private final int rb;
    private final int cr;
    DeviceBackend.Buffer x;
    DeviceBackend.Buffer st;
    DeviceBackend.Buffer f;
    DeviceBackend.Buffer gn;
    DeviceBackend.Buffer status;
    DeviceBackend.Buffer steps;
    DeviceBackend.Buffer active;
    DeviceBackend.Buffer uni;
    DeviceBackend.Buffer pm;
    /** The gradient and the step scalars of the streaming strategy; null in the fused one. */
    DeviceBackend.Buffer g;
    DeviceBackend.Buffer sc;
    /** The members' constraint state (at least one real) and the projection's data. */
    DeviceBackend.Buffer con;
    DeviceBackend.Buffer pj;
    private ByteBuffer hostX;
    private ByteBuffer hostF;
    private ByteBuffer hostGn;
    private ByteBuffer hostStatus;
    private ByteBuffer hostSteps;
    private ByteBuffer hostActive;
    private ByteBuffer hostUni;
    private ByteBuffer hostPm;
    private ByteBuffer hostCon;
    private ByteBuffer hostPj;

    BlockBuffers(DeviceBackend device, DeviceLayout layout, Precision precision, int n) {
        this.device = device;
        this.precision = precision;
        this.n = n;
        this.d = layout.dimension();
        this.rb = layout.realBytes();
        this.cr = layout.constraintReals();
        try {
            long pmReals = Math.max(1, (long) layout.perMemberParams() * n);
            x = device.allocate((long) n * d * rb);
            st = device.allocate(Math.max(1, (long) n * layout.stateReals()) * rb);
            f = device.allocate((long) n * rb);
            gn = device.allocate((long) n * rb);
            status = device.allocate((long) n * Integer.BYTES);
            steps = device.allocate((long) n * Integer.BYTES);
            active = device.allocate((long) n * Integer.BYTES);
            uni = device.allocate((long) layout.uniformParams() * rb);
            pm = device.allocate(pmReals * rb);
            g = layout.streaming() ? device.allocate((long) n * d * rb) : null;
            sc = layout.streaming() ? device.allocate((long) n * layout.stepScalars() * rb) : null;
            con = device.allocate(Math.max(1, (long) n * cr) * rb);
            pj = device.allocate((long) layout.projectionReals() * rb);
            hostX = device.hostBuffer((long) n * d * rb);
            hostF = device.hostBuffer((long) n * rb);
            hostGn = device.hostBuffer((long) n * rb);
            hostStatus = device.hostBuffer((long) n * Integer.BYTES);
            hostSteps = device.hostBuffer((long) n * Integer.BYTES);
            hostActive = device.hostBuffer((long) n * Integer.BYTES);
            hostUni = device.hostBuffer((long) layout.uniformParams() * rb);
            hostPm = device.hostBuffer(pmReals * rb);
            hostCon = device.hostBuffer(Math.max(1, (long) n * cr) * rb);
            hostPj = device.hostBuffer((long) layout.projectionReals() * rb);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The block's members. */
    int members() {
        return n;
    }

    /**
     * Copies the block's start points, hyperparameters and the projection's data ({@code projection}, at least as
     * many reals as the layout's; an empty array for none) to the device, zeroes f and the status.
     */
    void upload(MemberBlock block, ParamLayout params, double[] projection) {
        ByteBuffer reals = hostX.clear();
        double[] start = block.start();
        inSlices(n, d, (from, to) -> {
            for (int j = from; j < to; j++) {
                for (int i = 0; i < d; i++) {
                    putReal(reals, (long) i * n + j, start[j * d + i]);
                }
            }
        });
        device.write(x, reals);
        device.write(uni, realsOf(hostUni, params.uniformValues()));
        device.write(pm, realsOf(hostPm, params.perMemberValues(block.first(), n)));
        device.write(pj, realsOf(hostPj, projection.length == 0 ? new double[1] : projection));
        device.write(f, zeros(hostF));
        device.write(status, zeros(hostStatus));
    }

    /**
     * {@link #upload}s the block and makes every member active; returns the active list, block indices
     * {@code 0..n-1}, for {@link #compact}.
     */
    int[] start(MemberBlock block, ParamLayout params, double[] projection) {
        upload(block, params, projection);
        int[] ids = new int[n];
        for (int j = 0; j < n; j++) {
            ids[j] = j;
        }
        writeActive(ids, n);
        return ids;
    }

    /**
     * Reads the status and keeps in {@code ids[0..count)} the members still running, in order, the others into
     * {@code ended} (when not null); writes the new active list and returns its length.
     */
    int compact(int[] ids, int count, int[] ended) {
        ByteBuffer status = readStatus();
        int running = 0;
        int e = 0;
        for (int j = 0; j < count; j++) {
            int m = ids[j];
            if (status.getInt(m * Integer.BYTES) == Status.RUNNING.ordinal()) {
                ids[running++] = m;
            } else if (ended != null) {
                ended[e++] = m;
            }
        }
        if (running > 0) {
            writeActive(ids, running);
        }
        return running;
    }

    /** Makes members {@code ids[0..count)} (block indices) the active ones. */
    void writeActive(int[] ids, int count) {
        hostActive.clear().asIntBuffer().put(ids, 0, count);
        device.write(active, hostActive.limit(count * Integer.BYTES));
    }

    /** Reads every member's status code; the buffer holds member j's at {@code getInt(j * 4)}. */
    ByteBuffer readStatus() {
        ByteBuffer b = hostStatus.clear();
        device.read(status, b);
        return b;
    }

    /** x of the members {@code ids[0..count)} into {@code points}, at their global indices. */
    void readPoints(MemberResults.Points points, long first, int[] ids, int count) {
        ByteBuffer xs = hostX.clear();
        device.read(x, xs);
        for (int c = 0; c < count; c++) {
            int m = ids[c];
            for (int i = 0; i < d; i++) {
                points.set(first + m, i, getReal(xs, (long) i * n + m));
            }
        }
    }

    /** Every member's outcome into {@code out}, f negated back when the kernels minimized -f. */
    void collect(long first, MemberResults out, boolean maximize) {
        ByteBuffer xs = hostX.clear();
        device.read(x, xs);
        ByteBuffer fs = hostF.clear();
        device.read(f, fs);
        ByteBuffer gs = hostGn.clear();
        device.read(gn, gs);
        ByteBuffer ss = hostSteps.clear();
        device.read(steps, ss);
        ByteBuffer cs = hostStatus.clear();
        device.read(status, cs);
        if (cr > 0) {
            collectConstraints(first, out);
        }
        inSlices(n, d, (from, to) -> {
            for (int m = from; m < to; m++) {
                for (int i = 0; i < d; i++) {
                    out.x().set(first + m, i, getReal(xs, (long) i * n + m));
                }
                double fv = getReal(fs, m);
                out.finish(first + m, maximize ? -fv : fv, getReal(gs, m), ss.getInt(m * Integer.BYTES),
                        Status.ofCode(cs.getInt(m * Integer.BYTES)));
            }
        });
    }

    /** Every member's constraint values, weights, violation and KKT residual (slots of ConstraintSlots). */
    private void collectConstraints(long first, MemberResults out) {
        ByteBuffer cb = hostCon.clear();
        device.read(con, cb);
        int j = out.constraints();
        ConstraintSlots slots = new ConstraintSlots(j);
        inSlices(n, cr, (from, to) -> {
            for (int m = from; m < to; m++) {
                for (int k = 0; k < j; k++) {
                    out.constraintValues().set(first + m, k, getReal(cb, (long) (slots.value() + k) * n + m));
                    out.weights().set(first + m, k, getReal(cb, (long) (slots.weight() + k) * n + m));
                }
                out.finishConstraints(first + m, getReal(cb, (long) slots.violation() * n + m),
                        getReal(cb, (long) slots.kkt() * n + m));
            }
        });
    }

    private ByteBuffer realsOf(ByteBuffer b, double[] values) {
        b.clear();
        for (double v : values) {
            if (precision == Precision.FP64) {
                b.putDouble(v);
            } else {
                b.putFloat((float) v);
            }
        }
        return b.flip();
    }

    /** Writes real {@code index} of {@code b} without moving its position. */
    private void putReal(ByteBuffer b, long index, double v) {
        int at = Math.toIntExact(index * rb);
        if (precision == Precision.FP64) {
            b.putDouble(at, v);
        } else {
            b.putFloat(at, (float) v);
        }
    }

    private double getReal(ByteBuffer b, long index) {
        int at = Math.toIntExact(index * rb);
        return precision == Precision.FP64 ? b.getDouble(at) : b.getFloat(at);
    }

    /** {@code b} filled with zero bytes, position 0, limit its capacity. */
    private static ByteBuffer zeros(ByteBuffer b) {
        b.clear();
        while (b.remaining() >= Long.BYTES) {
            b.putLong(0L);
        }
        while (b.hasRemaining()) {
            b.put((byte) 0);
        }
        return b.flip();
    }

    @Override
    public void close() {
        for (ByteBuffer b : new ByteBuffer[] {hostPj, hostCon, hostPm, hostUni, hostActive, hostSteps, hostStatus,
                hostGn, hostF, hostX}) {
            if (b != null) {
                device.releaseHostBuffer(b);
            }
        }
        hostPj = hostCon = hostPm = hostUni = hostActive = hostSteps = hostStatus = hostGn = hostF = hostX = null;
        for (DeviceBackend.Buffer b : new DeviceBackend.Buffer[] {pj, con, sc, g, pm, uni, active, steps, status, gn,
                f, st, x}) {
            if (b != null) {
                device.free(b);
            }
        }
        pj = con = sc = g = pm = uni = active = steps = status = gn = f = st = x = null;
    }

    /** A slice of members {@code [from, to)}. */
    private interface Slice {
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over members {@code [0, n)}: in slices on the common fork-join pool when there are
     * enough values ({@code n * d}) to pay for it, else on this thread. Slices touch disjoint members only.
     */
    private static void inSlices(int n, int d, Slice body) {
        long values = (long) n * d;
        int slices = (int) Math.min(4L * ForkJoinPool.getCommonPoolParallelism(), values / HOST_SLICE_VALUES);
        if (slices <= 1) {
            body.run(0, n);
            return;
        }
        IntStream.range(0, slices).parallel()
                .forEach(k -> body.run((int) ((long) n * k / slices), (int) ((long) n * (k + 1) / slices)));
    }
}
