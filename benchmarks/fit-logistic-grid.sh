#!/bin/bash
# The CPU target of `batchopt fit`: 256 logistic models (64 learning rates x 4 L2 values), 20 000 rows x 64
# features, 200 full-batch gradient steps, fp32, against peers/cpu_peers.py's numpy and PyTorch grids (256 models,
# per-model lr and L2, the same rows) on the same cores, alternating, REPEAT times (default 3). batchopt's figure is
# the run seconds of its JSON (the CSV is read before the run); the peers' are their loops' seconds.
# JAVA_CMD runs the command line (default: java -jar target/batchopt.jar); BEFORE_CMD, when set, runs another build
# of it (e.g. java -jar /tmp/main/target/batchopt.jar) in each round too, just before JAVA_CMD, reported as
# "batchopt-before", and each round checks that both give the same members (the JSON without its timing and device).
# ALSO_CMD, when set, runs a third build or setting (e.g. the same jar with -Dbatchopt.vector=false) just after
# JAVA_CMD, reported as "batchopt-also", checked the same way.
set -e
cd "$(dirname "$0")/.."
CMD=${JAVA_CMD:-java -jar target/batchopt.jar}
BEFORE=${BEFORE_CMD:-}
ALSO=${ALSO_CMD:-}
REPEAT=${REPEAT:-3}
DATA=$(mktemp --suffix=.csv)
OUT=$(mktemp -d)
trap 'rm -f "$DATA"; rm -rf "$OUT"' EXIT
/usr/bin/python3 - "$DATA" <<'PY'
import sys, numpy as np
rng = np.random.default_rng(1)                   # the rows of cpu_peers.py grid
N, F = 20000, 64
X = rng.standard_normal((N, F), dtype=np.float32)
w = rng.standard_normal(F).astype(np.float32)
y = (X @ w + rng.standard_normal(N).astype(np.float32) > 0).astype(np.float32)
with open(sys.argv[1], "w") as f:
    f.write(",".join("x%d" % (k + 1) for k in range(F)) + ",y\n")
    np.savetxt(f, np.column_stack([X, y]), fmt="%.9g", delimiter=",")
PY
LR=$(/usr/bin/python3 -c "import numpy as np; print(','.join('%.6g' % v for v in np.logspace(-3, 0, 64)))")
# grid PEER COMMAND...: one run of the grid; prints its figures as a line of JSON, keeps its members (no timing)
grid() {
  local peer=$1
  shift
  "$@" fit --data "$DATA" --model logistic --optimizer sgd --lr "$LR" --l2 0,1e-4,1e-3,1e-2 --steps 200 \
      --precision fp32 --format json -q > "$OUT/$peer.json"
  /usr/bin/python3 - "$OUT/$peer.json" "$peer" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
print(json.dumps({'peer': sys.argv[2], 'models': j['member_count'], 'steps': j['max_steps'],
                  'seconds': round(j['timing']['run'], 3), 'total': round(j['timing']['total'], 3)}))
j.pop('timing')
j.pop('device', None)                            # names the lanes that ran (plain or Vector API)
json.dump(j, open(sys.argv[1], 'w'), sort_keys=True)
PY
}
for r in $(seq "$REPEAT"); do
  if [ -n "$BEFORE" ]; then
    grid batchopt-before $BEFORE
  fi
  grid batchopt $CMD
  if [ -n "$ALSO" ]; then
    grid batchopt-also $ALSO
  fi
  for other in before also; do
    if [ -f "$OUT/batchopt-$other.json" ] && ! cmp -s "$OUT/batchopt-$other.json" "$OUT/batchopt.json"; then
      echo "batchopt and batchopt-$other give different members" >&2
      exit 1
    fi
  done
  /usr/bin/python3 benchmarks/peers/cpu_peers.py grid numpy 256 20000 64 200
  /usr/bin/python3 benchmarks/peers/cpu_peers.py grid torch 256 20000 64 200
done
