package org.batchopt.backend;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.batchopt.MathMode;
import org.batchopt.Precision;
import org.batchopt.Status;
import org.batchopt.Strategy;
import org.batchopt.kernel.DataObjectiveSource;
import org.batchopt.kernel.KernelModel;
import org.batchopt.kernel.ConstraintSlots;
import org.batchopt.kernel.ConstraintSource;
import org.batchopt.kernel.KernelProjection;
import org.batchopt.kernel.KernelRule;
import org.batchopt.kernel.KernelSchedule;
import org.batchopt.kernel.KernelSources;
import org.batchopt.kernel.ObjectiveSource;
import org.batchopt.kernel.StepScalars;

/**
 * The kernel program of a plan: the portable source of {@code kernels/} specialized by {@code #define}s from
 * the plan's {@link KernelShape}. The text never contains a numeric hyperparameter, the member count or the
 * step budget, so one build serves every batch of the same shape. A backend prepends its prelude
 * ({@code prelude_opencl.h} or {@code prelude_cuda.h}), which must see {@code REAL_IS_DOUBLE}.
 *
 * <p>Hyperparameter k is read as {@code UNI[k]} when uniform, or {@code PM[(long)j*nm + m]} when it is the
 * j-th per-member one; {@link ParamLayout#uniformValues} and {@link ParamLayout#perMemberValues} lay them out.
 */
public final class KernelProgram {
    /** Kernel names. */
    public static final String INIT = "bo_init";
    public static final String FUSED = "bo_fused";
    public static final String STREAM_EVAL = "bo_stream_eval";
    public static final String STREAM_UPDATE = "bo_stream_update";
    /** Kernels of the batched strategy ({@code kernels/data.cl}). */
    public static final String DATA_Z = "bo_data_z";
    public static final String DATA_ROWS = "bo_data_rows";
    public static final String DATA_CHUNKS = "bo_data_chunks";
    public static final String DATA_TOTAL = "bo_data_total";
    public static final String DATA_GRAD = "bo_data_grad";
    public static final String DATA_EVAL = "bo_data_eval";
    public static final String DATA_UPDATE = "bo_data_update";
    /** The row gather of the fast products ({@code kernels/data_fast.cl}). */
    public static final String DATA_GATHER = "bo_data_gather";
    /** The side of the batched kernels' square tiles: their work-groups have DATA_TILE^2 work-items. */
    public static final int DATA_TILE = 16;
    public static final String STREAM_PROJECT = "bo_stream_project";

    private final Precision precision;
    private final Strategy strategy;
    private final String body;
    /** The text after each prelude it was asked for, so that every block of a plan builds the same String. */
    private final Map<String, String> texts = new ConcurrentHashMap<>();

    private KernelProgram(Precision precision, Strategy strategy, String body) {
        this.precision = precision;
        this.strategy = strategy;
        this.body = body;
    }

    /** The program of {@code objective} in {@code shape} for {@code strategy} (FUSED or STREAMING). */
    public static KernelProgram of(ObjectiveSource objective, KernelShape shape, Precision precision,
                                   Strategy strategy) {
        return of(objective, null, shape, precision, strategy);
    }

    /**
     * The program of {@code objective} subject to {@code constraints} (null for none; as many as the shape says) in
     * {@code shape} for {@code strategy} (FUSED or STREAMING).
     */
    public static KernelProgram of(ObjectiveSource objective, ConstraintSource constraints, KernelShape shape,
                                   Precision precision, Strategy strategy) {
        return of(objective, constraints, shape, precision, strategy, MathMode.STRICT);
    }

