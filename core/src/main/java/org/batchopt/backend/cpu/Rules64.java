package org.batchopt.backend.cpu;

import static org.batchopt.kernel.Math64.abs;
import static org.batchopt.kernel.Math64.c;
import static org.batchopt.kernel.Math64.fma;
import static org.batchopt.kernel.Math64.lerp;
import static org.batchopt.kernel.Math64.max;
import static org.batchopt.kernel.Math64.pow;
import static org.batchopt.kernel.Math64.r;
import static org.batchopt.kernel.Math64.sqrt;

import org.batchopt.Hyperparameter;
import org.batchopt.backend.KernelShape;
import org.batchopt.kernel.KernelRule;
import org.batchopt.kernel.StepScalars;
import org.batchopt.backend.ParamLayout;

/**
 * fp64 twins of {@code kernels/rules.cl}, in lane form: {@code init}, {@code prepare} and {@code coord}
 * apply the kernel's {@code rule_init}, {@code rule_prepare} and {@code rule_coord} to every lane of a tile,
 * the same operations in the same order. Per-step scalar k of lane l is {@code t.sc[k][l]}, coordinate state
 * slot j of coordinate i {@code t.st[j][i][l]}, member state slot k {@code t.ms[k][l]}, hyperparameter k
 * {@code t.hp[k][l]}: one array per slot and coordinate, every lane loop indexing by {@code [l]} alone, so
 * that the JIT vectorizes them.
 */
abstract class Rules64 {
    static final int SC_LR = StepScalars.LR;

    final int dim;
    /** Whether coord writes each lane's step coefficient into {@code t.step}, for the L1 proximal step. */
    final boolean prox;

    Rules64(KernelShape shape) {
        this.dim = shape.dimension();
        this.prox = shape.l1Prox();
    }

    /** rule_init for lanes 0..n-1. */
    abstract void init(Tile64 t, int n);

    /** rule_init's common case for lanes 0..n-1: every coordinate state slot 0, every member state slot 1. */
    static void zeroStateAndUnitProducts(Tile64 t, int n) {
        for (double[][] slot : t.st) {
            for (double[] coordinate : slot) {
                java.util.Arrays.fill(coordinate, 0, n, 0);
            }
        }
        for (double[] slot : t.ms) {
            java.util.Arrays.fill(slot, 0, n, 1);
        }
    }

    /** rule_prepare(sc, ms, s + 1, sc[SC_LR], hp) for lanes 0..n-1. */
    abstract void prepare(Tile64 t, int s, int n);

    /** rule_coord for coordinate i of lanes 0..n-1; with {@link #prox}, its step coefficient into {@code t.step}. */
    abstract void coord(Tile64 t, int i, int n);

    /** rule_scale of coordinate i for lanes 0..n-1 after {@code steps} updates, g the gradient, into {@code out}. */
    abstract void scale(Tile64 t, int i, int n, int steps, double[] g, double[] out);

    static Rules64 of(KernelShape shape) {
        return switch (shape.rule()) {
            case SGD -> new Sgd(shape);
            case ADAGRAD -> new Adagrad(shape);
            case RMSPROP -> new RmsProp(shape);
            case ADAM -> new Adam(shape);
            case NADAM -> new NAdam(shape);
            case ADAMAX -> new Adamax(shape);
        };
    }

    static int hp(ParamLayout p, Hyperparameter name) {
        int k = p.index(name);
        if (k < 0) {
            throw new IllegalStateException("rule parameter " + name + " missing from the layout");
        }
        return k;
    }

    static final class Sgd extends Rules64 {
        private static final int NEG_LR = KernelRule.SGD.scalar("NEG_LR");
        private static final int WD = KernelRule.SGD.scalar("WD");
        private static final int MOMENTUM = KernelRule.SGD.scalar("MOMENTUM");
        private static final int ONE_MINUS_DAMPENING = KernelRule.SGD.scalar("ONE_MINUS_DAMPENING");
        private static final int FIRST = KernelRule.SGD.scalar("FIRST");
        private static final int STEP = KernelRule.SGD.scalar("STEP");
        private final boolean nesterov;
        private final int weightDecay;
        private final int momentum;
        private final int dampening;

