package org.batchopt.parity;

import static org.batchopt.parity.Identical.assertIdentical;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.batchopt.AugmentedLagrangian;
import org.batchopt.Backend;
import org.batchopt.Batch;
import org.batchopt.Box;
import org.batchopt.Constraint;
import org.batchopt.Constraints;
import org.batchopt.Engine;
import org.batchopt.Gradient;
import org.batchopt.Grid;
import org.batchopt.Objective;
import org.batchopt.Objectives;
import org.batchopt.Param;
import org.batchopt.Precision;
import org.batchopt.Result;
import org.batchopt.Starts;
import org.batchopt.Stopping;
import org.batchopt.Strategy;
import org.batchopt.rule.Adam;
import org.batchopt.rule.RmsProp;
import org.batchopt.rule.Sgd;
import org.batchopt.rule.UpdateRule;
import org.batchopt.schedule.Schedules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parity suite's constrained runs: every constraint kind (box and simplex projections, equalities,
 * inequalities, several at once, an infeasible pair), in both strategies and both precisions, with the formula
 * language's sums, products, min, max and named parameters, per-member penalties and inner steps, penalty growth,
 * central differences and short launches: every device against the CPU, bit for bit in x, f, the gradient norm, the
 * status, the steps, the multipliers, the constraint values, the violation and the KKT residual.
 */
class ConstraintParityTest {
    static final int MEMBERS = 24;

    /** One constrained job, run on the CPU and on a device. */
    record Case(String name, Objective objective, UpdateRule rule, Precision precision, Strategy strategy,
                Gradient gradient, Stopping stopping, int stepsPerLaunch, AugmentedLagrangian lagrangian, Batch batch,
                List<Constraint> constraints) {

        Result run(Backend backend) {
            return Engine.on(backend).precision(precision).stopping(stopping).gradient(gradient).strategy(strategy)
                    .stepsPerLaunch(stepsPerLaunch).augmentedLagrangian(lagrangian).run(objective, rule, batch,
                            constraints);
        }

        @Override
        public String toString() {
            return name + " " + precision + " " + strategy;
        }
    }

    static Batch batch(Objective f) {
        return Batch.builder(f.dimension()).members(MEMBERS).starts(Starts.uniform(f.box(), 11)).build();
    }

    static Case of(String name, Objective f, UpdateRule rule, Precision p, Strategy s, Stopping stopping,
                   Constraint... constraints) {
        return new Case(name, f, rule, p, s, Gradient.ANALYTIC, stopping, 0, AugmentedLagrangian.DEFAULTS, batch(f),
                List.of(constraints));
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        Stopping tolerant = Stopping.maxSteps(120).gradientTolerance(1e-4).valueTolerance(1e-10);
        Stopping fixed = Stopping.maxSteps(120);
        Objective seed = Objectives.expression("-(x-2)^2 - (y-1)^2 + 10", Box.cube(2, -5, 5)).maximize();
        Objective quadratic = Objectives.expression("(x1-0.7)^2 + (x2-0.5)^2 + (x3+0.2)^2 + 2*(x4-0.1)^2",
                Box.cube(4, -1, 2));
        Objective entropy = Objectives.expression("-sum(x[i]*log(x[i]))", Box.cube(6, 1e-12, 1)).maximize();
        int k = 0;
        for (Strategy s : new Strategy[] {Strategy.FUSED, Strategy.STREAMING}) {
            Precision p = Precision.values()[k % 2];
            Precision q = Precision.values()[(k + 1) % 2];
            cases.add(of("box mccormick", Objectives.mccormick(), Adam.builder().lr(0.05).build(), p, s, tolerant,
                    Constraints.box()));
            cases.add(of("box schwefel", Objectives.schwefel(3), Adam.builder().lr(5).build(), q, s, fixed,
                    Constraints.box(Box.cube(3, -400, 450))));
            cases.add(of("simplex", quadratic, Sgd.builder().lr(0.05).build(), p, s, tolerant,
                    Constraints.simplex(1.5)));
            cases.add(of("equality", seed, Sgd.builder().lr(0.02).build(), q, s, tolerant,
                    Constraints.equality("x - y", 0)));
            cases.add(of("entropy: sum, box, simplex-like equality", entropy, Adam.builder().lr(0.02).build(), p, s,
                    fixed, Constraints.equality("sum(x[i])", 1), Constraints.box()));
            cases.add(of("infeasible", Objectives.expression("x^2", Box.cube(1, -2, 2)),
                    Adam.builder().lr(0.05).build(), q, s, tolerant, Constraints.atLeast("x", 1),
                    Constraints.atMost("x", 0)));
            k++;
        }
        // Inequalities with min, max, prod and a named parameter, per-member mu, rho and inner steps.
        Grid grid = Grid.of("mu", 0.5, 2).and("rho", 1, 20).and("inner_steps", 7, 30);
        int starts = 3;
        Objective named = Objectives.expression("(x - mu)^2 + max(y, 0.5*y)^2 + 0.1*prod(x[i] + i) + min(x, y)",
                Box.cube(2, -2, 2), Map.of("mu", grid.column("mu", starts)));
        AugmentedLagrangian grown = AugmentedLagrangian.DEFAULTS.withRho(grid.column("rho", starts))
                .withInnerSteps(grid.column("inner_steps", starts)).withRhoGrowth(Param.of(3));
        Batch gridBatch = grid.batch(starts, Starts.uniform(named.box(), 5));
        for (Precision p : Precision.values()) {
            Strategy s = p == Precision.FP32 ? Strategy.FUSED : Strategy.STREAMING;
            cases.add(new Case("inequalities, named parameter, per-member penalties", named,
                    RmsProp.builder().lr(0.01).build(), p, s, Gradient.ANALYTIC, tolerant, 3, grown, gridBatch,
                    List.of(Constraints.atMost("x + y*mu", 1), Constraints.atLeast("x*y", -0.5),
                            Constraints.equality("x - 2*y", 0.25))));
        }
        // Central differences for the objective, the constraints' gradients analytic; a cosine schedule.
        for (Precision p : Precision.values()) {
            cases.add(new Case("central differences", seed, Adam.builder().lr(0.05).schedule(Schedules.cosine(100, 0))
                    .build(), p, Strategy.FUSED, Gradient.CENTRAL, fixed, 0, AugmentedLagrangian.DEFAULTS,
                    batch(seed), List.of(Constraints.box(Box.cube(2, -1, 1.25)), Constraints.atLeast("x + y", 1))));
        }
        return cases;
    }

    static Stream<Arguments> constrained() {
        return ParityTest.perDevice(cases());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("constrained")
    void everyConstraintKind(String device, Case c) {
        Backend d = ParityTest.device(device);
        Result expected = c.run(DevicesUnderTest.open("cpu"));
        assertIdentical(expected, c.run(d), c + " " + Arrays.toString(c.constraints().toArray()));
    }
}