    /**
     * The program as {@link #of(ObjectiveSource, ConstraintSource, KernelShape, Precision, Strategy)}; a model fitted
     * to a dataset in a fast {@code math} also gets the kernels of {@code kernels/data_fast.cl} after the strict
     * ones, whose text stays as it is (so the strict program, its cached binaries and its bits do not change).
     */
    public static KernelProgram of(ObjectiveSource objective, ConstraintSource constraints, KernelShape shape,
                                   Precision precision, Strategy strategy, MathMode math) {
        if (strategy == Strategy.AUTO) {
            throw new IllegalArgumentException("a program is built for a resolved strategy, not AUTO");
        }
        if ((constraints == null ? 0 : constraints.count()) != shape.constraints()) {
            throw new IllegalArgumentException("the shape has " + shape.constraints() + " constraints, the source "
                    + (constraints == null ? 0 : constraints.count()));
        }
        StringBuilder t = new StringBuilder(32_768);
        t.append("/* batchopt program: ").append(objective.id()).append(", D=")
                .append(shape.dimension()).append(", ").append(shape.rule()).append(", ").append(strategy)
                .append(" */\n");
        t.append(defines(shape, strategy));
        if (strategy == Strategy.BATCHED) {
            if (!(objective instanceof DataObjectiveSource)) {
                throw new IllegalArgumentException("the batched strategy runs models fitted to a dataset, not "
                        + objective.id());
            }
            t.append(dataDefines());
        } else {
            t.append(objectiveMacros(strategy));
        }
        t.append(KernelSources.read("math.cl")).append('\n');
        t.append(objective.kernelSource()).append('\n');
        t.append(KernelSources.read("schedule.cl")).append('\n');
        t.append(KernelSources.read("rules.cl")).append('\n');
        t.append(KernelSources.read("step.cl")).append('\n');
        if (strategy != Strategy.BATCHED) {
            t.append(KernelSources.read("constraints.cl")).append('\n');
        }
        if (constraints != null && constraints.count() > 0) {
            t.append(constraints.kernelSource()).append('\n');
        }
        t.append(KernelSources.read("init.cl")).append('\n');
        t.append(KernelSources.read(switch (strategy) {
            case FUSED -> "fused.cl";
            case STREAMING -> "streaming.cl";
            default -> "data.cl";
        }));
        if (strategy == Strategy.BATCHED && math.fast()) {
            t.append('\n').append(KernelSources.read("data_fast.cl"));
        }
        return new KernelProgram(precision, strategy, t.toString());
    }

    /**
     * Every constant the kernels and Java share, and the program's switches: the rule and schedule ids, the rule's
     * state-slot and step-scalar counts and slots, the status codes, the hyperparameter indices. The kernel files
     * define none of them; {@code KernelContractTest} checks that each one they use is defined here.
     */
    static String defines(KernelShape s, Strategy strategy) {
        StringBuilder d = new StringBuilder();
        define(d, "DIM", s.dimension());
        for (KernelRule r : KernelRule.values()) {
            define(d, r.macro(), r.ordinal());
        }
        define(d, "BO_RULE", s.rule().ordinal());
        define(d, "BO_NESTEROV", s.nesterov());
        define(d, "BO_CENTERED", s.centered());
        define(d, "BO_AMSGRAD", s.amsgrad());
        define(d, "BO_DECOUPLED", s.decoupled());
        define(d, "RULE_NS", s.stateSlots());
        define(d, "RULE_NMS", s.memberStateSlots());
        define(d, "RULE_NSC", s.rule().scalars().size());
        define(d, "BO_NSC", s.stepScalars());
        define(d, "BO_SC_LR", StepScalars.LR);
        define(d, "BO_SC_DECAY", StepScalars.DECAY);
        define(d, "BO_SC_L1", StepScalars.L1);
        define(d, "BO_SC_RULE", StepScalars.SHARED);
        for (String sc : s.rule().scalars()) {
            define(d, "SC_" + sc, s.rule().scalar(sc));
        }
        for (KernelSchedule k : KernelSchedule.values()) {
            define(d, k.macro(), k.ordinal());
        }
        define(d, "BO_SCHEDULE", s.schedule().ordinal());
        define(d, "BO_WARMUP", s.warmup());
        if (s.milestones().length > 0) {
            define(d, "BO_MILESTONE_COUNT", s.milestones().length);
            StringBuilder list = new StringBuilder("{");
            for (int k = 0; k < s.milestones().length; k++) {
                list.append(k == 0 ? "" : ", ").append(s.milestones()[k]);
            }
            d.append("#define BO_MILESTONES ").append(list).append("}\n");
        }
        define(d, "BO_L1_SIGN", s.l1Sign());
        define(d, "BO_L1_PROX", s.l1Prox());
        define(d, "BO_L2", s.l2());
        define(d, "BO_DWD", s.decoupledWeightDecay());
        define(d, "BO_CENTRAL", s.central());
        define(d, "BO_MAXIMIZE", s.maximize());
        for (KernelProjection k : KernelProjection.values()) {
            define(d, k.macro(), k.ordinal());
        }
        define(d, "BO_PROJECT", s.projection().ordinal());
        define(d, "BO_NCON", s.constraints());
        if (s.constraints() > 0) {
            ConstraintSlots c = s.constraintSlots();
            define(d, "BO_CON_LAM", c.lambda());
            define(d, "BO_CON_RHO", c.rho());
            define(d, "BO_CON_VPREV", c.previousViolation());
            define(d, "BO_CON_VALUE", c.value());
            define(d, "BO_CON_WEIGHT", c.weight());
            define(d, "BO_CON_VIOLATION", c.violation());
            define(d, "BO_CON_KKT", c.kkt());
            define(d, "BO_CON_REALS", c.reals());
            d.append("#define BO_RHO_MAX ").append(Double.toString(ConstraintSlots.RHO_MAX)).append('\n');
        }
        for (Status status : Status.values()) {
            define(d, "BO_" + status.name(), status.code());
        }
        ParamLayout p = s.params();
        define(d, "BO_NP", p.count());
        define(d, "BO_NP_ALLOC", Math.max(1, p.count()));
        StringBuilder load = new StringBuilder("#define BO_LOAD_PARAMS(hp, UNI, PM, nm, m) do {");
        int perMember = 0;
        for (int k = 0; k < p.count(); k++) {
            define(d, p.kernelName(k), k);
            if (p.param(k).isUniform()) {
                load.append(" hp[").append(k).append("] = UNI[").append(k).append("];");
            } else {
                load.append(" hp[").append(k).append("] = PM[(long)").append(perMember++).append(" * (nm) + (m)];");
            }
        }
        d.append(load).append(" } while (0)\n");
        return d.toString();
    }

