#!/bin/bash
# The CPU backend on the transcendental built-ins (issue 14): two jars alternating, ROUNDS rounds each, beside
# PyTorch's and numpy's runs of the same jobs on the same cores (benchmarks/peers/cpu_peers.py, /usr/bin/python3).
# Prints one line per run: workload, runner, run seconds (fastest of --repeat 3 for batchopt), member-steps/s.
#   OLD=jar NEW=jar ROUNDS=3 benchmarks/cpu-math.sh
# Every JVM gets --add-modules jdk.incubator.vector (the launcher's Vector API lanes, org.batchopt.kernel.VectorLanes);
# PLAIN=1 adds a third runner, NEW with -Dbatchopt.vector=false (its plain lanes), printed as "NEW:plain".
# ONLY: a regular expression on "function D=d precision" (e.g. 'ackley|levy'); PEER_STEPS: the peers' steps
# (default the workload's; their rate per member-step does not depend on it, their run time does).
OLD=${OLD:?the jar to compare against, e.g. built from main}
NEW=${NEW:-target/batchopt.jar}
ROUNDS=${ROUNDS:-3}
ONLY=${ONLY:-.}
PEERS=$(dirname "$0")/peers/cpu_peers.py
declare -a W
W+=("rastrigin 16 16384 1000 0.01 fp32")
W+=("ackley 16 16384 1000 0.01 fp32")
W+=("levy 16 16384 1000 0.01 fp32")
W+=("rastrigin 16 16384 1000 0.01 fp64")
W+=("rosenbrock 8 65536 1000 0.001 fp32")
for w in "${W[@]}"; do
  read -r f d n t lr p <<<"$w"
  if ! [[ "$f D=$d $p" =~ $ONLY ]]; then continue; fi
  for r in $(seq "$ROUNDS"); do
    for runner in "$OLD" "$NEW" ${PLAIN:+"$NEW:plain"}; do
      jar=${runner%:plain}
      opts=(--add-modules jdk.incubator.vector)
      if [ "$runner" != "$jar" ]; then opts+=(-Dbatchopt.vector=false); fi
      java "${opts[@]}" -jar "$jar" bench --function "$f" --dim "$d" --optimizer adam --lr "$lr" --members "$n" --steps "$t" \
        --precision "$p" --backends cpu --repeat 3 -q 2>&1 | awk -v w="$f D=$d $p" -v j="$runner" '/^cpu/ {print w, j, $6, $10}'
    done
  done
  if [ "$p" = fp32 ]; then
    for peer in torch numpy; do
      if [ "$peer" = numpy ] && [ "$f" != rastrigin ] && [ "$f" != rosenbrock ]; then continue; fi
      /usr/bin/python3 "$PEERS" multistart "$peer" "$f" "$d" "$n" "${PEER_STEPS:-$t}" "$lr" \
        | python3 -c 'import json,sys; r=json.load(sys.stdin); print(sys.argv[1], r["peer"], r["seconds"], "%.5e" % r["member_steps_per_s"], "steps=%d" % r["steps"])' "$f D=$d $p"
    done
  fi
done
