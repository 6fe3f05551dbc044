package org.batchopt.backend.cpu.twin;

import static org.batchopt.backend.cpu.twin.Math64.abs;
import static org.batchopt.backend.cpu.twin.Math64.c;
import static org.batchopt.backend.cpu.twin.Math64.fma;
import static org.batchopt.backend.cpu.twin.Math64.lerp;
import static org.batchopt.backend.cpu.twin.Math64.max;
import static org.batchopt.backend.cpu.twin.Math64.pow;
import static org.batchopt.backend.cpu.twin.Math64.r;
import static org.batchopt.backend.cpu.twin.Math64.sqrt;

import org.batchopt.backend.KernelShape;
import org.batchopt.backend.ParamLayout;

/**
 * fp64 twins of {@code kernels/rules.cl}, in lane form: {@code init}, {@code prepare} and {@code coord}
 * apply the kernel's {@code rule_init}, {@code rule_prepare} and {@code rule_coord} to every lane of a tile,
 * the same operations in the same order. Per-step scalars live in {@code t.sc[k*lanes + l]}, coordinate
 * state slot j of coordinate i in {@code t.st[(j*dim + i)*lanes + l]}, member state in {@code t.ms}.
 */
abstract class Rules64 {
    static final int SC_LR = 0;
    static final int SC_DECAY = 1;
    static final int SC_L1 = 2;
    static final int SC_RULE = 3;

    final int dim;
    final int lanes;

    Rules64(KernelShape shape, int lanes) {
        this.dim = shape.dimension();
        this.lanes = lanes;
    }

    /** Number of per-step scalars of the rule, {@code RULE_NSC}. */
    abstract int scalars();

    /** rule_init for lanes 0..n-1. */
    abstract void init(Tile64 t, int n);

    /** rule_prepare(sc, ms, s + 1, sc[SC_LR], hp) for lanes 0..n-1. */
    abstract void prepare(Tile64 t, int s, int n);

    /** rule_coord for coordinate i of lanes 0..n-1. */
    abstract void coord(Tile64 t, int i, int n);

    static Rules64 of(KernelShape shape, int lanes) {
        switch (shape.rule()) {
            case SGD:
                return new Sgd(shape, lanes);
            case ADAGRAD:
                return new Adagrad(shape, lanes);
            case RMSPROP:
                return new RmsProp(shape, lanes);
            case ADAM:
                return new Adam(shape, lanes);
            case NADAM:
                return new NAdam(shape, lanes);
            case ADAMAX:
                return new Adamax(shape, lanes);
            default:
                throw new IllegalStateException("no twin for rule " + shape.rule());
        }
    }

    final int slot(int j, int i) {
        return (j * dim + i) * lanes;
    }

    final int sc(int k) {
        return k * lanes;
    }

    static int hp(ParamLayout p, String name) {
        int k = p.index(name);
        if (k < 0) {
            throw new IllegalStateException("rule parameter " + name + " missing from the layout");
        }
        return k;
    }

    static final class Sgd extends Rules64 {
        private static final int NEG_LR = SC_RULE;
        private static final int WD = SC_RULE + 1;
        private static final int MOMENTUM = SC_RULE + 2;
        private static final int ONE_MINUS_DAMPENING = SC_RULE + 3;
        private static final int FIRST = SC_RULE + 4;
        private final boolean nesterov;
        private final int weightDecay;
        private final int momentum;
        private final int dampening;

        Sgd(KernelShape shape, int lanes) {
            super(shape, lanes);
            nesterov = shape.nesterov();
            weightDecay = hp(shape.params(), "weight_decay");
            momentum = hp(shape.params(), "momentum");
            dampening = hp(shape.params(), "dampening");
        }

        @Override
        int scalars() {
            return 5;
        }

        @Override
        void init(Tile64 t, int n) {
            for (int i = 0; i < dim; i++) {
                for (int l = 0; l < n; l++) {
                    t.st[slot(0, i) + l] = 0;
                }
            }
        }

