#!/usr/bin/env python3
"""scipy's differential_evolution and basinhopping on the global-search workloads of benchmarks/search/.

Each (function, dimension, method, seed) runs until it reaches f* + 1e-6 (a callback stops it there) or its
own end (DE: maxiter / tol; basinhopping: niter), or past --time-limit seconds. One JSON line per run:
function, dim, method, seed, seconds, f (the best f found), reached (f <= f* + 1e-6), nfev.
The functions are batchopt's built-ins, term by term (batchopt functions NAME).
Usage: scipy_peers.py [--functions rastrigin:10,...] [--seeds 1,2,3] [--methods de,de-vec,bh] [--time-limit S]
"""
import argparse
import json
import sys
import time

import numpy as np
import scipy
from scipy.optimize import basinhopping, differential_evolution


def rastrigin(x):
    x = np.asarray(x)
    return 10.0 * x.shape[0] + np.sum(x * x - 10.0 * np.cos(2 * np.pi * x), axis=0)


def ackley(x):
    x = np.asarray(x)
    d = x.shape[0]
    return (-20.0 * np.exp(-0.2 * np.sqrt(np.sum(x * x, axis=0) / d))
            - np.exp(np.sum(np.cos(2 * np.pi * x), axis=0) / d) + 20.0 + np.exp(1.0))


def griewank(x):
    x = np.asarray(x)
    i = np.arange(1, x.shape[0] + 1).reshape((-1,) + (1,) * (x.ndim - 1))
    return np.sum(x * x, axis=0) / 4000.0 - np.prod(np.cos(x / np.sqrt(i)), axis=0) + 1.0


def styblinski_tang(x):
    x = np.asarray(x)
    return np.sum(x ** 4 - 16.0 * x * x + 5.0 * x, axis=0) / 2.0


def levy(x):
    x = np.asarray(x)
    w = 1.0 + (x - 1.0) / 4.0
    head = np.sin(np.pi * w[0]) ** 2
    mid = np.sum((w[:-1] - 1) ** 2 * (1 + 10 * np.sin(np.pi * w[:-1] + 1) ** 2), axis=0)
    tail = (w[-1] - 1) ** 2 * (1 + np.sin(2 * np.pi * w[-1]) ** 2)
    return head + mid + tail


def schwefel(x):
    x = np.asarray(x)
    return 418.9828872724339 * x.shape[0] - np.sum(x * np.sin(np.sqrt(np.abs(x))), axis=0)


FUNCTIONS = {
    # name: (f, half-width or (lo, hi), f*(D))
    "rastrigin": (rastrigin, (-5.12, 5.12), lambda d: 0.0),
    "ackley": (ackley, (-32.768, 32.768), lambda d: 0.0),
    "griewank": (griewank, (-600.0, 600.0), lambda d: 0.0),
    "styblinski-tang": (styblinski_tang, (-5.0, 5.0), lambda d: -39.166165703771415464 * d),
    "levy": (levy, (-10.0, 10.0), lambda d: 0.0),
    "schwefel": (schwefel, (-500.0, 500.0), lambda d: d * 2.072199648878189e-13),
}


class Reached(Exception):
    pass


def run(name, d, method, seed, time_limit):
    f, (lo, hi), fstar = FUNCTIONS[name]
    target = fstar(d) + 1e-6
    bounds = [(lo, hi)] * d
    best = [np.inf]
    nfev = [0]
    t0 = time.perf_counter()

    def counted(x):
        v = f(x)
        nfev[0] += 1 if np.ndim(v) == 0 else np.size(v)
        m = np.min(v)
        if m < best[0]:
            best[0] = float(m)
        return v

    def stop(*args, **kwargs):
        return best[0] <= target or time.perf_counter() - t0 > time_limit

    rng = np.random.default_rng(seed)
    if method == "de":
        differential_evolution(counted, bounds, seed=seed, callback=stop)
    elif method == "de-vec":
        differential_evolution(counted, bounds, seed=seed, callback=stop, vectorized=True, updating="deferred")
    elif method == "bh":
        x0 = rng.uniform(lo, hi, d)
        basinhopping(counted, x0, niter=100000, seed=seed, callback=lambda x, fx, acc: stop(),
                     minimizer_kwargs={"method": "L-BFGS-B", "bounds": bounds})
    else:
        raise SystemExit("unknown method " + method)
    seconds = time.perf_counter() - t0
    return {"function": name, "dim": d, "method": method, "seed": seed, "seconds": round(seconds, 3),
            "f": best[0], "reached": best[0] <= target, "nfev": nfev[0]}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--functions", default="rastrigin:10,rastrigin:20,ackley:10,schwefel:10,levy:10,griewank:10,"
                                          "styblinski-tang:20")
    p.add_argument("--seeds", default="1,2,3")
    p.add_argument("--methods", default="de,bh")
    p.add_argument("--time-limit", type=float, default=120)
    a = p.parse_args()
    print(json.dumps({"scipy": scipy.__version__, "numpy": np.__version__, "python": sys.version.split()[0]}),
          flush=True)
    for spec in a.functions.split(","):
        name, d = spec.split(":")
        for method in a.methods.split(","):
            for seed in [int(s) for s in a.seeds.split(",")]:
                print(json.dumps(run(name, int(d), method, seed, a.time_limit)), flush=True)


if __name__ == "__main__":
    main()
