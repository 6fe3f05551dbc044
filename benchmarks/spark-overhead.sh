#!/usr/bin/env bash
# The overhead of Spark: the same job with the plain engine (./batchopt run) and on Spark in local mode
# (./batchopt run ... --spark local[2]), alternately, REPEAT times each, on this machine. Prints one markdown row per
# run: the job, the path, the command's wall time (JVM start, and for Spark the session's start, included) and the
# job's own time (timing.total: the engine's run, or the Spark driver's from the job's build to the merged result),
# and checks that both print the same members, minima and counts (only backend, device and timing differ).
# The job is README's Rastrigin search (D = 10, Adam, lr 2 along a cosine, 1000 steps, Sobol starts) with MEMBERS
# members: the short one with --minima, the long one without (the local run's clustering scans every minimum found).
# Usage: benchmarks/spark-overhead.sh [REPEAT [SHORT_MEMBERS [LONG_MEMBERS]]]   (default: 2, 30000, 300000)
set -euo pipefail
cd "$(dirname "$0")/.."
repeat=${1:-2}
sizes=("${2:-30000}" "${3:-300000}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
./batchopt functions > /dev/null
./batchopt run --function sphere --dim 2 --members 4 --steps 1 --spark 'local[2]' --quiet > /dev/null
echo "| members | path | wall s | job s |"
echo "|---|---|---|---|"
for n in "${sizes[@]}"; do
    job=(run --function rastrigin --dim 10 --members "$n" --lr 2 --schedule cosine:1000 --top 5 --format json --quiet)
    [[ $n == "${sizes[0]}" ]] && job+=(--minima)
    for r in $(seq "$repeat"); do
        for path in local spark; do
            extra=()
            [[ $path == spark ]] && extra=(--spark 'local[2]')
            t0=$(date +%s.%N)
            ./batchopt "${job[@]}" "${extra[@]}" --out "$tmp/$path.json"
            t1=$(date +%s.%N)
            total=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['timing']['total'])" "$tmp/$path.json")
            printf '| %s | %s | %.1f | %.1f |\n' "$n" "$path" "$(echo "$t1 - $t0" | bc)" "$total"
        done
        python3 - "$tmp/local.json" "$tmp/spark.json" <<'PY'
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:])
for d in (a, b):
    for k in ("backend", "device", "timing"):
        d.pop(k)
if a != b:
    sys.exit("the Spark run printed other results than the local run")
PY
    done
done
