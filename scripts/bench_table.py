#!/usr/bin/env python3
"""Reads the JSON lines of scripts/bench-vs-pytorch.sh and prints the table of ratios: for every workload
and thread count, the median figure of Functional.NN and of PyTorch over the repeats, and their ratio
(above 1: Functional.NN is faster). Seed figures are microseconds per step (lower is better), the others
samples per second (higher is better).

  bench_table.py RESULTS.jsonl
"""
import json
import statistics
import sys


def key(line):
    bench = line["bench"]
    if bench == "mlp":
        bench = "mlp " + str(line.get("optimizer", "sgd")).split("(")[0]
    return bench, line.get("dtype", "float64"), int(line["threads"])


def figure(line):
    return line["us_per_iter"] if line["bench"] == "seed" else line["samples_per_s"]


def main(path):
    groups = {}
    extras = {}
    for text in open(path):
        text = text.strip()
        if not text.startswith("{"):
            continue
        line = json.loads(text)
        groups.setdefault(key(line), {}).setdefault(line["impl"], []).append(figure(line))
        if line["bench"] == "fashion-mnist":
            extra = extras.setdefault((key(line), line["impl"]), {"rss": [], "acc": []})
            if line.get("peak_rss_mb") is not None:
                extra["rss"].append(line["peak_rss_mb"])
            if line.get("test_accuracy") is not None:
                extra["acc"].append(line["test_accuracy"])
    print()
    print("| workload | dtype | threads | Functional.NN | PyTorch | ratio | notes |")
    print("|---|---|---|---|---|---|---|")
    for k in sorted(groups):
        ours, theirs = groups[k].get("Functional.NN", []), groups[k].get("PyTorch", [])
        if not ours or not theirs:
            continue
        a, b = statistics.median(ours), statistics.median(theirs)
        seed = k[0] == "seed"
        ratio = b / a if seed else a / b
        unit = "µs/step" if seed else "samples/s"
        notes = ""
        if k[0] == "fashion-mnist":
            o, t = extras.get((k, "Functional.NN"), {}), extras.get((k, "PyTorch"), {})
            notes = (f"peak RSS {max(o.get('rss', [0])):.0f} MB vs {max(t.get('rss', [0])):.0f} MB; "
                     f"test accuracy {min(o.get('acc', [0])):.4f} vs {min(t.get('acc', [0])):.4f}")
        fmt = "{:,.2f}" if seed else "{:,.0f}"
        print(f"| {k[0]} | {k[1]} | {k[2]} | {fmt.format(a)} {unit} | {fmt.format(b)} {unit} | **{ratio:.2f}x** | "
              f"n={len(ours)}/{len(theirs)} {notes} |")


if __name__ == "__main__":
    main(sys.argv[1])