        @Override
        void prepare(Tile64 t, int s, int n) {
            final double[] sc = t.sc;
            final double[] hp = t.hp;
            final int L = lanes;
            for (int l = 0; l < n; l++) {
                sc[NEG_LR * L + l] = -sc[SC_LR * L + l];
                sc[WD * L + l] = hp[weightDecay * L + l];
                sc[MOMENTUM * L + l] = hp[momentum * L + l];
                sc[ONE_MINUS_DAMPENING * L + l] = 1 - hp[dampening * L + l];
                sc[FIRST * L + l] = s + 1 == 1 ? 1 : 0;
            }
        }

        @Override
        void coord(Tile64 t, int i, int n) {
            final double[] x = t.x;
            final double[] g = t.g;
            final double[] st = t.st;
            final double[] sc = t.sc;
            final int xo = i * lanes;
            final int b = slot(0, i);
            for (int l = 0; l < n; l++) {
                double d = g[xo + l];
                final double wd = sc[sc(WD) + l];
                if (wd != 0) {
                    d = fma(x[xo + l], wd, d);
                }
                final double mom = sc[sc(MOMENTUM) + l];
                if (mom != 0) {
                    st[b + l] = sc[sc(FIRST) + l] != 0 ? d : fma(d, sc[sc(ONE_MINUS_DAMPENING) + l], st[b + l] * mom);
                    d = nesterov ? fma(st[b + l], mom, d) : st[b + l];
                }
                x[xo + l] = fma(d, sc[sc(NEG_LR) + l], x[xo + l]);
            }
        }
    }

    static final class Adagrad extends Rules64 {
        private static final int NEG_CLR = SC_RULE;
        private static final int WD = SC_RULE + 1;
        private static final int EPS = SC_RULE + 2;
        private final int lrDecay;
        private final int weightDecay;
        private final int initial;
        private final int eps;

        Adagrad(KernelShape shape, int lanes) {
            super(shape, lanes);
            lrDecay = hp(shape.params(), "lr_decay");
            weightDecay = hp(shape.params(), "weight_decay");
            initial = hp(shape.params(), "initial_accumulator");
            eps = hp(shape.params(), "eps");
        }

        @Override
        int scalars() {
            return 3;
        }

        @Override
        void init(Tile64 t, int n) {
            for (int i = 0; i < dim; i++) {
                for (int l = 0; l < n; l++) {
                    t.st[slot(0, i) + l] = t.hp[initial * lanes + l];
                }
            }
        }

        @Override
        void prepare(Tile64 t, int s, int n) {
            final double[] sc = t.sc;
            final double[] hp = t.hp;
            final int L = lanes;
            final int step = s + 1;
            for (int l = 0; l < n; l++) {
                sc[NEG_CLR * L + l] = -(sc[SC_LR * L + l] / (1 + r(step - 1) * hp[lrDecay * L + l]));
                sc[WD * L + l] = hp[weightDecay * L + l];
                sc[EPS * L + l] = hp[eps * L + l];
            }
        }

        @Override
        void coord(Tile64 t, int i, int n) {
            final double[] x = t.x;
            final double[] g = t.g;
            final double[] st = t.st;
            final double[] sc = t.sc;
            final int xo = i * lanes;
            final int b = slot(0, i);
            for (int l = 0; l < n; l++) {
                double gi = g[xo + l];
                final double wd = sc[sc(WD) + l];
                if (wd != 0) {
                    gi = fma(x[xo + l], wd, gi);
                }
                st[b + l] = fma(gi, gi, st[b + l]);
                final double std = sqrt(st[b + l]) + sc[sc(EPS) + l];
                x[xo + l] = x[xo + l] + (sc[sc(NEG_CLR) + l] * gi) / std;
            }
        }
    }

    static final class RmsProp extends Rules64 {
        private static final int NEG_LR = SC_RULE;
        private static final int WD = SC_RULE + 1;
        private static final int ALPHA = SC_RULE + 2;
        private static final int ONE_MINUS_ALPHA = SC_RULE + 3;
        private static final int EPS = SC_RULE + 4;
        private static final int MOMENTUM = SC_RULE + 5;
        private final boolean centered;
        private final int weightDecay;
        private final int alpha;
        private final int eps;
        private final int momentum;

