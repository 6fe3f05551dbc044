#!/bin/bash
# Each fixed 2-D built-in against the same function written as --expr: the run seconds (fastest of --repeat 3) of
# two alternating runs each, CPU, fp32, 65536 members, 1000 Adam steps. JAR (default target/batchopt.jar).
J=${JAR:-target/batchopt.jar}
declare -a N F B
N+=(himmelblau);       F+=("(x^2 + y - 11)^2 + (x + y^2 - 7)^2"); B+=("--box -5:5")
N+=(branin);           F+=("(y - 5.1/(4*pi^2)*x^2 + 5/pi*x - 6)^2 + 10*(1 - 1/(8*pi))*cos(x) + 10"); B+=("--bounds -5:10,0:15")
N+=(six-hump-camel);   F+=("(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2"); B+=("--bounds -3:3,-2:2")
N+=(three-hump-camel); F+=("2*x^2 - 1.05*x^4 + x^6/6 + x*y + y^2"); B+=("--box -5:5")
N+=(beale);            F+=("(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2"); B+=("--box -4.5:4.5")
N+=(booth);            F+=("(x + 2*y - 7)^2 + (2*x + y - 5)^2"); B+=("--box -10:10")
N+=(matyas);           F+=("0.26*(x^2 + y^2) - 0.48*x*y"); B+=("--box -10:10")
N+=(goldstein-price);  F+=("(1 + (x + y + 1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2))*(30 + (2*x - 3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))"); B+=("--box -2:2")
N+=(easom);            F+=("-cos(x)*cos(y)*exp(-((x - pi)^2 + (y - pi)^2))"); B+=("--box -100:100")
N+=(mccormick);        F+=("sin(x + y) + (x - y)^2 - 1.5*x + 2.5*y + 1"); B+=("--bounds -1.5:4,-3:4")
COMMON="--members 65536 --steps 1000 --precision fp32 --backends cpu --repeat 3 -q"
for k in "${!N[@]}"; do
  bi=$(java -jar $J bench --function ${N[$k]} $COMMON 2>&1 | awk '/^cpu/ {print $6}')
  ex=$(java -jar $J bench --expr "${F[$k]}" ${B[$k]} $COMMON 2>&1 | awk '/^cpu/ {print $6}')
  bi2=$(java -jar $J bench --function ${N[$k]} $COMMON 2>&1 | awk '/^cpu/ {print $6}')
  ex2=$(java -jar $J bench --expr "${F[$k]}" ${B[$k]} $COMMON 2>&1 | awk '/^cpu/ {print $6}')
  echo "${N[$k]} builtin $bi $bi2 expr $ex $ex2"
done
