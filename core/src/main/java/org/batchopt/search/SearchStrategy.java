package org.batchopt.search;

/**
 * How a search uses its members: each member is a chain of descents (runs of the update rule), and a strategy
 * decides where each descent after the first starts and which of its ends the chain keeps. Descents run on the
 * engine's backend as ordinary batches; what happens between them runs in Java on the host, one implementation for
 * every backend, so a search ends with the same bits on the CPU, an OpenCL device or a CUDA GPU.
 *
 * <p>A search runs in <em>rounds</em>: in round 0 every member descends from its start point (exactly the multi-start
 * run of the same batch), in round r every member descends once more from the point the strategy proposes. Every
 * random choice of member m in round r comes from a counter-based stream keyed by (seed, m, r), so member m's chain
 * does not depend on the batch size, on the blocks the batch is split into, on the backend or on timing (the
 * population of {@link Memetic} is the exception its javadoc states: an island of members evolves together).
 *
 * <ul>
 *   <li>{@link Multistart}: round 0 only, the run without a search;</li>
 *   <li>{@link Restarts}: every round starts every member afresh;</li>
 *   <li>{@link BasinHopping}: every member perturbs its current minimum and keeps the new one by the Metropolis rule;</li>
 *   <li>{@link Memetic}: differential evolution over islands of members whose offspring are polished by descents.</li>
 * </ul>
 * {@link #recommended()} is the one {@code --search auto} runs.
 */
public sealed interface SearchStrategy permits Multistart, Restarts, BasinHopping, Memetic {

    /**
     * The strategy's name.
     *
     * @return the name the command line uses: {@code multistart}, {@code restarts}, {@code basin-hopping},
     *         {@code memetic}
     */
    String name();

    /**
     * The strategy in words.
     *
     * @return the name with every parameter, as reports show it
     */
    String describe();

    /**
     * Multi-start: the run without a search.
     *
     * @return one descent per member from its start point
     */
    static Multistart multistart() {
        return new Multistart();
    }

    /**
     * Restarts.
     *
     * @return fresh starts in every round (see {@link Restarts})
     */
    static Restarts restarts() {
        return new Restarts();
    }

    /**
     * Basin hopping.
     *
     * @return basin hopping with {@link BasinHopping#DEFAULTS}
     */
    static BasinHopping basinHopping() {
        return BasinHopping.DEFAULTS;
    }

    /**
     * Memetic differential evolution.
     *
     * @return memetic search with {@link Memetic#DEFAULTS}
     */
    static Memetic memetic() {
        return Memetic.DEFAULTS;
    }

    /**
     * The strategy batchopt recommends for an unknown multimodal objective, which {@code --search auto} runs:
     * {@link Memetic#DEFAULTS}, chosen by the benchmarks of {@code benchmarks/search/} (recorded in
     * {@code benchmarks/results/2026-12-02-search.md}).
     *
     * @return {@link Memetic#DEFAULTS}
     */
    static SearchStrategy recommended() {
        return Memetic.DEFAULTS;
    }
}