        RmsProp(KernelShape shape, int lanes) {
            super(shape, lanes);
            centered = shape.centered();
            weightDecay = hp(shape.params(), "weight_decay");
            alpha = hp(shape.params(), "alpha");
            eps = hp(shape.params(), "eps");
            momentum = hp(shape.params(), "momentum");
        }

        @Override
        int scalars() {
            return 6;
        }

        @Override
        void init(Tile64 t, int n) {
            for (int j = 0; j < 3; j++) {
                for (int i = 0; i < dim; i++) {
                    for (int l = 0; l < n; l++) {
                        t.st[slot(j, i) + l] = 0;
                    }
                }
            }
        }

        @Override
        void prepare(Tile64 t, int s, int n) {
            final double[] sc = t.sc;
            final double[] hp = t.hp;
            final int L = lanes;
            for (int l = 0; l < n; l++) {
                sc[NEG_LR * L + l] = -sc[SC_LR * L + l];
                sc[WD * L + l] = hp[weightDecay * L + l];
                sc[ALPHA * L + l] = hp[alpha * L + l];
                sc[ONE_MINUS_ALPHA * L + l] = 1 - hp[alpha * L + l];
                sc[EPS * L + l] = hp[eps * L + l];
                sc[MOMENTUM * L + l] = hp[momentum * L + l];
            }
        }

        @Override
        void coord(Tile64 t, int i, int n) {
            final double[] x = t.x;
            final double[] g = t.g;
            final double[] st = t.st;
            final double[] sc = t.sc;
            final int xo = i * lanes;
            final int sq = slot(0, i);
            final int ga = slot(1, i);
            final int buf = slot(2, i);
            for (int l = 0; l < n; l++) {
                double gi = g[xo + l];
                final double wd = sc[sc(WD) + l];
                if (wd != 0) {
                    gi = fma(x[xo + l], wd, gi);
                }
                final double oma = sc[sc(ONE_MINUS_ALPHA) + l];
                st[sq + l] = fma(oma * gi, gi, st[sq + l] * sc[sc(ALPHA) + l]);
                double avg;
                if (centered) {
                    st[ga + l] = lerp(st[ga + l], gi, oma);
                    avg = sqrt(fma(c(-1) * st[ga + l], st[ga + l], st[sq + l]));
                } else {
                    avg = sqrt(st[sq + l]);
                }
                avg = avg + sc[sc(EPS) + l];
                final double mom = sc[sc(MOMENTUM) + l];
                if (mom > 0) {
                    st[buf + l] = st[buf + l] * mom + gi / avg;
                    x[xo + l] = fma(st[buf + l], sc[sc(NEG_LR) + l], x[xo + l]);
                } else {
                    x[xo + l] = x[xo + l] + (sc[sc(NEG_LR) + l] * gi) / avg;
                }
            }
        }
    }

    /** Adam, and AdamW when the shape says decoupled. */
    static final class Adam extends Rules64 {
        private static final int NEG_STEP = SC_RULE;
        private static final int BC2_SQRT = SC_RULE + 1;
        private static final int ONE_MINUS_BETA1 = SC_RULE + 2;
        private static final int BETA2 = SC_RULE + 3;
        private static final int ONE_MINUS_BETA2 = SC_RULE + 4;
        private static final int EPS = SC_RULE + 5;
        private static final int WD = SC_RULE + 6;
        private final boolean amsgrad;
        private final boolean decoupled;
        private final int beta1;
        private final int beta2;
        private final int eps;
        private final int weightDecay;
        /** beta1 and the weight decay are one value for the whole batch: branch once per coordinate. */
        private final boolean uniformBranches;

        Adam(KernelShape shape, int lanes) {
            super(shape, lanes);
            amsgrad = shape.amsgrad();
            decoupled = shape.decoupled();
            ParamLayout p = shape.params();
            beta1 = hp(p, "beta1");
            beta2 = hp(p, "beta2");
            eps = hp(p, "eps");
            weightDecay = hp(p, "weight_decay");
            uniformBranches = p.uniform("beta1") && p.uniform("weight_decay");
        }

