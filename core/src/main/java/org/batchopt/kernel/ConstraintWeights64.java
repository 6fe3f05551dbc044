package org.batchopt.kernel;

/**
 * The middle of a constraint's program in the CPU twin, as {@code bo_con_weight} (kernels/constraints.cl) is in the
 * kernel: from the lanes' left sides {@code e} and values {@code c} of constraint {@code j}, the weights {@code w}
 * by which its gradient joins the objective's.
 */
public interface ConstraintWeights64 {
    /**
     * @param e not modified
     * @param c not modified
     * @param w modified: lanes {@code l < n}
     */
    void weights(int j, double[] e, double[] c, double[] w, int n);
}
