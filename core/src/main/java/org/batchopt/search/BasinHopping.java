package org.batchopt.search;

/**
 * Basin hopping on every member at once: the batched form of scipy's {@code basinhopping}, which runs one chain.
 * Each member is a chain that holds its current minimum x_c (the end of its first descent, round 0) and, in every
 * round after, hops:
 * <ol>
 *   <li><b>perturb</b>: {@code coordinates} coordinates of x_c chosen at random (every coordinate when 0) move by
 *       {@code s_m * w_k * (2u - 1)}, u uniform in [0, 1) and w_k the width of the search box in coordinate k, and a
 *       coordinate that leaves the box is reflected back into it;</li>
 *   <li><b>descend</b> from there (a run of the update rule, with the engine's stopping);</li>
 *   <li><b>accept</b> the new end x_n by the Metropolis rule on the value v the members minimize: always when
 *       {@code v_n <= v_c + eps*(1 + |v_c|)} (eps = 1e-6 in fp32, 1e-12 in fp64: a return to the same minimum counts as
 *       a success), else with probability {@code exp(-(v_n - v_c)/temperature)}, and never at temperature 0
 *       (monotonic basin hopping). A descent that diverged is rejected.</li>
 *   <li><b>adapt</b> the member's step size s_m towards the acceptance rate: {@code s_m *= exp(0.2*(a - rate))},
 *       a = 1 for an accepted hop and 0 for a rejected one, kept within [1e-6, 1]; s_m starts at {@code stepSize}.</li>
 * </ol>
 * Every random number of member m's hop r (the coordinates, the moves, the Metropolis draw) comes from the
 * counter-based stream keyed by (seed, m, r). The member's best point over every hop is what the search reports.
 *
 * <p>Guarantee: member m's chain is a pure function of its start point, its hyperparameters, the seed and m.
 *
 * @param temperature    the Metropolis temperature, in units of the objective; 0 for monotonic hopping (>= 0)
 * @param stepSize       the first step size, as a fraction of the box's width in each coordinate (0, 1]
 * @param acceptanceRate the acceptance rate the step size is adapted towards, in (0, 1)
 * @param coordinates    how many coordinates a hop moves, at most the dimension; 0 moves every coordinate
 */
public record BasinHopping(double temperature, double stepSize, double acceptanceRate, int coordinates)
        implements SearchStrategy {

    /** scipy's defaults carried over: temperature 1, step 0.05 of the box's width, acceptance rate 0.5, every coordinate. */
    public static final BasinHopping DEFAULTS = new BasinHopping(1, 0.05, 0.5, 0);

    /** The lowest step size, as a fraction of the box's width. */
    public static final double MIN_STEP = 1e-6;
    /** The highest step size, as a fraction of the box's width: the whole width. */
    public static final double MAX_STEP = 1;
    /** The gain of the step size's adaptation per hop. */
    public static final double ADAPTATION = 0.2;

    /**
     * Checks the parameters.
     *
     * @param temperature    the Metropolis temperature; 0 for monotonic hopping (>= 0)
     * @param stepSize       the first step size, as a fraction of the box's width in each coordinate (0, 1]
     * @param acceptanceRate the acceptance rate the step size is adapted towards, in (0, 1)
     * @param coordinates    how many coordinates a hop moves, at most the dimension; 0 moves every coordinate
     */
    public BasinHopping {
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("basin-hopping temperature " + temperature + " must be finite and >= 0");
        }
        if (!(stepSize > 0 && stepSize <= MAX_STEP)) {
            throw new IllegalArgumentException("basin-hopping step size " + stepSize
                    + " must be in (0, 1] (a fraction of the box's width)");
        }
        if (!(acceptanceRate > 0 && acceptanceRate < 1)) {
            throw new IllegalArgumentException("basin-hopping acceptance rate " + acceptanceRate
                    + " must be in (0, 1)");
        }
        if (coordinates < 0) {
            throw new IllegalArgumentException("basin-hopping coordinates " + coordinates
                    + " must be >= 0 (0 moves every coordinate)");
        }
    }

    /**
     * The same hopping at another temperature.
     *
     * @param t the Metropolis temperature, 0 for monotonic hopping
     * @return the strategy with that temperature
     */
    public BasinHopping withTemperature(double t) {
        return new BasinHopping(t, stepSize, acceptanceRate, coordinates);
    }

    /**
     * The same hopping with another first step size.
     *
     * @param s the first step size, a fraction of the box's width in (0, 1]
     * @return the strategy with that step size
     */
    public BasinHopping withStepSize(double s) {
        return new BasinHopping(temperature, s, acceptanceRate, coordinates);
    }

    /**
     * The same hopping adapting its step towards another acceptance rate.
     *
     * @param a the acceptance rate, in (0, 1)
     * @return the strategy with that rate
     */
    public BasinHopping withAcceptanceRate(double a) {
        return new BasinHopping(temperature, stepSize, a, coordinates);
    }

    /**
     * The same hopping moving another number of coordinates per hop.
     *
     * @param k the coordinates a hop moves, 0 for every one
     * @return the strategy moving that many
     */
    public BasinHopping withCoordinates(int k) {
        return new BasinHopping(temperature, stepSize, acceptanceRate, k);
    }

    @Override
    public String name() {
        return "basin-hopping";
    }

    @Override
    public String describe() {
        return "basin-hopping (temperature " + Text.number(temperature) + (temperature == 0 ? ", monotonic" : "")
                + ", step " + Text.number(stepSize) + " of the box, acceptance rate " + Text.number(acceptanceRate)
                + ", " + (coordinates == 0 ? "every coordinate" : coordinates + " coordinate" + (coordinates == 1 ? "" : "s"))
                + " per hop)";
    }
}