        @Override
        int scalars() {
            return 7;
        }

        @Override
        void init(Tile64 t, int n) {
            final int ns = amsgrad ? 3 : 2;
            for (int j = 0; j < ns; j++) {
                for (int i = 0; i < dim; i++) {
                    for (int l = 0; l < n; l++) {
                        t.st[slot(j, i) + l] = 0;
                    }
                }
            }
            for (int l = 0; l < n; l++) {
                t.ms[l] = 1;
                t.ms[lanes + l] = 1;
            }
        }

        @Override
        void prepare(Tile64 t, int s, int n) {
            final double[] sc = t.sc;
            final double[] hp = t.hp;
            final double[] ms = t.ms;
            final int L = lanes;
            for (int l = 0; l < n; l++) {
                ms[l] = ms[l] * hp[beta1 * L + l];
                ms[L + l] = ms[L + l] * hp[beta2 * L + l];
                sc[NEG_STEP * L + l] = -(sc[SC_LR * L + l] / (1 - ms[l]));
                sc[BC2_SQRT * L + l] = sqrt(1 - ms[L + l]);
                sc[ONE_MINUS_BETA1 * L + l] = 1 - hp[beta1 * L + l];
                sc[BETA2 * L + l] = hp[beta2 * L + l];
                sc[ONE_MINUS_BETA2 * L + l] = 1 - hp[beta2 * L + l];
                sc[EPS * L + l] = hp[eps * L + l];
                sc[WD * L + l] = decoupled ? 1 - sc[SC_LR * L + l] * hp[weightDecay * L + l] : hp[weightDecay * L + l];
            }
        }

        @Override
        void coord(Tile64 t, int i, int n) {
            if (uniformBranches && !amsgrad) {
                coordUniform(t, i, n);
                return;
            }
            final double[] x = t.x;
            final double[] g = t.g;
            final double[] st = t.st;
            final double[] sc = t.sc;
            final int xo = i * lanes;
            final int m = slot(0, i);
            final int v = slot(1, i);
            final int vmax = slot(2, i);
            for (int l = 0; l < n; l++) {
                double gi = g[xo + l];
                final double wd = sc[sc(WD) + l];
                if (decoupled) {
                    x[xo + l] = x[xo + l] * wd;
                } else if (wd != 0) {
                    gi = fma(x[xo + l], wd, gi);
                }
                st[m + l] = lerp(st[m + l], gi, sc[sc(ONE_MINUS_BETA1) + l]);
                st[v + l] = fma(sc[sc(ONE_MINUS_BETA2) + l] * gi, gi, st[v + l] * sc[sc(BETA2) + l]);
                final double den;
                if (amsgrad) {
                    st[vmax + l] = max(st[vmax + l], st[v + l]);
                    den = sqrt(st[vmax + l]) / sc[sc(BC2_SQRT) + l] + sc[sc(EPS) + l];
                } else {
                    den = sqrt(st[v + l]) / sc[sc(BC2_SQRT) + l] + sc[sc(EPS) + l];
                }
                x[xo + l] = x[xo + l] + (sc[sc(NEG_STEP) + l] * st[m + l]) / den;
            }
        }

