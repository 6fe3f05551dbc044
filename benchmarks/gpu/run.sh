#!/usr/bin/env bash
# The device checks of the CUDA backend, for a GPU machine: run from the repository root with .gpu/ built by
# benchmarks/gpu/prepare.sh (a Java runtime and jars: no JDK, no Maven needed). Writes everything under $OUT:
#
#   env.txt          date, host, nvidia-smi, driver, NVRTC and Java versions, the backends batchopt finds
#   parity.out       the parity suite and the CUDA tests on $BACKEND (JUnit console), XML reports in junit/
#   bench.jsonl      batchopt's four workloads on $BACKEND, kernel-only and end-to-end (GpuBench)
#   fit.jsonl        the fit grid (1024 logistic models, 65,536 x 128 rows, 200 steps, fp32) on $BACKEND, kernel-only
#                    and end-to-end, strict and (on CUDA) --math fast with the fast results' deviation from the
#                    strict ones, and a small grid on $BACKEND against the CPU, bit for bit (FitBench)
#   search.jsonl     the global searches of benchmarks/search/ at 2^20 chains (SearchBench)
#   opencl.out, opencl-bench.jsonl   the parity suite and Rosenbrock D=8 fp32 on NVIDIA's OpenCL platform
#   peers.jsonl      peers.py (JAX, PyTorch) on the same workloads
#   summary.txt      ratios against the peers and the figures the issue asks for (summarize.py)
#   run.log, steps.txt   what ran, when, with which exit status
#
# Every step has its own time limit and a failing step does not stop the others. The limits add up to more
# than 10 minutes and the whole run has not yet been timed on an H200 with the fit grid and the peers' grids in
# it: where one command may run at most 10 minutes, run it in two parts, e.g. PEERS=0 SEARCH=0 first, then
# PARITY=0 BENCH=0 FIT=0 OPENCL=0 (both write under the same OUT when it is given). Settings (environment): OUT (default benchmarks/results/local-<time>),
# BACKEND (cuda:0), SCALE (1: member counts of the workloads), REPEATS (3), PARITY/BENCH/PEERS (1 runs
# the step, 0 skips it; FIT, OPENCL and SEARCH likewise), SEARCH_LIMIT (8: seconds per search), FIT_MATH (the fit
# grid's second math beside strict: fast on a cuda backend, strict (none) elsewhere; fast-tf32 for cuBLAS's TF32
# products), PYTHON (python3), JAVA (.gpu/runtime/bin/java).
set -uo pipefail
cd "$(dirname "$0")/../.."
OUT=${OUT:-$PWD/benchmarks/results/local-$(date -u +%Y%m%dT%H%M%SZ)}
BACKEND=${BACKEND:-cuda:0}
SCALE=${SCALE:-1}
REPEATS=${REPEATS:-3}
PYTHON=${PYTHON:-python3}
JAVA=${JAVA:-.gpu/runtime/bin/java}
mkdir -p "$OUT"
export BATCHOPT_CACHE=${BATCHOPT_CACHE:-${TMPDIR:-/tmp}/batchopt-cubin-cache}
# The driver's libraries where GPU containers mount them, when the loader does not know that folder.
if ! (ldconfig -p 2>/dev/null | grep -q 'libcuda\.so\.1') && [ -e /usr/local/nvidia/lib64/libcuda.so.1 ]; then
    export LD_LIBRARY_PATH=/usr/local/nvidia/lib64${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
fi
CP=".gpu/lib/*"
# The CPU side (the bit-for-bit checks against the CPU) on the Vector API's lanes, as the launcher runs it.
JVM=(-Xmx24g -XX:+UseParallelGC --add-modules jdk.incubator.vector)

log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$OUT/run.log"; }
step() {
    local name=$1 limit=$2
    shift 2
    log "$name: $*"
    local t0=$SECONDS
    timeout --kill-after=10 "$limit" "$@" >>"$OUT/$name.out" 2>&1
    local rc=$?
    log "$name: exit $rc after $((SECONDS - t0)) s"
    echo "$name $rc $((SECONDS - t0))s" >>"$OUT/steps.txt"
}

if [ ! -x "$JAVA" ] || [ ! -f .gpu/lib/batchopt.jar ]; then
    echo "run.sh: no $JAVA or .gpu/lib/batchopt.jar: run benchmarks/gpu/prepare.sh first and carry .gpu" >&2
    exit 2
fi
log "batchopt device checks: backend $BACKEND, scale $SCALE, repeats $REPEATS, out $OUT"

# (d) The machine.
{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "host: $(uname -srm)"
    cat .gpu/BUILD 2>/dev/null
    echo "command: benchmarks/gpu/run.sh (BACKEND=$BACKEND SCALE=$SCALE REPEATS=$REPEATS)"
    echo "LD_LIBRARY_PATH=${LD_LIBRARY_PATH:-}"
    echo "BATCHOPT_CACHE=$BATCHOPT_CACHE"
    echo "--- nvidia-smi"
    if command -v nvidia-smi >/dev/null; then
        nvidia-smi
        nvidia-smi --query-gpu=index,name,pci.bus_id,driver_version,memory.total,clocks.max.sm,clocks.max.mem,power.limit --format=csv
    else
        echo "(no nvidia-smi)"
    fi
    echo "--- /proc/driver/nvidia/version"
    cat /proc/driver/nvidia/version 2>/dev/null || echo "(none)"
    echo "--- libraries"
    ls -l /usr/local/cuda/targets/x86_64-linux/lib/libnvrtc* /usr/local/cuda/lib64/libnvrtc* 2>/dev/null
    ls -l /usr/local/cuda/targets/x86_64-linux/lib/libcublas.so* /usr/local/cuda/lib64/libcublas.so* 2>/dev/null
    (ldconfig -p 2>/dev/null | grep -E 'libcuda\.so|libnvrtc|libcublas\.so') || true
    echo "--- java"
    "$JAVA" -version 2>&1
    echo "--- python"
    "$PYTHON" -c 'import sys; print(sys.version)' 2>&1
    "$PYTHON" -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda)' 2>&1 | tail -1
    "$PYTHON" -c 'import jax; print("jax", jax.__version__, jax.devices())' 2>&1 | tail -1
    echo "--- batchopt backends"
} >"$OUT/env.txt" 2>&1
step env 60 "$JAVA" -cp "$CP" org.batchopt.bench.GpuBench --list
cat "$OUT/env.out" >>"$OUT/env.txt" && rm -f "$OUT/env.out"