        Sgd(KernelShape shape) {
            super(shape);
            nesterov = shape.nesterov();
            weightDecay = hp(shape.params(), Hyperparameter.WEIGHT_DECAY);
            momentum = hp(shape.params(), Hyperparameter.MOMENTUM);
            dampening = hp(shape.params(), Hyperparameter.DAMPENING);
        }

        @Override
        void init(Tile64 t, int n) {
            zeroStateAndUnitProducts(t, n);
        }

        @Override
        void prepare(Tile64 t, int s, int n) {
            final double[][] sc = t.sc;
            final double[][] hp = t.hp;
            for (int l = 0; l < n; l++) {
                final double lr = sc[SC_LR][l];
                sc[NEG_LR][l] = -lr;
                sc[WD][l] = hp[weightDecay][l];
                sc[MOMENTUM][l] = hp[momentum][l];
                sc[ONE_MINUS_DAMPENING][l] = 1 - hp[dampening][l];
                sc[FIRST][l] = s + 1 == 1 ? 1 : 0;
                sc[STEP][l] = hp[momentum][l] != 0 ? lr * (sc[ONE_MINUS_DAMPENING][l] / (1 - hp[momentum][l])) : lr;
            }
        }

        @Override
        void coord(Tile64 t, int i, int n) {
            final double[] x = t.x[i];
            final double[] g = t.g[i];
            final double[][] sc = t.sc;
            final double[] b = t.st[0][i];
            for (int l = 0; l < n; l++) {
                double d = g[l];
                final double wd = sc[WD][l];
                if (wd != 0) {
                    d = fma(x[l], wd, d);
                }
                final double mom = sc[MOMENTUM][l];
                if (mom != 0) {
                    b[l] = sc[FIRST][l] != 0 ? d : fma(d, sc[ONE_MINUS_DAMPENING][l], b[l] * mom);
                    d = nesterov ? fma(b[l], mom, d) : b[l];
                }
                x[l] = fma(d, sc[NEG_LR][l], x[l]);
                if (prox) {
                    t.step[l] = sc[STEP][l];
                }
            }
        }

        @Override
        void scale(Tile64 t, int i, int n, int steps, double[] g, double[] out) {
            final double[][] hp = t.hp;
            for (int l = 0; l < n; l++) {
                final double mom = hp[momentum][l];
                out[l] = mom != 0 ? (1 - mom) / (1 - hp[dampening][l]) : 1;
            }
        }
    }

    static final class Adagrad extends Rules64 {
        private static final int NEG_CLR = KernelRule.ADAGRAD.scalar("NEG_CLR");
        private static final int WD = KernelRule.ADAGRAD.scalar("WD");
        private static final int EPS = KernelRule.ADAGRAD.scalar("EPS");
        private final int lrDecay;
        private final int weightDecay;
        private final int initial;
        private final int eps;

        Adagrad(KernelShape shape) {
            super(shape);
            lrDecay = hp(shape.params(), Hyperparameter.LR_DECAY);
            weightDecay = hp(shape.params(), Hyperparameter.WEIGHT_DECAY);
            initial = hp(shape.params(), Hyperparameter.INITIAL_ACCUMULATOR);
            eps = hp(shape.params(), Hyperparameter.EPS);
        }

        @Override
        void init(Tile64 t, int n) {
            for (int i = 0; i < dim; i++) {
                for (int l = 0; l < n; l++) {
                    t.st[0][i][l] = t.hp[initial][l];
                }
            }
        }

