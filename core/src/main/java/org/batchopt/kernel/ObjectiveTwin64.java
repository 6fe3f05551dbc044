package org.batchopt.kernel;

/**
 * fp64 twin of an objective's kernel source ({@code obj_value}, {@code obj_value_grad}) in lane form: the
 * members of a tile are lanes, coordinate {@code i} of lane {@code l} is {@code x[i][l]}, and every lane sees
 * the kernel's operations in the kernel's order. Loops over lanes are innermost and index every array by
 * {@code [l]} alone, so that the JIT vectorizes them.
 */
public abstract class ObjectiveTwin64 {
    protected final int dim;

    protected ObjectiveTwin64(int dim) {
        this.dim = dim;
    }

    public final int dimension() {
        return dim;
    }

    /**
     * Where the lanes' named parameters are: parameter k of the objective is {@code hp[slots[k]][l]}, the kernel's
     * {@code hp[HP_<name>]}. The arrays are read at every evaluation, not copied. Objectives without named
     * parameters ignore it.
     */
    public void bindParameters(double[][] hp, int[] slots) {
    }

    /**
     * {@code f[l] = f(x_l)} for lanes {@code l < n}.
     *
     * @param x lanes' points, not modified
     * @param f values, modified
     */
    public abstract void value(double[][] x, double[] f, int n);

    /**
     * Values and gradients, {@code g[i][l]}.
     *
     * @param x lanes' points, not modified
     * @param g gradients, modified
     * @param f values, modified
     */
    public abstract void valueGradient(double[][] x, double[][] g, double[] f, int n);
}
