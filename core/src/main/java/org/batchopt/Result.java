package org.batchopt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.batchopt.backend.MemberResults;
import org.batchopt.rule.UpdateRule;

/**
 * The outcome of a batch: per member its final x, f at x (f itself, also when maximizing), the objective the member
 * minimized there (f with the regularization penalties, {@link #objectiveValue}), the gradient norm, the steps
 * taken, its status and its hyperparameters; plus the best members and the distinct minima, both ranked by that
 * objective, which backend ran it, and where the time went.
 */
public final class Result {
    private final Objective objective;
    private final UpdateRule rule;
    private final MemberResults data;
    private final String backend;
    private final String device;
    private final Timing timing;
    private long[] statusCounts;
    /** Per-member weights of the penalties, null where the rule has none. */
    private final Param l1;
    private final Param[] quadratic;

    Result(Objective objective, UpdateRule rule, MemberResults data, String backend, String device, Timing timing) {
        this.objective = objective;
        this.rule = rule;
        this.data = data;
        this.backend = backend;
        this.device = device;
        this.timing = timing;
        Map<Hyperparameter, Param> p = rule.parameters();
        Param l1Weight = p.get(Hyperparameter.L1);
        this.l1 = l1Weight != null && l1Weight.anyNonZero() ? l1Weight : null;
        this.quadratic = java.util.stream.Stream.of(Hyperparameter.L2, Hyperparameter.WEIGHT_DECAY,
                Hyperparameter.DECOUPLED_WEIGHT_DECAY).map(p::get).filter(v -> v != null && v.anyNonZero())
                .toArray(Param[]::new);
    }

    public Objective objective() {
        return objective;
    }

    public UpdateRule rule() {
        return rule;
    }

    /** The backend that ran, as resolved ({@code cpu}, {@code opencl:0:0}, ...; several joined by '+'). */
    public String backend() {
        return backend;
    }

    public String device() {
        return device;
    }

    public Precision precision() {
        return data.precision();
    }

    public int dimension() {
        return data.dimension();
    }

    public int members() {
        return data.members();
    }

    public Timing timing() {
        return timing;
    }

    /** Member m's final point (a copy). */
    public double[] x(int m) {
        return data.x().get(m);
    }

    /** Coordinate i of member m's final point. */
    public double x(int m, int i) {
        return data.x().get(m, i);
    }

    /** f at member m's final point: the objective function itself, without penalties (also when maximizing). */
    public double f(int m) {
        return data.f(m);
    }

    /**
     * The objective member m minimized, at its final point: {@code f + penalty} ({@code f - penalty} when maximizing,
     * where f is maximized), with {@code penalty = l1*|x|_1 + (l2 + weight_decay + decoupled_weight_decay)/2*|x|^2}
     * in the member's own weights: the L1 term, coupled L2, torch's weight decay of the rule and decoupled weight decay, each
     * as the penalty whose gradient the rule adds. (For decoupled decay with a rule other than plain SGD this is its
     * nominal L2 penalty; the members' fixed points weigh it by the rule's metric, see {@link Stopping}.) Equal to
     * {@link #f} without regularization. Computed in double from x; reported as {@code objective}. Best members and
     * minima are ranked by it.
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

    /** Whether the objective differs from f: the rule has a penalty somewhere. */
    public boolean hasPenalty() {
        return l1 != null || quadratic.length > 0;
    }

    public double gradientNorm(int m) {
        return data.gradientNorm(m);
    }

    public int steps(int m) {
        return data.steps(m);
    }

    public Status status(int m) {
        return data.status(m);
    }

    /** Member m's hyperparameters in kernel order, by {@link Hyperparameter#id} (lr, momentum, beta1, t_max, l2, ...). */
    public Map<String, Double> hyperparameters(int m) {
        Map<String, Double> h = new LinkedHashMap<>();
        rule.parameters().forEach((k, p) -> h.put(k.id(), p.at(m)));
        return h;
    }

    /** Number of members that ended with {@code status}. */
    public long count(Status status) {
        long[] counts = statusCounts;
        if (counts == null) {
            counts = new long[Status.values().length];
            for (int m = 0; m < members(); m++) {
                counts[data.status(m).ordinal()]++;
            }
            statusCounts = counts;
        }
        return counts[status.ordinal()];
    }

