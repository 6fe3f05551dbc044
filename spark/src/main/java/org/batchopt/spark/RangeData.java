package org.batchopt.spark;

import java.io.Serializable;
import org.batchopt.Precision;
import org.batchopt.Result;
import org.batchopt.Status;

/**
 * Every member of one task's range as the local engine left it, in flat arrays: kept by Spark between the passes of a
 * run (and spilled to disk when memory is short), so that the distinct minima and the members' table are computed
 * from the same bits without running the members again.
 */
final class RangeData implements Serializable {
    private static final long serialVersionUID = 1L;
    final int first;
    final int count;
    final int dimension;
    final Precision precision;
    /** Final points, member-major; fp32 runs keep floats. */
    private final float[] x32;
    private final double[] x64;
    final double[] f;
    final double[] objective;
    final double[] gradientNorm;
    final int[] steps;
    private final byte[] status;

    private RangeData(Result r) {
        first = r.firstMember();
        count = r.members();
        dimension = r.dimension();
        precision = r.precision();
        long values = (long) count * dimension;
        x32 = precision == Precision.FP32 ? new float[Math.toIntExact(values)] : null;
        x64 = precision == Precision.FP64 ? new double[Math.toIntExact(values)] : null;
        f = new double[count];
        objective = new double[count];
        gradientNorm = new double[count];
        steps = new int[count];
        status = new byte[count];
        for (int j = 0; j < count; j++) {
            int m = first + j;
            for (int i = 0; i < dimension; i++) {
                if (x32 != null) {
                    x32[j * dimension + i] = (float) r.x(m, i);
                } else {
                    x64[j * dimension + i] = r.x(m, i);
                }
            }
            f[j] = r.f(m);
            objective[j] = r.objectiveValue(m);
            gradientNorm[j] = r.gradientNorm(m);
            steps[j] = r.steps(m);
            status[j] = (byte) r.status(m).ordinal();
        }
    }

    static RangeData of(Result r) {
        return new RangeData(r);
    }

    /** Coordinate {@code i} of the member at position {@code j} (member {@code first + j}). */
    double x(int j, int i) {
        return x32 != null ? x32[j * dimension + i] : x64[j * dimension + i];
    }

    double[] x(int j) {
        double[] v = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = x(j, i);
        }
        return v;
    }

    Status status(int j) {
        return Status.values()[status[j]];
    }

    MemberRecord record(int j) {
        return new MemberRecord(first + j, x(j), f[j], objective[j], gradientNorm[j], steps[j], status(j));
    }
}
