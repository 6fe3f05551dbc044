package org.batchopt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.batchopt.backend.MemberResults;
import org.batchopt.kernel.ObjectiveTwin64;
import org.batchopt.rule.UpdateRule;
import org.batchopt.search.SearchSummary;

/**
 * The outcome of a batch: per member its final x, f at x (f itself, also when maximizing), the objective the member
 * minimized there (f with the regularization penalties, {@link #objectiveValue}), the gradient norm, the steps
 * taken, its status and its hyperparameters, and under general constraints its multipliers, constraint values,
 * largest violation and KKT residual; plus the best members and the distinct minima, both ranked by that objective
 * (feasible members first), which backend ran it, and where the time went. The figures a multi-start search or a
 * grid is judged by come from here too: {@link #basins} (shares, value levels, saturation), {@link #known} (the gap
 * to a known optimum and the share that reached it), {@link #combinations} (per grid combination) and
 * {@link #valueQuantiles} (f over the steps). Members are numbered {@code 0..members()-1} in batch order; points
 * are kept in the run's precision (an fp32 run's as the floats they are). Read-only: no method changes it.
 */
public final class Result {
    private final Objective objective;
    private final UpdateRule rule;
    private final MemberResults data;
    private final String backend;
    private final String device;
    private final Timing timing;
    private final int startsPerCombination;
    private final List<Constraint.General> constraints;
    /** The run's hyperparameters besides the rule's, by id: the augmented Lagrangian's, the named parameters. */
    private final Map<String, Param> others;
    private long[] statusCounts;
    /** How the search that made this result went; null for a run of the engine alone. */
    private SearchSummary search;
    /** Per-member weights of the penalties, null where the rule has none. */
    private final Param l1;
    private final Param[] quadratic;

    Result(Objective objective, UpdateRule rule, MemberResults data, String backend, String device, Timing timing,
           int startsPerCombination, List<Constraint.General> constraints, Map<String, Param> others) {
        this.objective = objective;
        this.rule = rule;
        this.data = data;
        this.backend = backend;
        this.device = device;
        this.timing = timing;
        this.startsPerCombination = startsPerCombination;
        this.constraints = List.copyOf(constraints);
        this.others = new LinkedHashMap<>(others);
        Map<Hyperparameter, Param> p = rule.parameters();
        Param l1Weight = p.get(Hyperparameter.L1);
        this.l1 = l1Weight != null && l1Weight.anyNonZero() ? l1Weight : null;
        this.quadratic = java.util.stream.Stream.of(Hyperparameter.L2, Hyperparameter.WEIGHT_DECAY,
                Hyperparameter.DECOUPLED_WEIGHT_DECAY).map(p::get).filter(v -> v != null && v.anyNonZero())
                .toArray(Param[]::new);
    }

    /**
     * The objective that was optimized.
     *
     * @return the objective given to {@link Engine#run}
     */
    public Objective objective() {
        return objective;
    }

    /**
     * The update rule that ran, with its schedule and regularization.
     *
     * @return the rule given to {@link Engine#run}
     */
    public UpdateRule rule() {
        return rule;
    }

    /**
     * The backend that ran.
     *
     * @return its id as resolved: {@code cpu}, {@code opencl:0:0}, ...; several joined by {@code +}
     */
    public String backend() {
        return backend;
    }

    /**
     * The device that ran, in words.
     *
     * @return {@link Backend#device()} of the backend that ran
     */
    public String device() {
        return device;
    }

    /**
     * The precision the run computed in.
     *
     * @return fp32 or fp64
     */
    public Precision precision() {
        return data.precision();
    }

    /**
     * The objective's dimension D.
     *
     * @return the number of coordinates of every point
     */
    public int dimension() {
        return data.dimension();
    }

    /**
     * The number of members this result holds.
     *
     * @return the batch's {@link Batch#members()}, or the range's count for a ranged run
     */
    public int members() {
        return data.members();
    }

    /**
     * The first member held: 0, or the first of a ranged run ({@link Engine#run(Objective, UpdateRule, Batch, int,
     * int)}). Members are always named by their index in the batch, {@code firstMember() .. firstMember() +
     * members() - 1}.
     *
     * @return the index in the batch of the first member held
     */
    public int firstMember() {
        return data.first();
    }

