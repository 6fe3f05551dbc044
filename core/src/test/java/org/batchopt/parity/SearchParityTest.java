package org.batchopt.parity;

import static org.batchopt.parity.Identical.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.batchopt.Backend;
import org.batchopt.BackendException;
import org.batchopt.Batch;
import org.batchopt.Engine;
import org.batchopt.Objective;
import org.batchopt.Objectives;
import org.batchopt.Precision;
import org.batchopt.Result;
import org.batchopt.Search;
import org.batchopt.SharedBackends;
import org.batchopt.Starts;
import org.batchopt.Stopping;
import org.batchopt.rule.Adam;
import org.batchopt.rule.Sgd;
import org.batchopt.rule.UpdateRule;
import org.batchopt.schedule.Schedules;
import org.batchopt.search.BasinHopping;
import org.batchopt.search.Budget;
import org.batchopt.search.Memetic;
import org.batchopt.search.SearchStrategy;
import org.batchopt.search.SearchSummary;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every search strategy on every device found ends with the CPU's bits: each member's best point, f, gradient norm,
 * steps and status, and its chain (the round it found its point in, its accepted moves, its steps, its step size).
 * The descents are engine runs, bit-identical by the parity suite; this checks that the host side keeps them so over
 * many rounds, fp32 (Rastrigin with transcendental cos) and fp64.
 */
class SearchParityTest {

    record Job(String name, SearchStrategy strategy, Precision precision, Objective f, UpdateRule rule) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        Objective rastrigin = Objectives.rastrigin(4);
        UpdateRule gd = Sgd.builder().lr(0.0025).build();
        UpdateRule adam = Adam.builder().lr(0.2).schedule(Schedules.cosine(60, 0)).build();
        List<Job> jobs = List.of(
                new Job("restarts fp32", SearchStrategy.restarts(), Precision.FP32, rastrigin, gd),
                new Job("basin-hopping fp32", SearchStrategy.basinHopping(), Precision.FP32, rastrigin, gd),
                new Job("basin-hopping monotonic 1 coordinate fp64", new BasinHopping(0, 0.1, 0.5, 1), Precision.FP64,
                        rastrigin, gd),
                new Job("memetic fp32 adam", new Memetic(8, 0.5, 0.7), Precision.FP32, Objectives.ackley(3), adam),
                new Job("memetic fp64", SearchStrategy.memetic(), Precision.FP64, rastrigin, gd));
        List<Arguments> out = new ArrayList<>();
        for (String spec : DevicesUnderTest.specs()) {
            jobs.forEach(j -> out.add(Arguments.of(spec, j)));
        }
        if (out.isEmpty()) {
            out.add(Arguments.of("none", jobs.get(0)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void aSearchEndsWithTheCpusBits(String spec, Job job) {
        Assumptions.assumeTrue(DevicesUnderTest.reason() == null, DevicesUnderTest.reason());
        Backend device = DevicesUnderTest.open(spec);
        try {
            device.requirePrecision(job.precision());
        } catch (BackendException e) {
            Assumptions.abort(spec + " has no " + job.precision() + ": " + e.getMessage());
        }
        Batch batch = Batch.builder(job.f().dimension()).members(64).starts(Starts.sobol(job.f().box(), 9)).build();
        Result cpu = search(SharedBackends.cpu(), job).run(job.f(), job.rule(), batch);
        Result dev = search(device, job).run(job.f(), job.rule(), batch);
        assertIdentical(cpu, dev, job.name());
        SearchSummary a = cpu.search().orElseThrow();
        SearchSummary b = dev.search().orElseThrow();
        assertEquals(a.rounds(), b.rounds(), job.name());
        assertEquals(a.memberSteps(), b.memberSteps(), job.name());
        for (int m = 0; m < batch.members(); m++) {
            assertEquals(a.foundAt(m), b.foundAt(m), job.name() + " member " + m + " found at");
            assertEquals(a.accepted(m), b.accepted(m), job.name() + " member " + m + " accepted");
            assertEquals(Double.doubleToLongBits(a.stepSize(m)), Double.doubleToLongBits(b.stepSize(m)),
                    job.name() + " member " + m + " step size");
        }
    }

    /** At most 8 rounds within a budget of 6 full rounds: how many run depends on the steps the descents took. */
    private static Search search(Backend b, Job job) {
        Engine e = Engine.on(b).precision(job.precision()).stopping(Stopping.maxSteps(60).gradientTolerance(1e-4));
        return Search.on(e).strategy(job.strategy()).seed(4).budget(Budget.ofRounds(8).withMemberSteps(64L * 60 * 6));
    }
}
