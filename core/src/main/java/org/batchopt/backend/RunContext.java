package org.batchopt.backend;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What a backend reports while it runs: time spent compiling, moving data and computing, and progress.
 * Thread-safe; several devices may report into one context.
 */
public final class RunContext {
    private final AtomicLong compileNanos = new AtomicLong();
    private final AtomicLong transferNanos = new AtomicLong();
    private final AtomicLong runNanos = new AtomicLong();
    private final AtomicLong memberSteps = new AtomicLong();
    private final AtomicLong finished = new AtomicLong();
    private final Consumer<RunContext> onProgress;

    /** @param onProgress called (from backend threads) after each progress report */
    public RunContext(Consumer<RunContext> onProgress) {
        this.onProgress = onProgress;
    }

    public void addCompile(long nanos) {
        compileNanos.addAndGet(nanos);
    }

    public void addTransfer(long nanos) {
        transferNanos.addAndGet(nanos);
    }

    public void addRun(long nanos) {
        runNanos.addAndGet(nanos);
    }

    /** {@code steps} member-steps done and {@code members} more members finished. */
    public void progress(long steps, int members) {
        memberSteps.addAndGet(steps);
        finished.addAndGet(members);
        onProgress.accept(this);
    }

    public double compileSeconds() {
        return compileNanos.get() * 1e-9;
    }

    public double transferSeconds() {
        return transferNanos.get() * 1e-9;
    }

    public double runSeconds() {
        return runNanos.get() * 1e-9;
    }

    public long memberSteps() {
        return memberSteps.get();
    }

    public long finishedMembers() {
        return finished.get();
    }
}
