#!/usr/bin/env python3
"""The table of a benchmarks/search/run.sh output folder: per workload and method, how many seeds reached
f* + 1e-6, the median time of those that did (seconds inside the process: batchopt's search, scipy's call), and
the median best f of those that did not."""
import json
import statistics
import sys
from collections import OrderedDict


def main():
    folder = sys.argv[1]
    rows = [json.loads(l) for l in open(folder + "/runs.jsonl") if l.strip()]
    methods = []
    cells = OrderedDict()
    for r in rows:
        m = r["method"] if r["method"].startswith("batchopt") else "scipy " + {"de": "differential_evolution",
                                                                            "de-vec": "DE vectorized",
                                                                            "bh": "basinhopping"}[r["method"]]
        if m not in methods:
            methods.append(m)
        cells.setdefault((r["function"], r["dim"]), {}).setdefault(m, []).append(r)
    print("| workload | " + " | ".join(methods) + " |")
    print("|---|" + "---|" * len(methods))
    for (f, d), by in cells.items():
        out = []
        for m in methods:
            runs = by.get(m, [])
            if not runs:
                out.append("-")
                continue
            ok = [r for r in runs if r.get("reached")]
            text = "%d/%d" % (len(ok), len(runs))
            if ok:
                text += ", %.2f s" % statistics.median(r["seconds"] for r in ok)
            missed = [r for r in runs if not r.get("reached")]
            if missed:
                fs = [r["f"] for r in missed if "f" in r]
                text += "; missed: f %.3g in %.0f s" % (statistics.median(fs), statistics.median(
                    r.get("seconds", r.get("process_seconds", 0)) for r in missed)) if fs else "; failed"
                outside = sum(1 for r in missed if r.get("in_box") is False)
                if outside:
                    text += " (%d outside the box)" % outside
            out.append(text)
        print("| %s D=%d | %s |" % (f, d, " | ".join(out)))
    print()
    print("Cells: seeds that reached f* + 1e-6 / seeds run, then the median seconds to get there; for the seeds that"
          " did not, the median best f and the seconds they ran; a best point outside the function's box does not"
          " count.")


if __name__ == "__main__":
    main()
