package org.batchopt.kernel;

import java.util.Arrays;

/**
 * fp64 twin of an objective's kernel source ({@code obj_value}, {@code obj_value_grad}) in lane form: the
 * members of a tile are lanes, coordinate {@code i} of lane {@code l} is {@code x[i][l]}, and every lane sees
 * the kernel's operations in the kernel's order. Loops over lanes are innermost and index every array by
 * {@code [l]} alone, so that the JIT vectorizes them. The kernel's math functions run over lanes through
 * {@link #math} on arrays from {@link #scratch}, both kept between calls: an instance serves one thread at a
 * time (the CPU backend makes one per tile).
 */
public abstract class ObjectiveTwin64 {
    protected final int dim;
    /** bo_sin, bo_exp, ... of kernels/math.cl over lanes. */
    protected final LaneMath64 math = new LaneMath64();
    private double[][] scratch = new double[0][];

    protected ObjectiveTwin64(int dim) {
        this.dim = dim;
    }

    public final int dimension() {
        return dim;
    }

    /** Scratch array number k (from 0) of at least n lanes; its contents are left from the last use. */
    protected final double[] scratch(int k, int n) {
        if (k >= scratch.length) {
            scratch = Arrays.copyOf(scratch, k + 1);
        }
        if (scratch[k] == null || scratch[k].length < n) {
            scratch[k] = new double[n];
        }
        return scratch[k];
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
