package org.batchopt.backend.cuda;

import static jcuda.driver.JCudaDriver.cuEventCreate;
import static jcuda.driver.JCudaDriver.cuEventDestroy;
import static jcuda.driver.JCudaDriver.cuEventElapsedTime;
import static jcuda.driver.JCudaDriver.cuEventRecord;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jcuda.driver.CUevent;
import jcuda.driver.CUevent_flags;
import jcuda.driver.CUstream;

/**
 * Device time in kernels on one stream, from CUDA events. Launches issued back to back form one interval: an
 * event before the first, an event when anything else (a copy) is issued or the host waits; the intervals
 * are read once the stream has reached them. So kernel time excludes copies and the host's gaps between
 * chunks, at the cost of two events per chunk. In per-launch mode every launch is its own interval, and the
 * time is also kept per kernel name (for profiling; an event pair per launch costs a few microseconds).
 * The caller makes the context current. Not thread-safe.
 */
final class KernelTimer implements AutoCloseable {
    /** Name of an interval that spans several kernels. */
    static final String MIXED = "(several kernels)";

    private record Interval(String kernel, int launches, CUevent start, CUevent end) {
    }

    private final String spec;
    private final CUstream stream;
    private final Deque<CUevent> spare = new ArrayDeque<>();
    private final List<CUevent> owned = new ArrayList<>();
    private final List<Interval> pending = new ArrayList<>();
    private final Map<String, long[]> perKernel = new LinkedHashMap<>();
    private boolean perLaunch;
    private CUevent openStart;
    private String openKernel;
    private int openLaunches;
    private long nanos;

    KernelTimer(String spec, CUstream stream) {
        this.spec = spec;
        this.stream = stream;
    }

    void perLaunch(boolean on) {
        perLaunch = on;
    }

    /** Before launching {@code kernel}. */
    void beforeLaunch(String kernel) {
        if (openStart == null) {
            openStart = record();
            openKernel = kernel;
            openLaunches = 0;
        } else if (!openKernel.equals(kernel)) {
            openKernel = MIXED;
        }
        openLaunches++;
    }

    /** After launching. */
    void afterLaunch() {
        if (perLaunch) {
            endInterval();
        }
    }

    /** Before a copy or a wait: ends the open interval, if any. */
    void endInterval() {
        if (openStart != null) {
            CUevent end = record();
            pending.add(new Interval(openKernel, openLaunches, openStart, end));
            openStart = null;
        }
    }

    /** After the stream has been waited for: adds up the ended intervals. */
    void collect() {
        float[] ms = new float[1];
        for (Interval i : pending) {
            CudaErrors.check(cuEventElapsedTime(ms, i.start(), i.end()), spec, "reading kernel time");
            long ns = Math.round(ms[0] * 1e6);
            nanos += ns;
            long[] k = perKernel.computeIfAbsent(i.kernel(), n -> new long[2]);
            k[0] += i.launches();
            k[1] += ns;
            spare.push(i.start());
            spare.push(i.end());
        }
        pending.clear();
    }

    /** Kernel nanoseconds collected since the previous call. */
    long take() {
        long t = nanos;
        nanos = 0;
        return t;
    }

    /** Time per kernel name collected since {@link #resetProfile()}. */
    Map<String, CudaBackend.KernelTime> profile() {
        Map<String, CudaBackend.KernelTime> out = new LinkedHashMap<>();
        perKernel.forEach((k, v) -> out.put(k, new CudaBackend.KernelTime(v[0], v[1] * 1e-9)));
        return out;
    }

    void resetProfile() {
        perKernel.clear();
    }

    private CUevent record() {
        CUevent e = spare.poll();
        if (e == null) {
            e = new CUevent();
            CudaErrors.check(cuEventCreate(e, CUevent_flags.CU_EVENT_DEFAULT), spec, "creating an event");
            owned.add(e);
        }
        CudaErrors.check(cuEventRecord(e, stream), spec, "recording an event");
        return e;
    }

    @Override
    public void close() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            cuEventDestroy(owned.get(i));
        }
        owned.clear();
        spare.clear();
        pending.clear();
        openStart = null;
    }
}
