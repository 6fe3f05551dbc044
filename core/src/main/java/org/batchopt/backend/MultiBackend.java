package org.batchopt.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.batchopt.MathMode;
import org.batchopt.Precision;

/**
 * Several backends sharing each block: backend k takes the k-th contiguous share of the members, all at
 * once on their own threads. Results equal a single backend's, member for member (batch invariance).
 */
public final class MultiBackend implements BackendSpi {
    private final List<BackendSpi> parts;
    private final boolean owning;

    /**
     * @param parts  the backends, at least one; not modified
     * @param owning whether {@link #close()} closes them
     */
    public MultiBackend(List<? extends BackendSpi> parts, boolean owning) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no backends to share the batch");
        }
        this.parts = List.copyOf(parts);
        this.owning = owning;
    }

    @Override
    public String id() {
        return parts.stream().map(BackendSpi::id).collect(Collectors.joining("+"));
    }

    @Override
    public String device() {
        return parts.stream().map(BackendSpi::device).collect(Collectors.joining("; "));
    }

    @Override
    public void requirePrecision(Precision precision) {
        parts.forEach(p -> p.requirePrecision(precision));
    }

    @Override
    public int maxBlockMembers(RunPlan plan) {
        long sum = 0;
        for (BackendSpi p : parts) {
            sum += p.maxBlockMembers(plan);
        }
        return (int) Math.min(Integer.MAX_VALUE - 1, sum);
    }

    @Override
    public void requirePlan(RunPlan plan) {
        for (BackendSpi p : parts) {
            p.requirePlan(plan);
        }
    }

    @Override
    public void requireMath(MathMode math) {
        for (BackendSpi p : parts) {
            p.requireMath(math);
        }
    }

    @Override
    public long workingBytes(RunPlan plan) {
        long sum = 0;
        for (BackendSpi p : parts) {
            sum += p.workingBytes(plan);
        }
        return sum;
    }

    @Override
    public void run(RunPlan plan, MemberBlock block, MemberResults out, RunContext context) {
        int k = parts.size();
        int d = plan.dimension();
        List<Thread> threads = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            BackendSpi part = parts.get(p);
            int from = (int) ((long) block.count() * p / k);
            int to = (int) ((long) block.count() * (p + 1) / k);
            if (from == to) {
                continue;
            }
            double[] start = java.util.Arrays.copyOfRange(block.start(), from * d, to * d);
            MemberBlock share = new MemberBlock(block.first() + from, to - from, start);
            Thread t = new Thread(() -> {
                try {
                    part.run(plan, share, out, context);
                } catch (RuntimeException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "batchopt-" + part.id());
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + t.getName(), e);
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }

    @Override
    public void close() {
        if (owning) {
            for (int p = parts.size() - 1; p >= 0; p--) {
                parts.get(p).close();
            }
        }
    }
}
