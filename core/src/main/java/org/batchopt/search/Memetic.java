package org.batchopt.search;

/**
 * Memetic differential evolution: the members form islands of P = {@code islandSize} consecutive members (members
 * {@code P*i .. P*i+P-1}; when N is not a multiple of P, the N mod P members left over form a last island of their own
 * when they are at least 4 and join the island before otherwise), and every island is a population of differential
 * evolution (DE/best/1/bin, scipy's default) whose offspring are polished by a descent before selection (Lamarckian:
 * the polished point replaces its parent).
 * In round r >= 1 member m of an island whose current points are p_j with values v_j (the ends of their last
 * accepted descents):
 * <ol>
 *   <li><b>mutate</b>: {@code y = p_best + weight*(p_a - p_b)} with p_best the island's best point at the start of the
 *       round (ties to the lower member) and a != b two other members of the island, drawn at random;</li>
 *   <li><b>cross over</b>: each coordinate of the trial is y's with probability {@code crossover}, and p_m's otherwise;
 *       one coordinate drawn at random is always y's; a coordinate outside the search box is reflected into it;</li>
 *   <li><b>descend</b> from the trial;</li>
 *   <li><b>select</b>: the end replaces p_m when its value is at most {@code v_m + eps*(1 + |v_m|)} (eps = 1e-6 in
 *       fp32, 1e-12 in fp64; a diverged descent never does).</li>
 * </ol>
 * An island that has collapsed, every member's value within that tolerance of the best one, starts afresh instead:
 * every member descends from a start uniform in the box (as {@link Restarts} draws it, keyed by (seed, m, r)) and
 * keeps its end, so that no island spends its descents on one minimum (the search keeps every member's best point).
 * Every random number of member m in round r comes from the counter-based stream keyed by (seed, m, r), and every
 * member of an island reads the island as it was at the start of the round, so the order in which members are
 * processed does not matter.
 *
 * <p>Guarantee: an island's members evolve together and depend only on the island's own start points, their
 * hyperparameters, the seed and their indices: the same whatever the batch size (as long as the island is complete),
 * the blocks or the backend.
 *
 * @param islandSize the members per island, at least 4
 * @param weight     the differential weight F, in (0, 2]
 * @param crossover  the crossover probability CR, in [0, 1]
 */
public record Memetic(int islandSize, double weight, double crossover) implements SearchStrategy {

    /** Islands of 32 members, F = 0.5, CR = 0.7; what {@code --search auto} runs. */
    public static final Memetic DEFAULTS = new Memetic(32, 0.5, 0.7);

    /** The smallest island DE/best/1 can draw from: the member, the best and two others. */
    public static final int MIN_ISLAND = 4;

    /**
     * Checks the parameters.
     *
     * @param islandSize the members per island, at least {@value #MIN_ISLAND}
     * @param weight     the differential weight F, in (0, 2]
     * @param crossover  the crossover probability CR, in [0, 1]
     */
    public Memetic {
        if (islandSize < MIN_ISLAND) {
            throw new IllegalArgumentException("memetic island size " + islandSize + " must be at least " + MIN_ISLAND);
        }
        if (!(weight > 0 && weight <= 2)) {
            throw new IllegalArgumentException("memetic differential weight " + weight + " must be in (0, 2]");
        }
        if (!(crossover >= 0 && crossover <= 1)) {
            throw new IllegalArgumentException("memetic crossover probability " + crossover + " must be in [0, 1]");
        }
    }

    /**
     * The same search with islands of another size.
     *
     * @param p the members per island, at least {@value #MIN_ISLAND}
     * @return the strategy with that island size
     */
    public Memetic withIslandSize(int p) {
        return new Memetic(p, weight, crossover);
    }

    /**
     * The same search with another differential weight.
     *
     * @param f the weight F, in (0, 2]
     * @return the strategy with that weight
     */
    public Memetic withWeight(double f) {
        return new Memetic(islandSize, f, crossover);
    }

    /**
     * The same search with another crossover probability.
     *
     * @param cr the probability CR, in [0, 1]
     * @return the strategy with that probability
     */
    public Memetic withCrossover(double cr) {
        return new Memetic(islandSize, weight, cr);
    }

    @Override
    public String name() {
        return "memetic";
    }

    @Override
    public String describe() {
        return "memetic (DE/best/1/bin over islands of " + islandSize + " members, F " + Text.number(weight)
                + ", CR " + Text.number(crossover) + ", offspring polished by descents)";
    }
}
