package org.batchopt;

import java.util.List;
import org.batchopt.backend.RunPlan;
import org.batchopt.kernel.ObjectiveSource;
import org.batchopt.rule.UpdateRule;

/** What tests of the internal packages need from the API's package-private side. */
public final class TestAccess {
    private TestAccess() {
    }

    /** The kernel source and CPU twins of {@code f}. */
    public static ObjectiveSource source(Objective f) {
        return f.source();
    }

    /** An objective over {@code source} with no box and no known minimum. */
    public static Objective objective(String name, int dimension, ObjectiveSource source) {
        return new Objective(name, dimension, source, null, Double.NaN, List.of(), name);
    }

    /** The plan {@link Engine#run} makes of {@code f} and {@code rule} with {@code settings}. */
    public static RunPlan plan(Objective f, UpdateRule rule, RunSettings settings) {
        return RunPlan.of(f.source(), f.dimension(), f.isMaximized(), rule, settings);
    }

    /** The plan {@link Engine#run} makes of {@code f}, {@code rule} and {@code constraints} with {@code settings}. */
    public static RunPlan plan(Objective f, UpdateRule rule, RunSettings settings, Constraint... constraints) {
        return Engine.on(SharedBackends.cpu()).settings(settings).plan(f, rule, List.of(constraints)).plan();
    }
}
