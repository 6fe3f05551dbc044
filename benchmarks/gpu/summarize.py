#!/usr/bin/env python3
"""Summarizes a benchmarks/gpu/run.sh output folder: batchopt's workloads (bench.jsonl) against the peers
(peers.jsonl), with the targets of the CUDA backend's issue, the fit grid (fit.jsonl) against the peers' grid runs
with the targets of the data objectives' issue, and the global searches (search.jsonl).
Usage: summarize.py OUT_DIR"""
import json, os, sys

TARGETS = {  # workload: (kernel seconds at most, end-to-end seconds at most, at least x JAX, at least GB/s)
    "rosenbrock-fp32": (0.012, 0.025, None, None),
    "rastrigin-fp32": (None, None, 6.0, None),
    "rosenbrock-fp64": (None, None, 5.0, None),
    "update": (None, None, None, 3700.0),
}
# fit grid: end-to-end seconds at most per math mode (PyTorch fp32 230 ms, JAX with TF32 83 ms on an H200)
FIT_TARGETS = {"strict": 0.230, "fast": 0.083, "fast-tf32": 0.083}
PEER_KEY = {"rosenbrock-fp32": ("rosenbrock", 8, "fp32"), "rastrigin-fp32": ("rastrigin", 16, "fp32"),
            "rosenbrock-fp64": ("rosenbrock", 8, "fp64")}


def lines(path):
    if not os.path.exists(path):
        return []
    out = []
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith("{"):
                try:
                    out.append(json.loads(line))
                except ValueError:
                    pass
    return out


def fmt(v, unit="s"):
    if v is None:
        return "-"
    return f"{v * 1e3:.2f} ms" if unit == "s" else f"{v:.0f} {unit}"


def fit(runs, peers):
    """The fit grid (FitBench) per math mode against peers.py grid on the same sizes, the fast results' deviation
    from the strict ones, and the check against the CPU."""
    grid = [r for r in runs if r.get("workload") == "fit-grid"]
    for math in sorted({r.get("math", "strict") for r in grid}, key=lambda m: (m != "strict", m)):
        mine = [r for r in grid if r.get("math", "strict") == math]
        failed = [r for r in mine if "error" in r]
        timed = [r for r in mine if "error" not in r]
        r0 = mine[0]
        print(f"fit-grid: {r0['backend']} {r0['models']} logistic models, {r0['samples']} x {r0['features']} rows, "
              f"{r0['steps']} full-batch steps, {r0['precision']} {math}"
              + (" (cuBLAS: not bit-identical to the CPU)" if math != "strict" else ""))
        for r in failed:
            print(f"  FAILED: {r['error']}")
        if not timed:
            continue
        warm = [r for r in timed if r.get("run") == "warm"] or timed
        cold = [r for r in timed if r.get("run") == "cold"]
        kernel = min(r["kernel_s"] for r in warm)
        e2e = min(r["end_to_end_s"] for r in warm)
        print(f"  batchopt kernel {fmt(kernel)}, end-to-end {fmt(e2e)} (best of {len(warm)} warm runs, dataset "
              f"on the device)" + (f", cold end-to-end {fmt(cold[0]['end_to_end_s'])} (compile "
                                   f"{fmt(cold[0]['compile_s'])}, with the upload)" if cold else ""))
        if math in FIT_TARGETS and (r0["models"], r0["samples"], r0["features"], r0["steps"]) == (1024, 65536, 128, 200):
            t = FIT_TARGETS[math]
            print(f"  target end-to-end <= {fmt(t)}: {'met' if e2e <= t else 'NOT met'}")
        for peer in sorted({p["peer"] for p in peers if p.get("workload") == "grid-logistic"}):
            same = [p for p in peers if p.get("peer") == peer and p.get("workload") == "grid-logistic"
                    and p.get("models") == r0["models"] and p.get("samples") == r0["samples"]
                    and p.get("features") == r0["features"] and p.get("steps") == r0["steps"]]
            if same:
                s = min(p["seconds"] for p in same)
                print(f"  {peer}: {fmt(s)} (best loss {min(p['best_loss'] for p in same):.6g}, batchopt's "
                      f"{min(r['best_loss'] for r in warm):.6g}); batchopt is {s / kernel:.2f}x its speed "
                      f"kernel-only, {s / e2e:.2f}x end-to-end")
    for d in runs:
        if d.get("workload") == "fit-grid-deviation":
            print(f"fit-grid-deviation: {d['math']} against {d['against']} on {d['backend']}: coefficients "
                  f"{d['max_abs_coef_diff']:.3g} absolute, {d['max_rel_coef_diff']:.3g} relative; training losses "
                  f"{d['max_abs_loss_diff']:.3g} absolute, {d['max_rel_loss_diff']:.3g} relative (last warm runs: "
                  f"kernel {fmt(d['strict_kernel_s'])} strict, {fmt(d['fast_kernel_s'])} {d['math']})")
    for c in runs:
        if c.get("workload") == "fit-grid-check":
            print(f"fit-grid-check: {c['backend']} against {c['against']}, {c['models']} models, {c['samples']} rows, "
                  f"{c['steps']} steps: {'bit-identical' if c['identical'] else 'DIFFERENT'} (largest coordinate "
                  f"difference {c['max_abs_diff']:.3g})")