    /** The model ids and the batched strategy's constants; the model's own come from its kernel source. */
    static String dataDefines() {
        StringBuilder d = new StringBuilder();
        for (KernelModel m : KernelModel.values()) {
            define(d, m.macro(), m.ordinal());
        }
        define(d, "BO_ROW_CHUNK", KernelModel.ROW_CHUNK);
        define(d, "BO_TILE", DATA_TILE);
        return d.toString();
    }

    /**
     * How a member's coordinates, gradient, hyperparameters and constraint state are passed and read: private
     * arrays in the fused strategy, global memory with the members' stride in the streaming one. Objectives and
     * constraints are written with these ({@link ObjectiveSource}, {@link ConstraintSource}), and so are the
     * projections of kernels/constraints.cl ({@code BO_XW_PARAMS}: x and g writable).
     */
    private static String objectiveMacros(Strategy strategy) {
        if (strategy == Strategy.FUSED) {
            return "#define OBJ_X_PARAMS const real* x, const real* hp\n"
                    + "#define OBJ_XG_PARAMS const real* x, real* g, const real* hp\n"
                    + "#define OBJ_XG_ARGS x, g, hp\n"
                    + "#define BO_XW_PARAMS real* x, real* g\n"
                    + "#define BO_XW_ARGS x, g\n"
                    + "#define CON_PARAMS real* al\n"
                    + "#define CON_ARGS al\n"
                    + "#define X(i) x[i]\n"
                    + "#define G(i) g[i]\n"
                    + "#define AL(k) al[k]\n";
        }
        return "#define OBJ_X_PARAMS __global const real* x, const long xs, const real* hp\n"
                + "#define OBJ_XG_PARAMS __global const real* x, __global real* g, const long xs, const real* hp\n"
                + "#define OBJ_XG_ARGS x, g, xs, hp\n"
                + "#define BO_XW_PARAMS __global real* x, __global real* g, const long xs\n"
                + "#define BO_XW_ARGS x, g, xs\n"
                + "#define CON_PARAMS __global real* al, const long as\n"
                + "#define CON_ARGS al, as\n"
                + "#define X(i) x[(long)(i) * xs]\n"
                + "#define G(i) g[(long)(i) * xs]\n"
                + "#define AL(k) al[(long)(k) * as]\n";
    }

    private static void define(StringBuilder d, String name, long value) {
        d.append("#define ").append(name).append(' ').append(value).append('\n');
    }

    private static void define(StringBuilder d, String name, boolean value) {
        define(d, name, value ? 1 : 0);
    }

    /** The program text after a backend's prelude: {@code #define REAL_IS_DOUBLE} then the prelude then the body. */
    public String text(String prelude) {
        return texts.computeIfAbsent(prelude,
                p -> "#define REAL_IS_DOUBLE " + (precision == Precision.FP64 ? 1 : 0) + "\n" + p + "\n" + body);
    }

    public Precision precision() {
        return precision;
    }

    public Strategy strategy() {
        return strategy;
    }
}