    /** One past the last member held. */
    private int endMember() {
        return data.first() + data.members();
    }

    /**
     * Where the time went.
     *
     * @return compile, transfer, run and total seconds
     */
    public Timing timing() {
        return timing;
    }

    /**
     * A member's final point.
     *
     * @param m the member's index, in {@code [0, members())}
     * @return a new array of D coordinates; modifying it changes nothing here
     */
    public double[] x(int m) {
        return data.x().get(m);
    }

    /**
     * One coordinate of a member's final point, without copying the point.
     *
     * @param m the member's index, in {@code [0, members())}
     * @param i the coordinate, in {@code [0, dimension())} (not checked: another index reads another value)
     * @return that coordinate
     */
    public double x(int m, int i) {
        return data.x().get(m, i);
    }

    /**
     * f at a member's final point: the objective function itself, without penalties (also when maximizing).
     *
     * @param m the member's index, in {@code [0, members())}
     * @return f, possibly non-finite for a {@link Status#DIVERGED} member
     */
    public double f(int m) {
        return data.f(m);
    }

    /**
     * The value member m is ranked by, everywhere results are ranked or judged: best members, minima, basins,
     * success against a known optimum, grid combinations. It is the {@link #objectiveValue}, except for an
     * {@link Status#INFEASIBLE} member, whose value is the worst there is ({@code +inf}, {@code -inf} when maximizing):
     * feasible members rank first, an infeasible member never succeeds, and infeasible members rank among themselves
     * by their violation.
     */
    double rankValue(int m) {
        if (data.status(m) == Status.INFEASIBLE) {
            return objective.isMaximized() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return objectiveValue(m);
    }

    /**
     * The objective member m minimized, at its final point: {@code f + penalty} ({@code f - penalty} when maximizing,
     * where f is maximized), with {@code penalty = l1*|x|_1 + (l2 + weight_decay + decoupled_weight_decay)/2*|x|^2}
     * in the member's own weights: the L1 term, coupled L2, torch's weight decay of the rule and decoupled weight decay, each
     * as the penalty whose gradient the rule adds. (For decoupled decay with a rule other than plain SGD this is its
     * nominal L2 penalty; the members' fixed points weigh it by the rule's metric, see {@link Stopping}.) Equal to
     * {@link #f} without regularization. Computed in double from x; reported as {@code objective}. Best members and
     * minima are ranked by it.
     *
     * @param m the member's index, in {@code [0, members())}
     * @return the objective, possibly non-finite for a {@link Status#DIVERGED} member
     */
    public double objectiveValue(int m) {
        if (l1 == null && quadratic.length == 0) {
            return data.f(m);
        }
        double abs = 0;
        double sq = 0;
        for (int i = 0; i < dimension(); i++) {
            double v = data.x().get(m, i);
            abs += Math.abs(v);
            sq += v * v;
        }
        double q = 0;
        for (Param p : quadratic) {
            q += p.at(m);
        }
        double penalty = (l1 == null ? 0 : l1.at(m) * abs) + q / 2 * sq;
        return objective.isMaximized() ? data.f(m) - penalty : data.f(m) + penalty;
    }

    /**
     * Whether the objective differs from f: the rule has a penalty somewhere.
     *
     * @return true when some member has a non-zero L1, L2, weight decay or decoupled weight decay
     */
    public boolean hasPenalty() {
        return l1 != null || quadratic.length > 0;
    }

    /**
     * The Euclidean norm of the gradient at a member's final point, the norm the stopping test compares with
     * the gradient tolerance (see {@link Stopping}).
     *
     * @param m the member's index, in {@code [0, members())}
     * @return the norm, {@code >= 0}, possibly non-finite for a {@link Status#DIVERGED} member
     */
    public double gradientNorm(int m) {
        return data.gradientNorm(m);
    }

    /**
     * The updates a member took.
     *
     * @param m the member's index, in {@code [0, members())}
     * @return the number of updates, in {@code [0, maxSteps]}
     */
    public int steps(int m) {
        return data.steps(m);
    }

    /**
     * How a member ended.
     *
     * @param m the member's index, in {@code [0, members())}
     * @return its status, never {@link Status#RUNNING}
     */
    public Status status(int m) {
        return data.status(m);
    }

    /**
     * A member's hyperparameters: the rule's {@link UpdateRule#parameters()} at that member, then under general
     * constraints the {@link AugmentedLagrangian}'s, then the objective's named parameters.
     *
     * @param m the member's index, in {@code [0, members())}
     * @return a new map in kernel order, by {@link Hyperparameter#id} ({@code lr}, {@code momentum},
     *         {@code beta1}, {@code t_max}, {@code l2}, ...; {@code rho}, {@code rho_growth}, {@code inner_steps})
     *         and by parameter name, to the member's value
     */
    public Map<String, Double> hyperparameters(int m) {
        Map<String, Double> h = new LinkedHashMap<>();
        rule.parameters().forEach((k, p) -> h.put(k.id(), p.at(m)));
        others.forEach((k, p) -> h.put(k, p.at(m)));
        return h;
    }

    /**
     * The names of {@link #hyperparameters(int)}, in its order.
     *
     * @return a new list of the names
     */
    public List<String> hyperparameterNames() {
        List<String> names = new ArrayList<>();
        rule.parameters().keySet().forEach(k -> names.add(k.id()));
        names.addAll(others.keySet());
        return names;
    }

    /**
     * Every hyperparameter of the run by name, in the order of {@link #hyperparameters(int)}.
     *
     * @return a new map from name to its values, uniform or per member
     */
    public Map<String, Param> parameters() {
        Map<String, Param> p = new LinkedHashMap<>();
        rule.parameters().forEach((k, v) -> p.put(k.id(), v));
        p.putAll(others);
        return p;
    }

    /** The hyperparameters besides the rule's, for a result made from this one's rounds ({@link Search}). */
    Map<String, Param> others() {
        return others;
    }

    /**
     * The run's general constraints, in the order given (projections are not among them).
     *
     * @return the constraints, not modifiable; empty for none
     */
    public List<Constraint.General> constraints() {
        return constraints;
    }

    /**
     * Member m's multipliers, one per general constraint in order: at a solution {@code grad f = sum_j lambda_j
     * grad left_j} (the convention of {@link Constraints}). They are the augmented Lagrangian's estimates at the final
     * point, {@code lambda_j + rho_j c_j} (for an inequality at least 0 before the sign).
     *
     * @param m the member's index, in {@code [0, members())}
     * @return a new array, one multiplier per general constraint; empty without constraints
     */
    public double[] multipliers(int m) {
        double[] w = constraints.isEmpty() ? new double[0] : data.weights().get(m);
        for (int j = 0; j < w.length; j++) {
            w[j] = multiplierSign(j) * w[j] + 0.0;
        }
        return w;
    }

    /**
     * The factor from the weight of constraint j in the kernels, which minimize F = f or -f subject to c_j = left -
     * bound (or bound - left for &gt;=) with grad F + sum_j w_j grad c_j = 0, to the multiplier of grad f = sum_j
     * lambda_j grad left_j: lambda_j = -(F's sign) * (c_j's sign) * w_j. Never -0.
     */
    private double multiplierSign(int j) {
        boolean atLeast = constraints.get(j).relation() == Constraint.Relation.AT_LEAST;
        return objective.isMaximized() != atLeast ? 1 : -1;
    }

    /**
     * Member m's constraints' left sides at its final point.
     *
     * @param m the member's index, in {@code [0, members())}
     * @return a new array, one value per general constraint; empty without any
     */
    public double[] constraintValues(int m) {
        return constraints.isEmpty() ? new double[0] : data.constraintValues().get(m);
    }

    /**
     * Member m's largest constraint violation at its final point: {@code |left - bound|} of an equality, the amount
     * by which an inequality is exceeded.
     *
     * @param m the member's index, in {@code [0, members())}
     * @return the largest violation, {@code >= 0}; 0 without general constraints (a projection is exact)
     */
    public double violation(int m) {
        return constraints.isEmpty() ? 0 : data.violation(m);
    }

    /**
     * Member m's KKT residual at its final point: the largest of the Lagrangian's gradient norm, the equalities'
     * {@code |c_j|} and the inequalities' {@code |min(-c_j, w_j)|} (feasibility and complementarity); without general
     * constraints the gradient norm (under a projection, the projected gradient's).
     *
     * @param m the member's index, in {@code [0, members())}
     * @return the residual, {@code >= 0}
     */
    public double kktResidual(int m) {
        return constraints.isEmpty() ? data.gradientNorm(m) : data.kktResidual(m);
    }

    /**
     * Whether member m ended feasible.
     *
     * @param m the member's index, in {@code [0, members())}
     * @return true unless it ended {@link Status#INFEASIBLE} or {@link Status#DIVERGED}
     */
    public boolean feasible(int m) {
        Status s = data.status(m);
        return s != Status.INFEASIBLE && s != Status.DIVERGED;
    }

    /**
     * The number of members that ended with a status; the first call counts them all, later calls reuse the
     * counts.
     *
     * @param status the status
     * @return the number of members, 0 for {@link Status#RUNNING}
     */
    public long count(Status status) {
        long[] counts = statusCounts;
        if (counts == null) {
            counts = new long[Status.values().length];
            for (int m = firstMember(); m < endMember(); m++) {
                counts[data.status(m).ordinal()]++;
            }
            statusCounts = counts;
        }
        return counts[status.ordinal()];
    }

    /**
     * The best member: lowest objective ({@link #objectiveValue}; highest when maximizing) among those that did not
     * diverge, {@link Status#INFEASIBLE} ones after every feasible one, ties to the lower index.
     *
     * @return its index; empty when every member diverged
     */
    public OptionalInt best() {
        int[] b = best(1);
        return b.length == 0 ? OptionalInt.empty() : OptionalInt.of(b[0]);
    }

    /**
     * The k best members, best first (by {@link #objectiveValue}, feasible members before {@link Status#INFEASIBLE}
     * ones, those by their violation), diverged members excluded; ties go to the lower index. Takes time
     * proportional to N log k and memory proportional to k.
     *
     * @param k how many, {@code >= 0}
     * @return a new array of {@code min(k, members not diverged)} member indices
     * @throws IllegalArgumentException when {@code k < 0}
     */
    public int[] best(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("best " + k + " members asked for");
        }
        int[] heap = new int[Math.min(k, members())];
        int size = 0;
        for (int m = firstMember(); m < endMember(); m++) {
            if (data.status(m) == Status.DIVERGED) {
                continue;
            }
            if (size < heap.length) {
                heap[size] = m;
                siftUp(heap, size++);
            } else if (size > 0 && better(m, heap[0])) {
                heap[0] = m;
                siftDown(heap, size);
            }
        }
        int[] out = Arrays.copyOf(heap, size);
        sortByRank(out);
        return out;
    }

