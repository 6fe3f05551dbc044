package org.batchopt.objective.builtin;

import java.util.function.IntFunction;
import org.batchopt.kernel.KernelSources;
import org.batchopt.kernel.ObjectiveSource;
import org.batchopt.kernel.ObjectiveTwin32;
import org.batchopt.kernel.ObjectiveTwin64;
import org.batchopt.objective.BuiltIn;

/**
 * The sources of the built-in objectives: kernel {@code kernels/objectives/<name>.cl} and the CPU twins of this
 * package, {@code <Name>64} and its generated fp32 twin {@code <Name>32}.
 */
public final class BuiltInSources {
    private BuiltInSources() {
    }

    /** The source of {@code b}. */
    public static ObjectiveSource of(BuiltIn b) {
        return switch (b) {
            case SPHERE -> new Source(b, Sphere64::new, Sphere32::new);
            case ROSENBROCK -> new Source(b, Rosenbrock64::new, Rosenbrock32::new);
            case RASTRIGIN -> new Source(b, Rastrigin64::new, Rastrigin32::new);
            case HIMMELBLAU -> new Source(b, Himmelblau64::new, Himmelblau32::new);
            case ACKLEY -> new Source(b, Ackley64::new, Ackley32::new);
            case GRIEWANK -> new Source(b, Griewank64::new, Griewank32::new);
            case STYBLINSKI_TANG -> new Source(b, StyblinskiTang64::new, StyblinskiTang32::new);
            case LEVY -> new Source(b, Levy64::new, Levy32::new);
            case ZAKHAROV -> new Source(b, Zakharov64::new, Zakharov32::new);
            case DIXON_PRICE -> new Source(b, DixonPrice64::new, DixonPrice32::new);
            case SCHWEFEL -> new Source(b, Schwefel64::new, Schwefel32::new);
            case BRANIN -> new Source(b, Branin64::new, Branin32::new);
            case SIX_HUMP_CAMEL -> new Source(b, SixHumpCamel64::new, SixHumpCamel32::new);
            case THREE_HUMP_CAMEL -> new Source(b, ThreeHumpCamel64::new, ThreeHumpCamel32::new);
            case BEALE -> new Source(b, Beale64::new, Beale32::new);
            case BOOTH -> new Source(b, Booth64::new, Booth32::new);
            case MATYAS -> new Source(b, Matyas64::new, Matyas32::new);
            case GOLDSTEIN_PRICE -> new Source(b, GoldsteinPrice64::new, GoldsteinPrice32::new);
            case EASOM -> new Source(b, Easom64::new, Easom32::new);
            case MCCORMICK -> new Source(b, McCormick64::new, McCormick32::new);
        };
    }

    private record Source(BuiltIn builtIn, IntFunction<ObjectiveTwin64> make64, IntFunction<ObjectiveTwin32> make32)
            implements ObjectiveSource {
        @Override
        public String id() {
            return builtIn.id();
        }

        @Override
        public String kernelSource() {
            return KernelSources.read("objectives/" + builtIn.id() + ".cl");
        }

        @Override
        public ObjectiveTwin64 twin64(int dimension) {
            return make64.apply(dimension);
        }

        @Override
        public ObjectiveTwin32 twin32(int dimension) {
            return make32.apply(dimension);
        }
    }
}
