package org.batchopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.batchopt.kernel.KernelSources;
import org.batchopt.rule.Adagrad;
import org.batchopt.rule.Adam;
import org.batchopt.rule.AdamW;
import org.batchopt.rule.Adamax;
import org.batchopt.rule.NAdam;
import org.batchopt.rule.RmsProp;
import org.batchopt.rule.Sgd;
import org.batchopt.rule.UpdateRule;
import org.batchopt.schedule.Schedule;
import org.batchopt.schedule.Schedules;
import org.junit.jupiter.api.Test;

/**
 * Each hyperparameter is named once, by {@link Hyperparameter}: the rules and schedules hand out exactly their
 * numeric components under it, their builders and record components carry its {@link Hyperparameter#builderName},
 * and the kernels read it as {@link Hyperparameter#kernelName}.
 */
class HyperparameterTest {

    static List<UpdateRule> rules() {
        return List.of(Sgd.builder().build(), Adagrad.builder().build(), RmsProp.builder().build(),
                Adam.builder().build(), AdamW.builder().build(), NAdam.builder().build(), Adamax.builder().build());
    }

    static List<Schedule> schedules() {
        return List.of(Schedules.constant(), Schedules.inverseTime(0.1, 0.5), Schedules.step(3, 0.5),
                Schedules.multiStep(new int[] {2}, 0.5), Schedules.exponential(0.9), Schedules.cosine(10, 0),
                Schedules.warmup(5, Schedules.constant()));
    }

    /** The record component of {@code record} named {@code name}, read. */
    static Object component(Record record, String name) throws ReflectiveOperationException {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c.getAccessor().invoke(record);
            }
        }
        throw new AssertionError(record.getClass().getSimpleName() + " has no component " + name);
    }

    /** Every Param component of {@code record}, in declaration order. */
    static List<Object> paramComponents(Record record) throws ReflectiveOperationException {
        List<Object> params = new ArrayList<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getType() == Param.class) {
                params.add(c.getAccessor().invoke(record));
            }
        }
        return params;
    }

    @Test
    void everyRuleNamesItsComponentsAndBuilderMethodsByTheHyperparameter() throws ReflectiveOperationException {
        Set<Class<?>> seen = new java.util.HashSet<>();
        for (UpdateRule rule : rules()) {
            seen.add(rule.getClass());
            Map<Hyperparameter, Param> p = rule.ruleParameters();
            assertEquals(paramComponents((Record) rule), List.copyOf(p.values()), rule.name());
            Class<?> builder = rule.getClass().getMethod("builder").getReturnType();
            for (Map.Entry<Hyperparameter, Param> e : p.entrySet()) {
                assertSame(e.getValue(), component((Record) rule, e.getKey().builderName()), rule.name());
                Method setter = builder.getMethod(e.getKey().builderName(), Param.class);
                assertTrue(setter.getReturnType().isAssignableFrom(builder), setter.toString());
            }
        }
        assertEquals(Set.of(UpdateRule.class.getPermittedSubclasses()), seen);
    }

    @Test
    void everyScheduleNamesItsComponentsByTheHyperparameter() throws ReflectiveOperationException {
        Set<Class<?>> seen = new java.util.HashSet<>();
        for (Schedule s : schedules()) {
            seen.add(s.getClass());
            Schedule own = s.base() == s ? s : null;
            if (own == null) {
                // The warm-up wrapper: its own parameter is its length, the rest are the wrapped schedule's.
                assertSame(component((Record) s, "steps"), s.parameters().get(Hyperparameter.WARMUP));
                continue;
            }
            assertEquals(paramComponents((Record) s), List.copyOf(s.parameters().values()), s.name());
            for (Map.Entry<Hyperparameter, Param> e : s.parameters().entrySet()) {
                assertSame(e.getValue(), component((Record) s, e.getKey().builderName()), s.name());
            }
        }
        assertEquals(Set.of(Schedule.class.getPermittedSubclasses()), seen);
    }

    @Test
    void theRegularizationNamesItsComponentsByTheHyperparameter() throws ReflectiveOperationException {
        UpdateRule rule = Adam.builder().l1(0.1).l2(0.2).decoupledWeightDecay(0.3).build();
        Map<Hyperparameter, Param> p = rule.regularization().parameters();
        assertEquals(List.of(Hyperparameter.L1, Hyperparameter.L2, Hyperparameter.DECOUPLED_WEIGHT_DECAY),
                List.copyOf(p.keySet()));
        for (Map.Entry<Hyperparameter, Param> e : p.entrySet()) {
            assertSame(e.getValue(), component(rule.regularization(), e.getKey().builderName()));
        }
    }

    @Test
    void everyHyperparameterIsHandedOutAndReadByTheKernels() throws IOException {
        Set<Hyperparameter> handedOut = EnumSet.noneOf(Hyperparameter.class);
        for (UpdateRule rule : rules()) {
            handedOut.addAll(rule.parameters().keySet());
        }
        for (Schedule s : schedules()) {
            handedOut.addAll(s.parameters().keySet());
        }
        handedOut.addAll(Adam.builder().l1(0.1).l2(0.2).decoupledWeightDecay(0.3).build().parameters().keySet());
        handedOut.addAll(AugmentedLagrangian.DEFAULTS.parameters().keySet());
        assertEquals(EnumSet.allOf(Hyperparameter.class), handedOut);
        String kernels = KernelSources.read("rules.cl") + KernelSources.read("schedule.cl")
                + KernelSources.read("step.cl") + KernelSources.read("init.cl") + KernelSources.read("constraints.cl");
        for (Hyperparameter h : Hyperparameter.values()) {
            assertTrue(kernels.contains("hp[" + h.kernelName() + "]"), h.kernelName());
            assertSame(h, Hyperparameter.byId(h.id()));
            assertTrue(h.id().matches("[a-z][a-z0-9]*(_[a-z0-9]+)*"), h.id() + " is snake_case");
        }
        assertEquals("tMax", Hyperparameter.T_MAX.builderName());
        assertEquals("HP_decoupled_weight_decay", Hyperparameter.DECOUPLED_WEIGHT_DECAY.kernelName());
    }

    @Test
    void resultsNameHyperparametersByTheirIds() {
        Objective f = Objectives.sphere(2);
        Batch batch = Batch.builder(2).members(2).starts(Starts.point(1, 1)).build();
        UpdateRule rule = Adam.builder().lr(new double[] {0.1, 0.2}).schedule(Schedules.cosine(10, 0))
                .decoupledWeightDecay(0.01).build();
        Result r = Engine.on(SharedBackends.cpu()).stopping(Stopping.maxSteps(1)).run(f, rule, batch);
        assertEquals(List.of("lr", "beta1", "beta2", "eps", "weight_decay", "t_max", "eta_min",
                "decoupled_weight_decay"), List.copyOf(r.hyperparameters(1).keySet()));
        assertEquals(0.2, r.hyperparameters(1).get("lr"));
    }
}
