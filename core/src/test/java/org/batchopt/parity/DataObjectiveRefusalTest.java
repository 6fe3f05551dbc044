package org.batchopt.parity;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
 * The CUDA backend refuses a model fitted to a dataset, before anything runs, with a message that names the backend
 * and where models run: its data kernels compile (CudaFlavourTest) but are not yet checked against the CPU twin on a
 * GPU, and a silent fallback to the CPU would hide where a run went. (OpenCL fits them: DataParityTest.)
 */
class DataObjectiveRefusalTest {

    @Test
    void theCudaBackendRefusesAModelFittedToADataset() {
        List<String> cuda = DevicesUnderTest.specs().stream().filter(s -> s.startsWith("cuda")).toList();
        Assumptions.assumeFalse(cuda.isEmpty(), "no CUDA device here ("
                + (DevicesUnderTest.reason() == null ? "devices: " + DevicesUnderTest.specs()
                : DevicesUnderTest.reason()) + ")");
        Objective f = Objectives.logistic(Synthetic.logistic(1, 40, 3).dataset());
        Batch batch = Batch.builder(f.dimension()).members(2).starts(Starts.point(new double[f.dimension()])).build();
        for (String spec : cuda) {
            Engine engine = Engine.on(DevicesUnderTest.open(spec)).stopping(Stopping.maxSteps(3));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> engine.run(f, Sgd.builder().lr(0.1).build(), batch), spec);
            assertTrue(e.getMessage().contains("run on the cpu and opencl backends")
                    && e.getMessage().contains(DevicesUnderTest.open(spec).id()), e.getMessage());
        }
    }
}
