package org.batchopt.kernel;

/**
 * The models of {@code kernels/data.cl}, fitted to a dataset shared by every member, and what Java and the kernels
 * must agree on about them: the id ({@code BO_MODEL_<name>} = its ordinal) and the order in which every sum over
 * rows is taken. With n rows in a step (the training rows, or a minibatch), F features, the coordinates of a
 * member laid out class by class as {@code [w_0 .. w_{F-1}, b]} (no {@code b} without an intercept), and
 * {@code z = x.w + b} for each class:
 * <pre>
 *   LINEAR    loss_i = (z_i - y_i)^2 / 2                         residual r_i = z_i - y_i
 *   LOGISTIC  loss_i = max(z_i, 0) + log(1 + exp(-|z_i|)) - y_i z_i   r_i = sigmoid(z_i) - y_i
 *   SOFTMAX   loss_i = max_c z_ic + log(sum_c exp(z_ic - max_c z_ic)) - z_{i,y_i}
 *                                                                 r_ic = softmax(z_i)_c - [c = y_i]
 *   f = (sum_i loss_i) / n,   gradient = (sum_i r_i x_i) / n  (x_i with a 1 for the intercept)
 * </pre>
 * Every dot product {@code x.w} sums {@code fma(x_k, w_k, acc)} over increasing k from 0, then adds b; every sum
 * over rows runs in {@link #ROW_CHUNK}-row chunks, each from 0 over increasing rows, and the chunk sums are added
 * in chunk order from 0. That order is the contract: a backend may split the work any way that keeps it, so that
 * every backend computes the same bits whatever its launch geometry, block or thread count.
 */
public enum KernelModel {
    /** Least squares; one output. */
    LINEAR,
    /** Binary logistic regression, labels 0 and 1; one output. */
    LOGISTIC,
    /** Multinomial logistic regression over C classes, labels 0..C-1; C outputs. */
    SOFTMAX;

    /** Rows per chunk of every sum over rows ({@code BO_ROW_CHUNK}). */
    public static final int ROW_CHUNK = 256;

    /** {@code BO_MODEL_<name>}. */
    public String macro() {
        return "BO_MODEL_" + name();
    }

    /** Whether the model predicts a class (and so has an accuracy). */
    public boolean classifies() {
        return this != LINEAR;
    }
}
