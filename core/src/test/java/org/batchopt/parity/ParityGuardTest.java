package org.batchopt.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.batchopt.TestAccess;
import org.batchopt.backend.KernelShape;
import org.batchopt.kernel.KernelRule;
import org.batchopt.kernel.KernelSchedule;
import org.batchopt.objective.BuiltIn;
import org.batchopt.rule.UpdateRule;
import org.batchopt.schedule.Schedule;
import org.junit.jupiter.api.Test;

/**
 * Fails when something exists without a kernel or a parity case: an update rule, a rule switch, a schedule,
 * a regularization term or a built-in objective. Runs without any device, since it checks the matrix itself.
 */
class ParityGuardTest {

    static KernelShape shape(UpdateRule rule) {
        return KernelShape.of(rule, 2, false, false);
    }

    @Test
    void everyRuleAndSwitchHasAParityCase() {
        Set<Class<?>> ruleClasses = new HashSet<>();
        Set<KernelRule> kinds = EnumSet.noneOf(KernelRule.class);
        Set<String> switches = new HashSet<>();
        for (ParityCases.RuleFactory f : ParityCases.rules().values()) {
            UpdateRule r = f.build(ParityCases.schedules().get("constant"), ParityCases.regularizers().get("none"), 0);
            ruleClasses.add(r.getClass());
            KernelShape s = shape(r);
            kinds.add(s.rule());
            switches.addAll(s.nesterov() ? List.of("nesterov") : List.of());
            switches.addAll(s.centered() ? List.of("centered") : List.of());
            switches.addAll(s.amsgrad() ? List.of("amsgrad-" + s.decoupled()) : List.of());
        }
        assertEquals(Set.of(UpdateRule.class.getPermittedSubclasses()), ruleClasses, "rules without a parity case");
        assertEquals(EnumSet.allOf(KernelRule.class), kinds, "kernel rules without a parity case");
        assertEquals(Set.of("nesterov", "centered", "amsgrad-false", "amsgrad-true"), switches);
    }

    @Test
    void everyScheduleHasAParityCase() {
        Set<Class<?>> classes = new HashSet<>();
        Set<KernelSchedule> kinds = EnumSet.noneOf(KernelSchedule.class);
        for (Schedule s : ParityCases.schedules().values()) {
            classes.add(s.getClass());
            classes.add(s.base().getClass());
            kinds.add(shape(ParityCases.rules().get("adam").build(s, ParityCases.regularizers().get("none"), 0))
                    .schedule());
        }
        assertEquals(Set.of(Schedule.class.getPermittedSubclasses()), classes, "schedules without a parity case");
        assertEquals(EnumSet.allOf(KernelSchedule.class), kinds);
    }

    @Test
    void everyRegularizationTermHasAParityCase() {
        Set<String> terms = new HashSet<>();
        for (ParityCases.Regularizer g : ParityCases.regularizers().values()) {
            KernelShape s = shape(ParityCases.rules().get("adam").build(ParityCases.schedules().get("constant"), g, 0));
            if (s.l1Sign()) {
                terms.add("l1");
            }
            if (s.l1Prox()) {
                terms.add("l1Proximal");
            }
            if (s.l2()) {
                terms.add("l2");
            }
            if (s.decoupledWeightDecay()) {
                terms.add("decoupledWeightDecay");
            }
        }
        Set<String> components = Arrays.stream(org.batchopt.rule.Regularization.class.getRecordComponents())
                .map(c -> c.getName()).collect(Collectors.toSet());
        assertEquals(components, terms, "regularization terms without a parity case");
    }

    @Test
    void everyBuiltInHasAKernelAndTwins() {
        for (BuiltIn b : BuiltIn.values()) {
            int d = Math.max(b.minDimension(), Math.min(3, b.maxDimension()));
            var source = TestAccess.source(b.create(d));
            assertNotNull(ParityGuardTest.class.getResource("/kernels/objectives/" + b.id() + ".cl"), b.id());
            assertEquals(d, source.twin64(d).dimension(), b.id());
            assertEquals(d, source.twin32(d).dimension(), b.id());
        }
    }
}