        /**
         * The same operations as {@link #coord} with the branches on beta1 and the weight decay taken once,
         * so that the lane loops have no branch and vectorize.
         */
        private void coordUniform(Tile64 t, int i, int n) {
            final double[] x = t.x;
            final double[] g = t.g;
            final double[] st = t.st;
            final double[] sc = t.sc;
            final double[] gw = t.work;
            final int xo = i * lanes;
            final int m = slot(0, i);
            final int v = slot(1, i);
            final int wdo = sc(WD);
            if (decoupled) {
                for (int l = 0; l < n; l++) {
                    x[xo + l] = x[xo + l] * sc[wdo + l];
                    gw[l] = g[xo + l];
                }
            } else if (sc[wdo] != 0) {
                for (int l = 0; l < n; l++) {
                    gw[l] = fma(x[xo + l], sc[wdo + l], g[xo + l]);
                }
            } else {
                System.arraycopy(g, xo, gw, 0, n);
            }
            final int w = sc(ONE_MINUS_BETA1);
            if (abs(sc[w]) < c(0.5)) {
                for (int l = 0; l < n; l++) {
                    st[m + l] = fma(sc[w + l], gw[l] - st[m + l], st[m + l]);
                }
            } else {
                for (int l = 0; l < n; l++) {
                    st[m + l] = fma(sc[w + l] - 1, gw[l] - st[m + l], gw[l]);
                }
            }
            final int b2 = sc(BETA2);
            final int omb2 = sc(ONE_MINUS_BETA2);
            final int bc2 = sc(BC2_SQRT);
            final int ep = sc(EPS);
            final int ns = sc(NEG_STEP);
            for (int l = 0; l < n; l++) {
                final double gi = gw[l];
                st[v + l] = fma(sc[omb2 + l] * gi, gi, st[v + l] * sc[b2 + l]);
                final double den = sqrt(st[v + l]) / sc[bc2 + l] + sc[ep + l];
                x[xo + l] = x[xo + l] + (sc[ns + l] * st[m + l]) / den;
            }
        }
    }

    static final class NAdam extends Rules64 {
        private static final int VALUE1 = SC_RULE;
        private static final int VALUE2 = SC_RULE + 1;
        private static final int BC2 = SC_RULE + 2;
        private static final int ONE_MINUS_BETA1 = SC_RULE + 3;
        private static final int BETA2 = SC_RULE + 4;
        private static final int ONE_MINUS_BETA2 = SC_RULE + 5;
        private static final int EPS = SC_RULE + 6;
        private static final int WD = SC_RULE + 7;
        private final int beta1;
        private final int beta2;
        private final int eps;
        private final int weightDecay;
        private final int momentumDecay;

        NAdam(KernelShape shape, int lanes) {
            super(shape, lanes);
            ParamLayout p = shape.params();
            beta1 = hp(p, "beta1");
            beta2 = hp(p, "beta2");
            eps = hp(p, "eps");
            weightDecay = hp(p, "weight_decay");
            momentumDecay = hp(p, "momentum_decay");
        }

        @Override
        int scalars() {
            return 8;
        }

        @Override
        void init(Tile64 t, int n) {
            for (int j = 0; j < 2; j++) {
                for (int i = 0; i < dim; i++) {
                    for (int l = 0; l < n; l++) {
                        t.st[slot(j, i) + l] = 0;
                    }
                }
            }
            for (int l = 0; l < n; l++) {
                t.ms[l] = 1;
                t.ms[lanes + l] = 1;
            }
        }

        @Override
        void prepare(Tile64 t, int s, int n) {
            final double[] sc = t.sc;
            final double[] hp = t.hp;
            final double[] ms = t.ms;
            final int L = lanes;
            final int step = s + 1;
            for (int l = 0; l < n; l++) {
                final double b1 = hp[beta1 * L + l];
                final double md = hp[momentumDecay * L + l];
                final double lr = sc[SC_LR * L + l];
                ms[L + l] = ms[L + l] * hp[beta2 * L + l];
                final double mu = b1 * (1 - c(0.5) * pow(c(0.96), r(step) * md));
                final double muNext = b1 * (1 - c(0.5) * pow(c(0.96), r(step + 1) * md));
                ms[l] = ms[l] * mu;
                final double muProductNext = ms[l] * muNext;
                sc[VALUE1 * L + l] = (-lr * (1 - mu)) / (1 - ms[l]);
                sc[VALUE2 * L + l] = (-lr * muNext) / (1 - muProductNext);
                sc[BC2 * L + l] = 1 - ms[L + l];
                sc[ONE_MINUS_BETA1 * L + l] = 1 - b1;
                sc[BETA2 * L + l] = hp[beta2 * L + l];
                sc[ONE_MINUS_BETA2 * L + l] = 1 - hp[beta2 * L + l];
                sc[EPS * L + l] = hp[eps * L + l];
                sc[WD * L + l] = hp[weightDecay * L + l];
            }
        }