# (a) The parity suite on $BACKEND, every other test of the CUDA backend, and the NVRTC compilations.
if [ "${PARITY:-1}" = 1 ]; then
    step parity 240 "$JAVA" "${JVM[@]}" -Dbatchopt.parity.devices="$BACKEND" \
        -cp "$CP:.gpu/junit/junit-platform-console-standalone.jar" org.junit.platform.console.ConsoleLauncher \
        execute --disable-banner --disable-ansi-colors --fail-if-no-tests --details=tree --details-theme=ascii \
        --select-package org.batchopt.parity --select-package org.batchopt.backend.cuda \
        --reports-dir "$OUT/junit"
fi

# (b) batchopt on the four workloads.
if [ "${BENCH:-1}" = 1 ]; then
    step bench 240 "$JAVA" "${JVM[@]}" -cp "$CP" org.batchopt.bench.GpuBench --backend "$BACKEND" \
        --scale "$SCALE" --repeats "$REPEATS"
    grep '^{' "$OUT/bench.out" >"$OUT/bench.jsonl"
fi

# (e) The fit grid of peers.py grid (issue 11): strict fp32, and on CUDA --math fast (cuBLAS) with its deviation
# from strict, kernel and end-to-end time apart; then a small grid on $BACKEND against the CPU, bit for bit (exit 1
# when they differ or the fast runs fail).
if [ "${FIT:-1}" = 1 ]; then
    case "$BACKEND" in cuda*) fit_math=${FIT_MATH:-fast} ;; *) fit_math=${FIT_MATH:-strict} ;; esac
    step fit 300 "$JAVA" "${JVM[@]}" -cp "$CP" org.batchopt.bench.FitBench --backend "$BACKEND" \
        --scale "$SCALE" --repeats "$REPEATS" --math "$fit_math"
    grep '^{' "$OUT/fit.out" >"$OUT/fit.jsonl"
