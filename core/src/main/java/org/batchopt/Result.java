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
 * The outcome of a batch: per member its final x, f at x (f itself, also when maximizing), the gradient norm
 * there, the steps taken, its status and its hyperparameters; plus the best members, the distinct minima,
 * which backend ran it, and where the time went. Members are numbered {@code 0..members()-1} in batch order;
 * points are kept in the run's precision (an fp32 run's as the floats they are). Read-only: no method changes it.
 */
public final class Result {
    private final Objective objective;
    private final UpdateRule rule;
    private final MemberResults data;
    private final String backend;
    private final String device;
    private final Timing timing;
    private long[] statusCounts;

    Result(Objective objective, UpdateRule rule, MemberResults data, String backend, String device, Timing timing) {
        this.objective = objective;
        this.rule = rule;
        this.data = data;
        this.backend = backend;
        this.device = device;
        this.timing = timing;
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
     * The number of members.
     *
     * @return the batch's {@link Batch#members()}
     */
    public int members() {
        return data.members();
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
     * The objective's value at a member's final point: f itself, also when maximizing.
     *
     * @param m the member's index, in {@code [0, members())}
     * @return f, possibly non-finite for a {@link Status#DIVERGED} member
     */
    public double f(int m) {
        return data.f(m);
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
     * A member's hyperparameters, the rule's {@link UpdateRule#parameters()} at that member.
     *
     * @param m the member's index, in {@code [0, members())}
     * @return a new map in kernel order, by {@link Hyperparameter#id} ({@code lr}, {@code momentum},
     *         {@code beta1}, {@code t_max}, {@code l2}, ...) to the member's value
     */
    public Map<String, Double> hyperparameters(int m) {
        Map<String, Double> h = new LinkedHashMap<>();
        rule.parameters().forEach((k, p) -> h.put(k.id(), p.at(m)));
        return h;
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
            for (int m = 0; m < members(); m++) {
                counts[data.status(m).ordinal()]++;
            }
            statusCounts = counts;
        }
        return counts[status.ordinal()];
    }

    /**
     * The best member: lowest f (highest when maximizing) among those that did not diverge, ties to the lower
     * index.
     *
     * @return its index; empty when every member diverged
     */
    public OptionalInt best() {
        int[] b = best(1);
        return b.length == 0 ? OptionalInt.empty() : OptionalInt.of(b[0]);
    }

    /**
     * The k best members, best first, diverged members excluded; ties go to the lower index. Takes time
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

    /** True when member a ranks before member b: better f, then lower index. */
    private boolean better(int a, int b) {
        double fa = data.f(a);
        double fb = data.f(b);
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
     * order of f; a member joins the first minimum whose best point is within {@code xTol} of its final
     * point in every coordinate and whose best f is within {@code fTol * max(1, |f|)} of its f; otherwise
     * it founds a new minimum. Diverged members are left out.
     *
     * @param xTol how far, in every coordinate, a member's final point may lie from a minimum's best point,
     *             {@code >= 0}, in the units of x
     * @param fTol how far its f may lie from the minimum's best f, relative to {@code max(1, |f|)}, {@code >= 0}
     * @return a new list of the minima, best f first, ties to the lower best member; empty when every member
     *         diverged
     * @throws IllegalArgumentException when a tolerance is negative or NaN
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
        for (int m : order) {
            double fm = data.f(m);
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
                groups.add(new ArrayList<>(List.of(m)));
            } else {
                groups.get(found).add(m);
            }
        }
        List<Minimum> minima = new ArrayList<>();
        for (int c = 0; c < centers.size(); c++) {
            int[] members = groups.get(c).stream().mapToInt(Integer::intValue).toArray();
            minima.add(new Minimum(centers.get(c), values.get(c), members.length, members));
        }
        return sortedByValue(minima);
    }

    private List<Minimum> sortedByValue(List<Minimum> minima) {
        Comparator<Minimum> byF = Comparator.comparingDouble(Minimum::f);
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