        @Override
        void coord(Tile64 t, int i, int n) {
            final double[] x = t.x;
            final double[] g = t.g;
            final double[] st = t.st;
            final double[] sc = t.sc;
            final int xo = i * lanes;
            final int m = slot(0, i);
            final int v = slot(1, i);
            for (int l = 0; l < n; l++) {
                double gi = g[xo + l];
                final double wd = sc[sc(WD) + l];
                if (wd != 0) {
                    gi = fma(x[xo + l], wd, gi);
                }
                st[m + l] = lerp(st[m + l], gi, sc[sc(ONE_MINUS_BETA1) + l]);
                st[v + l] = fma(sc[sc(ONE_MINUS_BETA2) + l] * gi, gi, st[v + l] * sc[sc(BETA2) + l]);
                final double den = sqrt(st[v + l] / sc[sc(BC2) + l]) + sc[sc(EPS) + l];
                x[xo + l] = x[xo + l] + (sc[sc(VALUE1) + l] * gi) / den;
                x[xo + l] = x[xo + l] + (sc[sc(VALUE2) + l] * st[m + l]) / den;
            }
        }
    }

    static final class Adamax extends Rules64 {
        private static final int NEG_CLR = SC_RULE;
        private static final int ONE_MINUS_BETA1 = SC_RULE + 1;
        private static final int BETA2 = SC_RULE + 2;
        private static final int EPS = SC_RULE + 3;
        private static final int WD = SC_RULE + 4;
        private final int beta1;
        private final int beta2;
        private final int eps;
        private final int weightDecay;

        Adamax(KernelShape shape, int lanes) {
            super(shape, lanes);
            ParamLayout p = shape.params();
            beta1 = hp(p, "beta1");
            beta2 = hp(p, "beta2");
            eps = hp(p, "eps");
            weightDecay = hp(p, "weight_decay");
        }

        @Override
        int scalars() {
            return 5;
        }

        @Override
        void init(Tile64 t, int n) {
            for (int j = 0; j < 2; j++) {
                for (int i = 0; i < dim; i++) {
                    for (int l = 0; l < n; l++) {
                        t.st[slot(j, i) + l] = 0;
                    }
                }
            }
            for (int l = 0; l < n; l++) {
                t.ms[l] = 1;
            }
        }

        @Override
        void prepare(Tile64 t, int s, int n) {
            final double[] sc = t.sc;
            final double[] hp = t.hp;
            final double[] ms = t.ms;
            final int L = lanes;
            for (int l = 0; l < n; l++) {
                ms[l] = ms[l] * hp[beta1 * L + l];
                sc[NEG_CLR * L + l] = -(sc[SC_LR * L + l] / (1 - ms[l]));
                sc[ONE_MINUS_BETA1 * L + l] = 1 - hp[beta1 * L + l];
                sc[BETA2 * L + l] = hp[beta2 * L + l];
                sc[EPS * L + l] = hp[eps * L + l];
                sc[WD * L + l] = hp[weightDecay * L + l];
            }
        }

        @Override
        void coord(Tile64 t, int i, int n) {
            final double[] x = t.x;
            final double[] g = t.g;
            final double[] st = t.st;
            final double[] sc = t.sc;
            final int xo = i * lanes;
            final int m = slot(0, i);
            final int u = slot(1, i);
            for (int l = 0; l < n; l++) {
                double gi = g[xo + l];
                final double wd = sc[sc(WD) + l];
                if (wd != 0) {
                    gi = fma(x[xo + l], wd, gi);
                }
                st[m + l] = lerp(st[m + l], gi, sc[sc(ONE_MINUS_BETA1) + l]);
                st[u + l] = max(st[u + l] * sc[sc(BETA2) + l], abs(gi) + sc[sc(EPS) + l]);
                x[xo + l] = x[xo + l] + (sc[sc(NEG_CLR) + l] * st[m + l]) / st[u + l];
            }
        }
    }
}
