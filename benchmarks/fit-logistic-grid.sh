#!/bin/bash
# The CPU target of `batchopt fit`: 256 logistic models (64 learning rates x 4 L2 values), 20 000 rows x 64
# features, 200 full-batch gradient steps, fp32, against peers/cpu_peers.py's numpy and PyTorch grids (256 models,
# per-model lr and L2, the same rows) on the same cores, alternating, REPEAT times (default 3). batchopt's figure is
# the run seconds of its JSON (the CSV is read before the run); the peers' are their loops' seconds.
# JAVA_CMD runs the command line (default: java -jar target/batchopt.jar).
set -e
cd "$(dirname "$0")/.."
CMD=${JAVA_CMD:-java -jar target/batchopt.jar}
REPEAT=${REPEAT:-3}
DATA=$(mktemp --suffix=.csv)
trap 'rm -f "$DATA"' EXIT
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
for r in $(seq "$REPEAT"); do
  $CMD fit --data "$DATA" --model logistic --optimizer sgd --lr "$LR" --l2 0,1e-4,1e-3,1e-2 --steps 200 \
      --precision fp32 --format json -q | /usr/bin/python3 -c "
import json, sys; j = json.load(sys.stdin)
print(json.dumps({'peer': 'batchopt', 'models': j['member_count'], 'steps': j['max_steps'],
                  'seconds': round(j['timing']['run'], 3), 'total': round(j['timing']['total'], 3)}))"
  /usr/bin/python3 benchmarks/peers/cpu_peers.py grid numpy 256 20000 64 200
  /usr/bin/python3 benchmarks/peers/cpu_peers.py grid torch 256 20000 64 200
done