def main():
    out = sys.argv[1]
    bench, peers = lines(os.path.join(out, "bench.jsonl")), lines(os.path.join(out, "peers.jsonl"))
    if not bench:
        print("no batchopt results (bench.jsonl)")
    for name, (kmax, emax, xjax, gbps) in TARGETS.items():
        runs = [b for b in bench if b.get("workload") == name]
        if not runs:
            continue
        warm = [b for b in runs if b.get("run") == "warm"] or runs
        cold = [b for b in runs if b.get("run") == "cold"]
        kernel = min(b["kernel_s"] for b in warm)
        e2e = min(b["end_to_end_s"] for b in warm)
        b0 = runs[0]
        print(f"{name}: {b0['backend']} {b0['members']} members x D={b0['dim']}, {b0['steps']} steps, "
              f"{b0['precision']}")
        print(f"  batchopt kernel {fmt(kernel)}, end-to-end {fmt(e2e)} (best of {len(warm)} warm runs)"
              + (f", cold end-to-end {fmt(cold[0]['end_to_end_s'])} (compile {fmt(cold[0]['compile_s'])})"
                 if cold else ""))
        if kmax is not None:
            print(f"  target kernel <= {fmt(kmax)}: {'met' if kernel <= kmax else 'NOT met'}")
        if emax is not None:
            print(f"  target end-to-end <= {fmt(emax)}: {'met' if e2e <= emax else 'NOT met'}")
        if name in PEER_KEY:
            fn, dim, prec = PEER_KEY[name]
            for peer in sorted({p["peer"] for p in peers if p.get("workload") == "multistart"}):
                same = [p for p in peers if p.get("peer") == peer and p.get("function") == fn and p.get("dim") == dim
                        and p.get("precision") == prec and p.get("members") == b0["members"]]
                if same:
                    s = min(p["seconds"] for p in same)
                    line = (f"  {peer}: {fmt(s)}; batchopt is {s / kernel:.1f}x faster kernel-only, "
                            f"{s / e2e:.1f}x end-to-end")
                    if xjax is not None and peer.startswith("jax"):
                        line += f"; target >= {xjax}x: {'met' if s / kernel >= xjax else 'NOT met'} (kernel-only)"
                    print(line)
        if name == "update":
            rates = [b.get("update_gbytes_per_s") for b in warm if b.get("update_gbytes_per_s")]
            if rates:
                best = max(rates)
                print(f"  Adam update kernel {fmt(best, 'GB/s')} (7 words per parameter per step); "
                      f"target >= {fmt(gbps, 'GB/s')}: {'met' if best >= gbps else 'NOT met'}")
            for p in peers:
                if p.get("workload") in ("update", "copy-bandwidth"):
                    print(f"  {p['peer']}: {fmt(p['gbytes_per_s'], 'GB/s')}")
    fit(lines(os.path.join(out, "fit.jsonl")), peers)
    search = lines(os.path.join(out, "search.jsonl"))
    if search:
        s0 = search[0]
        print(f"global search (SearchBench): {s0['backend']} {s0['members']} chains, stopped at f* + 1e-6 or after "
              f"{s0['limit_s']} s")
        for r in search:
            print(f"  {r['workload']} {r['strategy']}: {'reached' if r['reached'] else 'missed'}, best f "
                  f"{r['best']:.6g} in {r['seconds']:.2f} s ({r['rounds']} rounds, {r['member_steps_per_s']:.3g} "
                  f"member-steps/s; device {r['device_s']:.2f} s, host {r['host_s']:.2f} s, compile "
                  f"{r['compile_s']:.2f} s)")
    steps = os.path.join(out, "steps.txt")
    if os.path.exists(steps):
        print("steps (name exit-status time):", open(steps).read().replace("\n", "; "))


if __name__ == "__main__":
    main()
