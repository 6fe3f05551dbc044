package org.batchopt.kernel;

/**
 * fp64 twin of a run's constraint functions ({@code con_all} of {@link ConstraintSource#kernelSource()}) in lane
 * form, as {@link ObjectiveTwin64} is of an objective's. Keeps scratch between calls: one instance per thread.
 */
public abstract class ConstraintTwin64 {
    /** Where the named parameters are, as {@link ObjectiveTwin64#bindParameters}. */
    public abstract void bindParameters(double[][] hp, int[] slots);

    /**
     * {@code con_all}: constraint by constraint in order, its left side and value at the lanes' points, the weights
     * {@code weights} computes from them, and the weighted gradient of the value added to {@code g}.
     *
     * @param x lanes' points, not modified
     * @param g gradients, modified
     */
    public abstract void evaluate(double[][] x, double[][] g, ConstraintWeights64 weights, int n);
}