        @Override
        void prepare(Tile64 t, int s, int n) {
            final double[][] sc = t.sc;
            final double[][] hp = t.hp;
            final int step = s + 1;
            for (int l = 0; l < n; l++) {
                sc[NEG_CLR][l] = -(sc[SC_LR][l] / (1 + r(step - 1) * hp[lrDecay][l]));
                sc[WD][l] = hp[weightDecay][l];
                sc[EPS][l] = hp[eps][l];
            }
        }

        @Override
        void coord(Tile64 t, int i, int n) {
            final double[] x = t.x[i];
            final double[] g = t.g[i];
            final double[][] sc = t.sc;
            final double[] b = t.st[0][i];
            for (int l = 0; l < n; l++) {
                double gi = g[l];
                final double wd = sc[WD][l];
                if (wd != 0) {
                    gi = fma(x[l], wd, gi);
                }
                b[l] = fma(gi, gi, b[l]);
                final double std = sqrt(b[l]) + sc[EPS][l];
                x[l] = x[l] + (sc[NEG_CLR][l] * gi) / std;
                if (prox) {
                    t.step[l] = -sc[NEG_CLR][l] / std;
                }
            }
        }

        @Override
        void scale(Tile64 t, int i, int n, int steps, double[] g, double[] out) {
            final double[] b = t.st[0][i];
            final double[][] hp = t.hp;
            for (int l = 0; l < n; l++) {
                out[l] = (sqrt(b[l]) + hp[eps][l]) * (1 + r(steps) * hp[lrDecay][l]);
            }
        }
    }

    static final class RmsProp extends Rules64 {
        private static final int NEG_LR = KernelRule.RMSPROP.scalar("NEG_LR");
        private static final int WD = KernelRule.RMSPROP.scalar("WD");
        private static final int ALPHA = KernelRule.RMSPROP.scalar("ALPHA");
        private static final int ONE_MINUS_ALPHA = KernelRule.RMSPROP.scalar("ONE_MINUS_ALPHA");
        private static final int EPS = KernelRule.RMSPROP.scalar("EPS");
        private static final int MOMENTUM = KernelRule.RMSPROP.scalar("MOMENTUM");
        private static final int STEP = KernelRule.RMSPROP.scalar("STEP");
        private final boolean centered;
        private final int weightDecay;
        private final int alpha;
        private final int eps;
        private final int momentum;

        RmsProp(KernelShape shape) {
            super(shape);
            centered = shape.centered();
            weightDecay = hp(shape.params(), Hyperparameter.WEIGHT_DECAY);
            alpha = hp(shape.params(), Hyperparameter.ALPHA);
            eps = hp(shape.params(), Hyperparameter.EPS);
            momentum = hp(shape.params(), Hyperparameter.MOMENTUM);
        }

        @Override
        void init(Tile64 t, int n) {
            zeroStateAndUnitProducts(t, n);
        }

        @Override
        void prepare(Tile64 t, int s, int n) {
            final double[][] sc = t.sc;
            final double[][] hp = t.hp;
            for (int l = 0; l < n; l++) {
                sc[NEG_LR][l] = -sc[SC_LR][l];
                sc[WD][l] = hp[weightDecay][l];
                sc[ALPHA][l] = hp[alpha][l];
                sc[ONE_MINUS_ALPHA][l] = 1 - hp[alpha][l];
                sc[EPS][l] = hp[eps][l];
                sc[MOMENTUM][l] = hp[momentum][l];
                sc[STEP][l] = hp[momentum][l] > 0 ? sc[SC_LR][l] / (1 - hp[momentum][l]) : sc[SC_LR][l];
            }
        }