fi

# (b'') Global search at 2^20 chains (issue 17): each strategy of benchmarks/search/ on each workload, stopped at
# f* + 1e-6 or after SEARCH_LIMIT seconds; device and host time apart.
if [ "${SEARCH:-1}" = 1 ]; then
    search_members=$(awk -v s="$SCALE" 'BEGIN { m = int(1048576 * s + 0.5); print (m < 64 ? 64 : m) }')
    step search 200 "$JAVA" "${JVM[@]}" -cp "$CP" org.batchopt.bench.SearchBench --backend "$BACKEND" \
        --members "$search_members" --limit "${SEARCH_LIMIT:-8}"
    grep '^{' "$OUT/search.out" >"$OUT/search.jsonl"
fi

# (b') The OpenCL backend on NVIDIA's OpenCL platform, which only appears when its ICD is named explicitly.
NVIDIA_ICD=/usr/local/nvidia/lib64/libnvidia-opencl.so.1
if [ "${OPENCL:-1}" = 1 ] && [ -e "$NVIDIA_ICD" ]; then
    echo "$NVIDIA_ICD" >"${TMPDIR:-/tmp}/nvidia.icd"
    export OCL_ICD_VENDORS="${TMPDIR:-/tmp}/nvidia.icd"
    step opencl 150 "$JAVA" "${JVM[@]}" -Dbatchopt.parity.devices=opencl:0:0 \
        -cp "$CP:.gpu/junit/junit-platform-console-standalone.jar" org.junit.platform.console.ConsoleLauncher \
        execute --disable-banner --disable-ansi-colors --fail-if-no-tests --details=summary \
        --select-class org.batchopt.parity.ParityTest --select-class org.batchopt.backend.opencl.MathKernelTest \
        --reports-dir "$OUT/junit-opencl"
    step opencl-bench 90 "$JAVA" "${JVM[@]}" -cp "$CP" org.batchopt.bench.GpuBench --backend opencl:0:0 \
        --workload rosenbrock-fp32 --scale "$SCALE" --repeats "$REPEATS"
    grep '^{' "$OUT/opencl-bench.out" >"$OUT/opencl-bench.jsonl"
    unset OCL_ICD_VENDORS
fi

# (c) The peers on the same workloads and the same GPU.
if [ "${PEERS:-1}" = 1 ]; then
    members() { awk -v n="$1" -v s="$SCALE" 'BEGIN { m = int(n * s + 0.5); print (m < 1 ? 1 : m) }'; }
    m20=$(members 1048576); m18=$(members 262144); m22=$(members 4194304)
    for peer in jax torch; do
        step peers 90 "$PYTHON" .gpu/peers.py multistart --peer $peer --function rosenbrock --dim 8 --members "$m20" --steps 1000
        step peers 90 "$PYTHON" .gpu/peers.py multistart --peer $peer --function rastrigin --dim 16 --members "$m18" --steps 1000 --lr 0.01
        step peers 90 "$PYTHON" .gpu/peers.py multistart --peer $peer --function rosenbrock --dim 8 --members "$m20" --steps 1000 --precision fp64
    done
    step peers 90 "$PYTHON" .gpu/peers.py update --peer torch --members "$m22" --dim 64 --steps 50
    models=$(members 1024); samples=$(members 65536)
    for peer in jax torch; do
        step peers 120 "$PYTHON" .gpu/peers.py grid --peer $peer --samples "$samples" --features 128 \
            --models "$models" --steps 200 --repeats "$REPEATS"
    done
    grep '^{' "$OUT/peers.out" >"$OUT/peers.jsonl"
fi

"$PYTHON" benchmarks/gpu/summarize.py "$OUT" >"$OUT/summary.txt" 2>&1 || true
cat "$OUT/summary.txt"
log "done: $(tr '\n' ';' <"$OUT/steps.txt")"