    /**
     * True when member a ranks before member b: better {@link #rankValue}, then (two infeasible members) smaller
     * violation, then lower index.
     */
    private boolean better(int a, int b) {
        double fa = rankValue(a);
        double fb = rankValue(b);
        int c = objective.isMaximized() ? Double.compare(fb, fa) : Double.compare(fa, fb);
        if (c == 0 && data.status(a) == Status.INFEASIBLE && data.status(b) == Status.INFEASIBLE) {
            c = Double.compare(data.violation(a), data.violation(b));
        }
        return c < 0 || (c == 0 && a < b);
    }

    /** Max-heap on rank: the worst of the kept members at the root. */
    private void siftUp(int[] heap, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!better(heap[parent], heap[i])) {
                return;
            }
            int t = heap[parent];
            heap[parent] = heap[i];
            heap[i] = t;
            i = parent;
        }
    }

    private void siftDown(int[] heap, int size) {
        int i = 0;
        while (true) {
            int worst = i;
            for (int c = 2 * i + 1; c <= 2 * i + 2 && c < size; c++) {
                if (better(heap[worst], heap[c])) {
                    worst = c;
                }
            }
            if (worst == i) {
                return;
            }
            int t = heap[worst];
            heap[worst] = heap[i];
            heap[i] = t;
            i = worst;
        }
    }

    /** Sorts member indices best first, with a merge sort on primitives (no boxing for 10^8 members). */
    private void sortByRank(int[] a) {
        int[] buffer = new int[a.length];
        for (int width = 1; width < a.length; width *= 2) {
            for (int lo = 0; lo < a.length - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, a.length);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    buffer[k++] = better(a[j], a[i]) ? a[j++] : a[i++];
                }
                while (i < mid) {
                    buffer[k++] = a[i++];
                }
                while (j < hi) {
                    buffer[k++] = a[j++];
                }
                System.arraycopy(buffer, lo, a, lo, hi - lo);
            }
        }
    }

    /**
     * The distinct minima (maxima when maximizing) the members reached, best first. Members are taken in
     * rank order (feasible first, then by objective); a member joins the first minimum whose best point is within {@code xTol} of its
     * final point in every coordinate and whose best value is within {@code fTol * max(1, |value|)} of its value;
     * otherwise it founds a new minimum. Diverged members are left out; {@link Status#INFEASIBLE} ones come after
     * every feasible one and join only each other's minima (by x alone: they share the worst rank value), listed
     * last. A minimum's {@code objective} is its best member's {@link #objectiveValue}.
     *
     * @param xTol how far, in every coordinate, a member's final point may lie from a minimum's best point,
     *             {@code >= 0}, in the units of x
     * @param fTol how far its value may lie from the minimum's best one, relative to {@code max(1, |value|)},
     *             {@code >= 0}
     * @return a new list of the minima, best first, ties to the lower best member; empty when every member
     *         diverged
     * @throws IllegalArgumentException when a tolerance is negative or NaN
     */
    public List<Minimum> minima(double xTol, double fTol) {
        if (!(xTol >= 0) || !(fTol >= 0)) {
            throw new IllegalArgumentException("cluster tolerances must be >= 0, got x " + xTol + ", f " + fTol);
        }
        Clustering c = new Clustering(dimension(), (m, i) -> data.x().get(m, i), this::rankValue, rankedMembers(), xTol,
                fTol);
        List<Minimum> minima = new ArrayList<>(c.founders.length);
        for (int k = 0; k < c.founders.length; k++) {
            minima.add(new Minimum(c.center(k), data.f(c.founders[k]), objectiveValue(c.founders[k]),
                    c.members[k].length, c.members[k]));
        }
        // Founders come best first, so the minima are already in rank order.
        return minima;
    }

    /**
     * The {@link #minima} with the share of the batch each holds and its members' mean steps, the value levels
     * they lie on (distinct minima with the same f up to {@code fTol}) and the saturation of the search.
     *
     * @param xTol how close, in every coordinate, two final points must lie to be one minimum (as {@link #minima})
     * @param fTol relative f tolerance of one minimum and of one value level (as {@link #minima})
     * @return the basins, best first, with their levels and the saturation
     */
    public Basins basins(double xTol, double fTol) {
        return Basins.of(minima(xTol, fTol), this::steps, members(), count(Status.DIVERGED), xTol, fTol);
    }

    /**
     * How the batch did against the objective's known global minimum and minimizers (see {@link KnownOptimum});
     * empty when none is known or when the objective is maximized.
     *
     * @param tolerance success tolerance, relative to {@code max(1, |f*|)}
     * @param xTol      how close, in every coordinate, a member must end to a minimizer to have reached it
     * @return the figures against f*, or empty
     */
    public Optional<KnownOptimum> known(double tolerance, double xTol) {
        if (objective.isMaximized() || Double.isNaN(objective.minimum())) {
            return Optional.empty();
        }
        return Optional.of(known(objective.minimum(), tolerance, xTol));
    }

    /**
     * How the batch did against the optimum {@code fStar} (see {@link KnownOptimum}); the objective's known
     * minimizers count only when {@code fStar} is its known minimum and it is minimized.
     *
     * @param fStar     the optimum, finite
     * @param tolerance success tolerance, relative to {@code max(1, |f*|)}, at least 0
     * @param xTol      how close, in every coordinate, a member must end to a minimizer to have reached it, at
     *                  least 0
     * @return the figures against {@code fStar}
     * @throws IllegalArgumentException when {@code fStar} is not finite or a tolerance is negative or NaN
     */
    public KnownOptimum known(double fStar, double tolerance, double xTol) {
        if (!Double.isFinite(fStar) || !(tolerance >= 0) || !(xTol >= 0)) {
            throw new IllegalArgumentException("known optimum " + fStar + " must be finite, tolerances >= 0, got "
                    + tolerance + " and x " + xTol);
        }
        boolean max = objective.isMaximized();
        List<double[]> listed = !max && fStar == objective.minimum() ? objective.minimizers() : List.of();
        long[] reached = new long[listed.size()];
        int[] bestOf = new int[listed.size()];
        Arrays.fill(bestOf, -1);
        long successes = 0;
        int d = dimension();
        for (int m = firstMember(); m < endMember(); m++) {
            if (data.status(m) == Status.DIVERGED) {
                continue;
            }
            if (KnownOptimum.success(rankValue(m), fStar, tolerance, max)) {
                successes++;
            }
            for (int k = 0; k < listed.size(); k++) {
                double[] z = listed.get(k);
                boolean near = true;
                for (int i = 0; i < d && near; i++) {
                    near = Math.abs(data.x().get(m, i) - z[i]) <= xTol;
                }
                if (near) {
                    reached[k]++;
                    bestOf[k] = bestOf[k] < 0 || better(m, bestOf[k]) ? m : bestOf[k];
                }
            }
        }
        List<KnownOptimum.Minimizer> minimizers = new ArrayList<>();
        for (int k = 0; k < listed.size(); k++) {
            minimizers.add(new KnownOptimum.Minimizer(listed.get(k), reached[k], bestOf[k]));
        }
        OptionalInt b = best();
        double gap = b.isEmpty() ? Double.NaN : max ? fStar - rankValue(b.getAsInt()) : rankValue(b.getAsInt()) - fStar;
        return new KnownOptimum(fStar, tolerance, gap, successes, members(), xTol, minimizers);
    }

    /**
     * Start points per grid combination.
     *
     * @return s, with member m in combination {@code m / s}; the batch's size for a batch without a grid
     */
    public int startsPerCombination() {
        return startsPerCombination;
    }

    /**
     * Every grid combination's summary, in grid order (a batch without a grid is one combination), with the
     * hyperparameters that differ between members (the grid's axes) as the combination has them. A member
     * succeeds when its value is within {@code tolerance * max(1, |target|)} of {@code target} or better: give f*
     * where it is known, else for instance the best value of the batch. A ranged run summarizes the combinations
     * whose members it holds all of.
     *
     * @param target    the value members succeed against
     * @param tolerance success tolerance, relative to {@code max(1, |target|)}
     * @return one summary per combination, in grid order
     */
    public List<CombinationSummary> combinations(double target, double tolerance) {
        int s = startsPerCombination;
        int[] index = new int[s];
        double[] values = new double[s];
        int[] steps = new int[s];
        boolean[] diverged = new boolean[s];
        List<CombinationSummary> out = new ArrayList<>();
        for (int c = (firstMember() + s - 1) / s; c < endMember() / s; c++) {
            for (int j = 0; j < s; j++) {
                int m = c * s + j;
                index[j] = m;
                values[j] = rankValue(m);
                steps[j] = data.steps(m);
                diverged[j] = data.status(m) == Status.DIVERGED;
            }
            Map<String, Double> axes = new LinkedHashMap<>();
            for (Map.Entry<String, Param> e : parameters().entrySet()) {
                if (!e.getValue().isUniform()) {
                    axes.put(e.getKey(), e.getValue().at(c * s));
                }
            }
            out.add(CombinationSummary.of(c, axes, index, values, steps, diverged, target, tolerance,
                    objective.isMaximized()));
        }
        return out;
    }

    /**
     * Every grid combination's summary as {@link #combinations(double, double)} makes it, with the best value of
     * the batch as the target: where no optimum is known, a member succeeds when it comes within {@code tolerance}
     * of the best any member found. Empty when every member diverged.
     *
     * @param tolerance success tolerance, relative to {@code max(1, |best|)}
     * @return one summary per combination, in grid order
     */
    public List<CombinationSummary> combinations(double tolerance) {
        OptionalInt b = best();
        return b.isEmpty() ? List.of() : combinations(rankValue(b.getAsInt()), tolerance);
    }

    /**
     * The best, 10 %, median and 90 % values over the members at every recorded step (see {@link ValueQuantiles}).
     *
     * @return the quantiles at each recorded step
     * @throws IllegalStateException when the run kept no history ({@link Engine#history})
     */
    public ValueQuantiles valueQuantiles() {
        if (historyEvery() == 0) {
            throw new IllegalStateException("f over the steps needs the members' history: run with Engine.history");
        }
        int points = historySize();
        int n = members();
        int d = dimension();
        int[] steps = new int[points];
        double[][] q = new double[4][points];
        long[] counted = new long[points];
        ObjectiveTwin64 twin = objective.source().twin64(d);
        int lanes = 1024;
        double[][] x = new double[d][lanes];
        double[] f = new double[lanes];
        double[] values = new double[n];
        double sign = objective.isMaximized() ? -1 : 1;
        for (int k = 0; k < points; k++) {
            steps[k] = k * historyEvery();
            MemberResults.Points p = data.history(k);
            int kept = 0;
            for (int first = firstMember(); first < endMember(); first += lanes) {
                int count = Math.min(lanes, endMember() - first);
                for (int j = 0; j < count; j++) {
                    for (int i = 0; i < d; i++) {
                        x[i][j] = p.get(first + j, i);
                    }
                }
                twin.value(x, f, count);
                for (int j = 0; j < count; j++) {
                    if (Double.isFinite(f[j])) {
                        values[kept++] = sign * f[j];
                    }
                }
            }
            Arrays.sort(values, 0, kept);
            double[] at = {0, 0.1, 0.5, 0.9};
            for (int a = 0; a < at.length; a++) {
                q[a][k] = sign * ValueQuantiles.quantile(values, kept, at[a]);
            }
            counted[k] = kept;
        }
        return new ValueQuantiles(steps, q[0], q[1], q[2], q[3], counted);
    }


    /** Every member that did not diverge, best first. */
    private int[] rankedMembers() {
        int[] order = new int[members() - (int) count(Status.DIVERGED)];
        int k = 0;
        for (int m = firstMember(); m < endMember(); m++) {
            if (data.status(m) != Status.DIVERGED) {
                order[k++] = m;
            }
        }
        sortByRank(order);
        return order;
    }

    /**
     * How the search that made this result went ({@link Search}): its rounds, why it stopped, how each member's best
     * point was found.
     *
     * @return the search's summary, empty for a run of {@link Engine#run} alone
     */
    public Optional<SearchSummary> search() {
        return Optional.ofNullable(search);
    }

    /** Attaches the search's summary, once, before the result is handed out. */
    Result withSearch(SearchSummary s) {
        search = s;
        return this;
    }

    /**
     * The steps between recorded points ({@link Engine#history}).
     *
     * @return that interval, 0 when no history was asked for
     */
    public int historyEvery() {
        return data.historyEvery();
    }

    /**
     * The number of recorded points per member: after steps 0, every, 2*every, ... up to the step budget.
     *
     * @return {@code maxSteps / historyEvery() + 1}, 0 when no history was asked for
     */
    public int historySize() {
        return data.historySize();
    }

    /**
     * A member's point after {@code k * historyEvery()} steps (its final point once it has stopped; point 0 is
     * its start).
     *
     * @param m the member's index, in {@code [0, members())}
     * @param k the recorded point, in {@code [0, historySize())}
     * @return a new array of D coordinates; modifying it changes nothing here
     * @throws IllegalArgumentException when {@code k >= historySize()}, for instance when no history was kept
     */
    public double[] history(int m, int k) {
        MemberResults.Points p = data.history(k);
        if (p == null) {
            throw new IllegalArgumentException("history point " + k + " of " + historySize() + " asked for");
        }
        return p.get(m);
    }

    @Override
    public String toString() {
        OptionalInt b = best();
        return "Result[" + objective + ", " + members() + " members on " + backend + " " + precision()
                + (b.isEmpty() ? ", all diverged"
                : ", best f=" + f(b.getAsInt()) + " at " + Arrays.toString(x(b.getAsInt()))) + "]";
    }
}