        @Override
        void coord(Tile64 t, int i, int n) {
            final double[] x = t.x[i];
            final double[] g = t.g[i];
            final double[][] sc = t.sc;
            final double[] sq = t.st[0][i];
            final double[] ga = t.st[1][i];
            final double[] buf = t.st[2][i];
            for (int l = 0; l < n; l++) {
                double gi = g[l];
                final double wd = sc[WD][l];
                if (wd != 0) {
                    gi = fma(x[l], wd, gi);
                }
                final double oma = sc[ONE_MINUS_ALPHA][l];
                sq[l] = fma(oma * gi, gi, sq[l] * sc[ALPHA][l]);
                double avg;
                if (centered) {
                    ga[l] = lerp(ga[l], gi, oma);
                    avg = sqrt(fma(c(-1) * ga[l], ga[l], sq[l]));
                } else {
                    avg = sqrt(sq[l]);
                }
                avg = avg + sc[EPS][l];
                final double mom = sc[MOMENTUM][l];
                if (mom > 0) {
                    buf[l] = buf[l] * mom + gi / avg;
                    x[l] = fma(buf[l], sc[NEG_LR][l], x[l]);
                } else {
                    x[l] = x[l] + (sc[NEG_LR][l] * gi) / avg;
                }
                if (prox) {
                    t.step[l] = sc[STEP][l] / avg;
                }
            }
        }

        @Override
        void scale(Tile64 t, int i, int n, int steps, double[] g, double[] out) {
            final double[] sq = t.st[0][i];
            final double[] ga = t.st[1][i];
            final double[][] hp = t.hp;
            for (int l = 0; l < n; l++) {
                double avg;
                if (centered) {
                    avg = steps == 0 ? 0 : sqrt(fma(c(-1) * ga[l], ga[l], sq[l]));
                } else {
                    avg = steps == 0 ? abs(g[l]) : sqrt(sq[l]);
                }
                avg = avg + hp[eps][l];
                final double mom = hp[momentum][l];
                out[l] = mom > 0 ? avg * (1 - mom) : avg;
            }
        }
    }

    /** Adam, and AdamW when the shape says decoupled. */
    static final class Adam extends Rules64 {
        private static final int NEG_STEP = KernelRule.ADAM.scalar("NEG_STEP");
        private static final int BC2_SQRT = KernelRule.ADAM.scalar("BC2_SQRT");
        private static final int ONE_MINUS_BETA1 = KernelRule.ADAM.scalar("ONE_MINUS_BETA1");
        private static final int BETA2 = KernelRule.ADAM.scalar("BETA2");
        private static final int ONE_MINUS_BETA2 = KernelRule.ADAM.scalar("ONE_MINUS_BETA2");
        private static final int EPS = KernelRule.ADAM.scalar("EPS");
        private static final int WD = KernelRule.ADAM.scalar("WD");
        private final boolean amsgrad;
        private final boolean decoupled;
        private final int beta1;
        private final int beta2;
        private final int eps;
        private final int weightDecay;
        /** Every hyperparameter is one value for the batch, so every lane has the same step scalars. */
        private final boolean uniform;

        Adam(KernelShape shape) {
            super(shape);
            amsgrad = shape.amsgrad();
            decoupled = shape.decoupled();
            ParamLayout p = shape.params();
            beta1 = hp(p, Hyperparameter.BETA1);
            beta2 = hp(p, Hyperparameter.BETA2);
            eps = hp(p, Hyperparameter.EPS);
            weightDecay = hp(p, Hyperparameter.WEIGHT_DECAY);
            uniform = p.perMemberCount() == 0;
        }

        @Override
        void init(Tile64 t, int n) {
            zeroStateAndUnitProducts(t, n);
        }

