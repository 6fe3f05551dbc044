package org.batchopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.batchopt.backend.RunPlan;
import org.batchopt.kernel.KernelSources;
import org.batchopt.rule.Adam;
import org.batchopt.rule.Sgd;
import org.junit.jupiter.api.Test;

/**
 * {@link MathMode} in the API: strict by default; TF32 only in fp32, whichever setting comes first; a fast mode is
 * refused for an objective that is not a model fitted to a dataset, and by the CPU backend, naming it, before
 * anything runs; the strict program's text does not change with the option, and the fast one is the strict one
 * followed by {@code kernels/data_fast.cl}.
 */
class MathModeTest {
    static Objective model() {
        Synthetic.Data d = Synthetic.logistic(3, 60, 2);
        return Objectives.logistic(Dataset.of(d.x(), d.y()).build());
    }

    @Test
    void strictIsTheDefaultAndTf32IsFp32Only() {
        assertEquals(MathMode.STRICT, RunSettings.DEFAULTS.math());
        assertEquals(MathMode.FAST, RunSettings.DEFAULTS.withMath(MathMode.FAST).withPrecision(Precision.FP64).math());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunSettings.DEFAULTS.withPrecision(Precision.FP64).withMath(MathMode.FAST_TF32));
        assertEquals("TF32 products are fp32; the run is fp64", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> RunSettings.DEFAULTS.withMath(MathMode.FAST_TF32).withPrecision(Precision.FP64));
        assertEquals("fast-tf32", MathMode.FAST_TF32.label());
        assertTrue(MathMode.FAST.fast() && MathMode.FAST_TF32.fast() && !MathMode.STRICT.fast());
    }

    @Test
    void fastIsRefusedForClosedFormsAndOnTheCpuBeforeAnythingRuns() {
        Engine cpu = Engine.on(SharedBackends.cpu()).math(MathMode.FAST).stopping(Stopping.maxSteps(3));
        Batch rosenbrock = Batch.builder(2).members(2).starts(Starts.point(new double[2])).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cpu.run(Objectives.rosenbrock(2), Adam.builder().build(), rosenbrock));
        assertEquals("math fast applies to the matrix products of a model fitted to a dataset; rosenbrock runs strict "
                + "math only", e.getMessage());
        Objective f = model();
        Batch batch = Batch.builder(f.dimension()).members(2).starts(Starts.point(new double[f.dimension()])).build();
        e = assertThrows(IllegalArgumentException.class, () -> cpu.run(f, Sgd.builder().lr(0.1).build(), batch));
        assertEquals("math fast runs on CUDA backends (through cuBLAS); backend cpu computes strict math only",
                e.getMessage());
        assertEquals(3, Engine.on(SharedBackends.cpu()).stopping(Stopping.maxSteps(3))
                .run(f, Sgd.builder().lr(0.1).build(), batch).steps(0), "strict runs as before");
    }

    @Test
    void theStrictProgramIsUnchangedAndTheFastOneAddsTheGather() {
        Objective f = model();
        Sgd rule = Sgd.builder().lr(0.1).build();
        RunPlan strict = TestAccess.plan(f, rule, RunSettings.DEFAULTS);
        RunPlan fast = TestAccess.plan(f, rule, RunSettings.DEFAULTS.withMath(MathMode.FAST));
        RunPlan closedForm = TestAccess.plan(Objectives.rosenbrock(2), rule,
                RunSettings.DEFAULTS.withMath(MathMode.FAST));
        assertEquals(TestAccess.plan(Objectives.rosenbrock(2), rule, RunSettings.DEFAULTS).program().text(""),
                closedForm.program().text(""), "only a model's program has fast kernels");
        String s = strict.program().text("");
        assertTrue(!s.contains("bo_data_gather"), "the strict program has no fast kernel");
        assertEquals(s + "\n" + KernelSources.read("data_fast.cl"), fast.program().text(""));
        assertEquals(MathMode.FAST, fast.math());
    }
}