    /**
     * The best member: lowest objective ({@link #objectiveValue}; highest when maximizing) among those that did not
     * diverge, ties to the lower index; empty when every member diverged.
     */
    public OptionalInt best() {
        int[] b = best(1);
        return b.length == 0 ? OptionalInt.empty() : OptionalInt.of(b[0]);
    }

    /**
     * The k best members, best first, diverged members excluded; ties go to the lower index. Takes time
     * proportional to N log k and memory proportional to k.
     */
    public int[] best(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("best " + k + " members asked for");
        }
        int[] heap = new int[Math.min(k, members())];
        int size = 0;
        for (int m = 0; m < members(); m++) {
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

    /** True when member a ranks before member b: better objective, then lower index. */
    private boolean better(int a, int b) {
        double fa = objectiveValue(a);
        double fb = objectiveValue(b);
        int c = objective.isMaximized() ? Double.compare(fb, fa) : Double.compare(fa, fb);
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
     * order of their objective ({@link #objectiveValue}); a member joins the first minimum whose best point is
     * within {@code xTol} of its final point in every coordinate and whose best objective is within
     * {@code fTol * max(1, |objective|)} of its objective; otherwise it founds a new minimum. Diverged members are
     * left out.
     */
    public List<Minimum> minima(double xTol, double fTol) {
        if (!(xTol >= 0) || !(fTol >= 0)) {
            throw new IllegalArgumentException("cluster tolerances must be >= 0, got x " + xTol + ", f " + fTol);
        }
        int[] order = rankedMembers();
        List<double[]> centers = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<List<Integer>> groups = new ArrayList<>();
        int d = dimension();
        int firstCandidate = 0;
        List<Double> fs = new ArrayList<>();
        for (int m : order) {
            double fm = objectiveValue(m);
            double ftol = fTol * Math.max(1, Math.abs(fm));
            while (firstCandidate < values.size() && Math.abs(values.get(firstCandidate) - fm) > ftol) {
                firstCandidate++;
            }
            int found = -1;
            for (int c = firstCandidate; c < centers.size() && found < 0; c++) {
                double[] center = centers.get(c);
                boolean near = true;
                for (int i = 0; i < d && near; i++) {
                    near = Math.abs(center[i] - data.x().get(m, i)) <= xTol;
                }
                if (near) {
                    found = c;
                }
            }
            if (found < 0) {
                centers.add(data.x().get(m));
                values.add(fm);
                fs.add(data.f(m));
                groups.add(new ArrayList<>(List.of(m)));
            } else {
                groups.get(found).add(m);
            }
        }
        List<Minimum> minima = new ArrayList<>();
        for (int c = 0; c < centers.size(); c++) {
            int[] members = groups.get(c).stream().mapToInt(Integer::intValue).toArray();
            minima.add(new Minimum(centers.get(c), fs.get(c), values.get(c), members.length, members));
        }
        return sortedByValue(minima);
    }

    private List<Minimum> sortedByValue(List<Minimum> minima) {
        Comparator<Minimum> byF = Comparator.comparingDouble(Minimum::objective);
        minima.sort((objective.isMaximized() ? byF.reversed() : byF).thenComparingInt(mn -> mn.members()[0]));
        return minima;
    }

    /** Every member that did not diverge, best first. */
    private int[] rankedMembers() {
        int[] order = new int[members() - (int) count(Status.DIVERGED)];
        int k = 0;
        for (int m = 0; m < members(); m++) {
            if (data.status(m) != Status.DIVERGED) {
                order[k++] = m;
            }
        }
        sortByRank(order);
        return order;
    }

    /** Steps between recorded points, 0 when no history was asked for. */
    public int historyEvery() {
        return data.historyEvery();
    }

    /** Number of recorded points per member: steps 0, every, 2*every, ... up to the step budget. */
    public int historySize() {
        return data.historySize();
    }

    /** Member m's point after {@code k * historyEvery()} steps (its final point once it has stopped). */
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