        @Override
        void prepare(Tile64 t, int s, int n) {
            final double[][] sc = t.sc;
            final double[][] hp = t.hp;
            final double[][] ms = t.ms;
            for (int l = 0; l < n; l++) {
                ms[0][l] = ms[0][l] * hp[beta1][l];
                ms[1][l] = ms[1][l] * hp[beta2][l];
                sc[NEG_STEP][l] = -(sc[SC_LR][l] / (1 - ms[0][l]));
                sc[BC2_SQRT][l] = sqrt(1 - ms[1][l]);
                sc[ONE_MINUS_BETA1][l] = 1 - hp[beta1][l];
                sc[BETA2][l] = hp[beta2][l];
                sc[ONE_MINUS_BETA2][l] = 1 - hp[beta2][l];
                sc[EPS][l] = hp[eps][l];
                sc[WD][l] = decoupled ? 1 - sc[SC_LR][l] * hp[weightDecay][l] : hp[weightDecay][l];
            }
        }

        @Override
        void coord(Tile64 t, int i, int n) {
            if (uniform && !amsgrad) {
                coordUniform(t, i, n);
                return;
            }
            final double[] x = t.x[i];
            final double[] g = t.g[i];
            final double[][] sc = t.sc;
            final double[] m = t.st[0][i];
            final double[] v = t.st[1][i];
            final double[] vmax = amsgrad ? t.st[2][i] : null;
            for (int l = 0; l < n; l++) {
                double gi = g[l];
                final double wd = sc[WD][l];
                if (decoupled) {
                    x[l] = x[l] * wd;
                } else if (wd != 0) {
                    gi = fma(x[l], wd, gi);
                }
                m[l] = lerp(m[l], gi, sc[ONE_MINUS_BETA1][l]);
                v[l] = fma(sc[ONE_MINUS_BETA2][l] * gi, gi, v[l] * sc[BETA2][l]);
                final double den;
                if (amsgrad) {
                    vmax[l] = max(vmax[l], v[l]);
                    den = sqrt(vmax[l]) / sc[BC2_SQRT][l] + sc[EPS][l];
                } else {
                    den = sqrt(v[l]) / sc[BC2_SQRT][l] + sc[EPS][l];
                }
                x[l] = x[l] + (sc[NEG_STEP][l] * m[l]) / den;
                if (prox) {
                    t.step[l] = sc[SC_LR][l] / den;
                }
            }
        }

        /**
         * The same operations as {@link #coord} with the step scalars read once and the branches on beta1 and the
         * weight decay taken once, so that the lane loops have no branch and vectorize.
         */
        private void coordUniform(Tile64 t, int i, int n) {
            final double[] x = t.x[i];
            final double[] m = t.st[0][i];
            final double[] v = t.st[1][i];
            final double[][] sc = t.sc;
            final double wd = sc[WD][0];
            final double[] gw;
            if (decoupled) {
                for (int l = 0; l < n; l++) {
                    x[l] = x[l] * wd;
                }
                gw = t.g[i];
            } else if (wd != 0) {
                gw = t.work[i];
                final double[] g = t.g[i];
                for (int l = 0; l < n; l++) {
                    gw[l] = fma(x[l], wd, g[l]);
                }
            } else {
                gw = t.g[i];
            }
            final double w = sc[ONE_MINUS_BETA1][0];
            final double w1 = w - 1;
            final double b2 = sc[BETA2][0];
            final double omb2 = sc[ONE_MINUS_BETA2][0];
            final double bc2 = sc[BC2_SQRT][0];
            final double eps = sc[EPS][0];
            final double ns = sc[NEG_STEP][0];
            final double lr = sc[SC_LR][0];
            // lerp's two forms, chosen once: m + w (g - m), or g + (w - 1)(g - m); one pass, no branch on the data.
            final boolean small = abs(w) < c(0.5);
            final double coef = small ? w : w1;
            final double[] base = small ? m : gw;
            for (int l = 0; l < n; l++) {
                final double gi = gw[l];
                final double mi = fma(coef, gi - m[l], base[l]);
                m[l] = mi;
                v[l] = fma(omb2 * gi, gi, v[l] * b2);
                final double den = sqrt(v[l]) / bc2 + eps;
                x[l] = x[l] + (ns * mi) / den;
                if (prox) {
                    t.step[l] = lr / den;
                }
            }
        }

