#!/usr/bin/env bash
# Global search, side by side on this machine: batchopt's strategies on the CPU backend and scipy's
# differential_evolution and basinhopping, on the workloads of issue 17, several seeds each, interleaved so that
# every method meets the same load. Each run stops at f* + 1e-6 or after LIMIT seconds. Writes $OUT/runs.jsonl
# (one line per run) and $OUT/env.txt; summarize.py makes the table.
#
#   benchmarks/search/run.sh                     # every workload, seeds 1 2 3, 60 s limit
#   SEEDS="1" LIMIT=20 WORKLOADS="rastrigin:10" benchmarks/search/run.sh
#
# Settings (environment): OUT (default benchmarks/results/search-<time>), SEEDS, LIMIT, WORKLOADS (name:D ...),
# STRATEGIES (batchopt's --search values), PEERS (scipy methods: de bh), JAR (target/batchopt.jar),
# PYTHON (/usr/bin/python3), SCHWEFEL_BOX (options added to Schwefel's runs, e.g. "--constrain box" where the
# constraints of issue 12 are there; without them Schwefel's descents may leave the box, and a best point outside
# the box counts as a miss).
set -uo pipefail
cd "$(dirname "$0")/../.."
OUT=${OUT:-benchmarks/results/search-$(date -u +%Y%m%dT%H%M%SZ)}
SEEDS=${SEEDS:-1 2 3}
LIMIT=${LIMIT:-60}
WORKLOADS=${WORKLOADS:-rastrigin:10 rastrigin:20 ackley:10 schwefel:10 levy:10 griewank:10 styblinski-tang:20}
STRATEGIES=${STRATEGIES:-auto basin-hopping restarts}
PEERS=${PEERS:-de bh}
JAR=${JAR:-target/batchopt.jar}
PYTHON=${PYTHON:-/usr/bin/python3}
mkdir -p "$OUT"
[ -f "$JAR" ] || ./batchopt functions > /dev/null

# The descent of every batchopt strategy, per function: gradient descent at about 1/L (L the largest curvature in
# the box), with heavy-ball momentum where the curvature at the minimum is far below L (Griewank, Levy,
# Styblinski-Tang), with a cosine schedule where the minimum is a cone's tip (Ackley); stopped on the gradient.
# Members: 1000 chains.
descent() {
    case $1 in
        rastrigin) echo "--optimizer sgd --lr 0.0025 --steps 50" ;;
        ackley) echo "--optimizer sgd --lr 0.05 --schedule cosine:100 --steps 100" ;;
        griewank) echo "--optimizer sgd --lr 0.5 --momentum 0.9 --steps 100" ;;
        levy) echo "--optimizer sgd --lr 0.1 --momentum 0.9 --steps 100" ;;
        styblinski-tang) echo "--optimizer sgd --lr 0.007 --momentum 0.5 --steps 100" ;;
        schwefel) echo "--optimizer sgd --lr 2 --steps 100 ${SCHWEFEL_BOX:-}" ;;
    esac
}
fstar() {
    case $1 in
        styblinski-tang) "$PYTHON" -c "print(-39.166165703771415464 * $2)" ;;
        schwefel) "$PYTHON" -c "print($2 * 2.072199648878189e-13)" ;;
        *) echo 0 ;;
    esac
}

{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "host: $(uname -srm), $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (modified)')"
    java -version 2>&1 | head -1
    "$PYTHON" -c 'import scipy, numpy, sys; print("python", sys.version.split()[0], "scipy", scipy.__version__, "numpy", numpy.__version__)'
    echo "command: SEEDS=\"$SEEDS\" LIMIT=$LIMIT WORKLOADS=\"$WORKLOADS\" STRATEGIES=\"$STRATEGIES\" PEERS=\"$PEERS\" benchmarks/search/run.sh"
} > "$OUT/env.txt"
cat "$OUT/env.txt"

for w in $WORKLOADS; do
    f=${w%%:*}
    d=${w##*:}
    target=$("$PYTHON" -c "print($(fstar "$f" "$d") + 1e-6)")
    for seed in $SEEDS; do
        for s in $STRATEGIES; do
            args="run --function $f --dim $d --members 1000 $(descent "$f") --grad-tol 1e-8 --precision fp64 \
                --backend cpu --seed $seed --search $s --target $target --time-limit $LIMIT --format json --top 1 --quiet"
            t0=$(date +%s.%N)
            java -jar "$JAR" $args > "$OUT/last.json" 2> "$OUT/last.err"
            rc=$?
            t1=$(date +%s.%N)
            "$PYTHON" - "$OUT/last.json" "$f" "$d" "$s" "$seed" "$rc" "$t0" "$t1" "$target" "$args" >> "$OUT/runs.jsonl" <<'PY'
import json, sys
sys.path.insert(0, "benchmarks/search")
from scipy_peers import FUNCTIONS
path, f, d, s, seed, rc, t0, t1, target, args = sys.argv[1:]
row = {"function": f, "dim": int(d), "method": "batchopt " + s, "seed": int(seed), "rc": int(rc),
       "process_seconds": round(float(t1) - float(t0), 3), "command": "batchopt " + " ".join(args.split())}
if int(rc) == 0:
    j = json.load(open(path))
    se = j["search"]
    # The function's box, as scipy's methods keep to it: a best point outside it (Schwefel's descents leave the box
    # unless they are projected into it) does not count as the global minimum.
    lo, hi = FUNCTIONS[f][1]
    in_box = all(lo <= v <= hi for v in j["best"]["x"])
    row.update({"seconds": round(se["seconds"], 3), "f": j["best"]["f"], "in_box": in_box,
                "reached": in_box and j["best"]["f"] <= float(target),
                "rounds": se["rounds"], "member_steps": se["member_steps"], "stop": se["stop"],
                "how": se["best"]["how"], "members_at_reference": se["members_at_reference"],
                "descents_at_reference": se["descents_at_reference"], "descents": se["descents"]})
print(json.dumps(row))
PY
            tail -1 "$OUT/runs.jsonl"
        done
        for p in $PEERS; do
            "$PYTHON" benchmarks/search/scipy_peers.py --functions "$f:$d" --seeds "$seed" --methods "$p" \
                --time-limit "$LIMIT" | tail -n +2 | tee -a "$OUT/runs.jsonl"
        done
    done
done
rm -f "$OUT/last.json" "$OUT/last.err"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/env.txt"
"$PYTHON" benchmarks/search/summarize.py "$OUT" | tee "$OUT/summary.md"
