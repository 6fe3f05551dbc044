package org.batchopt.parity;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.batchopt.Batch;
import org.batchopt.Engine;
import org.batchopt.Objective;
import org.batchopt.Objectives;
import org.batchopt.Starts;
import org.batchopt.Stopping;
import org.batchopt.Synthetic;
import org.batchopt.rule.Sgd;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The device backends refuse a model fitted to a dataset, before anything runs, with a message that names the
 * backend and where the model runs: their data kernels are not yet checked against the CPU twin, and a silent
 * fallback to the CPU would hide where a run went.
 */
class DataObjectiveRefusalTest {

    @Test
    void everyDeviceRefusesAModelFittedToADataset() {
        Assumptions.assumeTrue(DevicesUnderTest.reason() == null, DevicesUnderTest.reason());
        Objective f = Objectives.logistic(Synthetic.logistic(1, 40, 3).dataset());
        Batch batch = Batch.builder(f.dimension()).members(2).starts(Starts.point(new double[f.dimension()])).build();
        for (String spec : DevicesUnderTest.specs()) {
            Engine engine = Engine.on(DevicesUnderTest.open(spec)).stopping(Stopping.maxSteps(3));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> engine.run(f, Sgd.builder().lr(0.1).build(), batch), spec);
            assertTrue(e.getMessage().contains("run on the cpu backend only")
                    && e.getMessage().contains(DevicesUnderTest.open(spec).id()), e.getMessage());
        }
    }
}