        @Override
        void scale(Tile64 t, int i, int n, int steps, double[] g, double[] out) {
            final double[] v = t.st[amsgrad ? 2 : 1][i];
            final double[] b2t = t.ms[1];
            final double[][] hp = t.hp;
            for (int l = 0; l < n; l++) {
                out[l] = steps == 0 ? abs(g[l]) + hp[eps][l] : sqrt(v[l]) / sqrt(1 - b2t[l]) + hp[eps][l];
            }
        }
    }

    static final class NAdam extends Rules64 {
        private static final int VALUE1 = KernelRule.NADAM.scalar("VALUE1");
        private static final int VALUE2 = KernelRule.NADAM.scalar("VALUE2");
        private static final int BC2 = KernelRule.NADAM.scalar("BC2");
        private static final int ONE_MINUS_BETA1 = KernelRule.NADAM.scalar("ONE_MINUS_BETA1");
        private static final int BETA2 = KernelRule.NADAM.scalar("BETA2");
        private static final int ONE_MINUS_BETA2 = KernelRule.NADAM.scalar("ONE_MINUS_BETA2");
        private static final int EPS = KernelRule.NADAM.scalar("EPS");
        private static final int WD = KernelRule.NADAM.scalar("WD");
        private final int beta1;
        private final int beta2;
        private final int eps;
        private final int weightDecay;
        private final int momentumDecay;

        NAdam(KernelShape shape) {
            super(shape);
            ParamLayout p = shape.params();
            beta1 = hp(p, Hyperparameter.BETA1);
            beta2 = hp(p, Hyperparameter.BETA2);
            eps = hp(p, Hyperparameter.EPS);
            weightDecay = hp(p, Hyperparameter.WEIGHT_DECAY);
            momentumDecay = hp(p, Hyperparameter.MOMENTUM_DECAY);
        }

        @Override
        void init(Tile64 t, int n) {
            zeroStateAndUnitProducts(t, n);
        }

        @Override
        void prepare(Tile64 t, int s, int n) {
            final double[][] sc = t.sc;
            final double[][] hp = t.hp;
            final double[][] ms = t.ms;
            final int step = s + 1;
            for (int l = 0; l < n; l++) {
                final double b1 = hp[beta1][l];
                final double md = hp[momentumDecay][l];
                final double lr = sc[SC_LR][l];
                ms[1][l] = ms[1][l] * hp[beta2][l];
                final double mu = b1 * (1 - c(0.5) * pow(c(0.96), r(step) * md));
                final double muNext = b1 * (1 - c(0.5) * pow(c(0.96), r(step + 1) * md));
                ms[0][l] = ms[0][l] * mu;
                final double muProductNext = ms[0][l] * muNext;
                sc[VALUE1][l] = (-lr * (1 - mu)) / (1 - ms[0][l]);
                sc[VALUE2][l] = (-lr * muNext) / (1 - muProductNext);
                sc[BC2][l] = 1 - ms[1][l];
                sc[ONE_MINUS_BETA1][l] = 1 - b1;
                sc[BETA2][l] = hp[beta2][l];
                sc[ONE_MINUS_BETA2][l] = 1 - hp[beta2][l];
                sc[EPS][l] = hp[eps][l];
                sc[WD][l] = hp[weightDecay][l];
            }
        }

        @Override
        void coord(Tile64 t, int i, int n) {
            final double[] x = t.x[i];
            final double[] g = t.g[i];
            final double[][] sc = t.sc;
            final double[] m = t.st[0][i];
            final double[] v = t.st[1][i];
            for (int l = 0; l < n; l++) {
                double gi = g[l];
                final double wd = sc[WD][l];
                if (wd != 0) {
                    gi = fma(x[l], wd, gi);
                }
                m[l] = lerp(m[l], gi, sc[ONE_MINUS_BETA1][l]);
                v[l] = fma(sc[ONE_MINUS_BETA2][l] * gi, gi, v[l] * sc[BETA2][l]);
                final double den = sqrt(v[l] / sc[BC2][l]) + sc[EPS][l];
                x[l] = x[l] + (sc[VALUE1][l] * gi) / den;
                x[l] = x[l] + (sc[VALUE2][l] * m[l]) / den;
                if (prox) {
                    t.step[l] = -(sc[VALUE1][l] + sc[VALUE2][l]) / den;
                }
            }
        }

        @Override
        void scale(Tile64 t, int i, int n, int steps, double[] g, double[] out) {
            final double[] v = t.st[1][i];
            final double[] b2t = t.ms[1];
            final double[][] hp = t.hp;
            for (int l = 0; l < n; l++) {
                out[l] = steps == 0 ? abs(g[l]) + hp[eps][l] : sqrt(v[l] / (1 - b2t[l])) + hp[eps][l];
            }
        }
    }

    static final class Adamax extends Rules64 {
        private static final int NEG_CLR = KernelRule.ADAMAX.scalar("NEG_CLR");
        private static final int ONE_MINUS_BETA1 = KernelRule.ADAMAX.scalar("ONE_MINUS_BETA1");
        private static final int BETA2 = KernelRule.ADAMAX.scalar("BETA2");
        private static final int EPS = KernelRule.ADAMAX.scalar("EPS");
        private static final int WD = KernelRule.ADAMAX.scalar("WD");
        private final int beta1;
        private final int beta2;
        private final int eps;
        private final int weightDecay;

        Adamax(KernelShape shape) {
            super(shape);
            ParamLayout p = shape.params();
            beta1 = hp(p, Hyperparameter.BETA1);
            beta2 = hp(p, Hyperparameter.BETA2);
            eps = hp(p, Hyperparameter.EPS);
            weightDecay = hp(p, Hyperparameter.WEIGHT_DECAY);
        }

        @Override
        void init(Tile64 t, int n) {
            zeroStateAndUnitProducts(t, n);
        }

        @Override
        void prepare(Tile64 t, int s, int n) {
            final double[][] sc = t.sc;
            final double[][] hp = t.hp;
            final double[][] ms = t.ms;
            for (int l = 0; l < n; l++) {
                ms[0][l] = ms[0][l] * hp[beta1][l];
                sc[NEG_CLR][l] = -(sc[SC_LR][l] / (1 - ms[0][l]));
                sc[ONE_MINUS_BETA1][l] = 1 - hp[beta1][l];
                sc[BETA2][l] = hp[beta2][l];
                sc[EPS][l] = hp[eps][l];
                sc[WD][l] = hp[weightDecay][l];
            }
        }

        @Override
        void coord(Tile64 t, int i, int n) {
            final double[] x = t.x[i];
            final double[] g = t.g[i];
            final double[][] sc = t.sc;
            final double[] m = t.st[0][i];
            final double[] u = t.st[1][i];
            for (int l = 0; l < n; l++) {
                double gi = g[l];
                final double wd = sc[WD][l];
                if (wd != 0) {
                    gi = fma(x[l], wd, gi);
                }
                m[l] = lerp(m[l], gi, sc[ONE_MINUS_BETA1][l]);
                u[l] = max(u[l] * sc[BETA2][l], abs(gi) + sc[EPS][l]);
                x[l] = x[l] + (sc[NEG_CLR][l] * m[l]) / u[l];
                if (prox) {
                    t.step[l] = sc[SC_LR][l] / u[l];
                }
            }
        }

        @Override
        void scale(Tile64 t, int i, int n, int steps, double[] g, double[] out) {
            final double[] u = t.st[1][i];
            final double[][] hp = t.hp;
            for (int l = 0; l < n; l++) {
                out[l] = steps == 0 ? abs(g[l]) + hp[eps][l] : u[l];
            }
        }
    }
}
