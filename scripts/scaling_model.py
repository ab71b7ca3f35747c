#!/usr/bin/env python3
"""The step-time model of docs/scaling-model.md, from the raw lines of scripts/mpi-scaling.sh.

    python3 scripts/scaling_model.py docs/measurements/mpi-scaling-DATE.jsonl [GBIT_PER_S] [LATENCY_US]

From the one-rank, one-thread step times at several global batches it fits t1(B) = r + B*c (r: the per-step work
that does not shrink with more ranks, c: the compute per example); from the two-rank all-gather times the cost per
MB between local ranks. Then, for k = 2..64 machines (one rank of one thread each) on a network of the given
bandwidth and latency (default 10 Gb/s, 25 us), the step time of the implemented exchange (every rank receives every
other rank's block partials: an all-gather, (k-1)(latency + bytes/bandwidth) on a ring), and the global batch above
which the exchange takes less time than the compute, B* = k * exchange / c. Widths: the measured network and one with
hidden layers 10x wider (c and r scaled by the parameter count; a measured width-10 line is used when present).
"""
import json, statistics, sys

path = sys.argv[1]
gbit = float(sys.argv[2]) if len(sys.argv) > 2 else 10.0
latency = (float(sys.argv[3]) if len(sys.argv) > 3 else 25.0) * 1e-6
bandwidth = gbit * 1e9 / 8  # bytes per second
lines = [json.loads(l) for l in open(path) if l.strip()]
steps = [l for l in lines if l["measure"] == "step"]
gathers = [l for l in lines if l["measure"] == "allgather"]

def params(width):
    h1, h2 = 256 * width, 128 * width
    return 784 * h1 + h1 + h1 * h2 + h2 + h2 * 10 + 10

def fit(width):
    one = [s for s in steps if s["ranks"] == 1 and s["width"] == width]
    batches = sorted({s["batch"] for s in one})
    med = {b: statistics.median(s["ms_per_step_median"] for s in one if s["batch"] == b) for b in batches}
    if len(batches) < 2:
        return None, med
    n = len(batches)
    mx = sum(batches) / n
    my = sum(med[b] for b in batches) / n
    c = sum((b - mx) * (med[b] - my) for b in batches) / sum((b - mx) ** 2 for b in batches)
    return (my - c * mx, c), med

(r1, c1), med1 = fit(1)
print(f"measured (width 1, P = {params(1):,}): one rank, one thread, ms per step: " +
      ", ".join(f"B={b}: {v:.2f}" for b, v in med1.items()))
print(f"fit t1(B) = {r1:.3f} ms + B x {c1 * 1000:.2f} us")
for s in sorted({s['batch'] for s in steps if s['ranks'] == 2 and s['width'] == 1}):
    two = statistics.median(x["ms_per_step_median"] for x in steps if x["ranks"] == 2 and x["width"] == 1 and x["batch"] == s)
    print(f"  two ranks, B={s}: {two:.2f} ms (speed-up {med1[s] / two:.2f}x; model without exchange {r1 + s / 2 * c1:.2f} ms)")
if gathers:
    per_mb = [(g["mb_per_rank"], g["us_median"]) for g in gathers]
    big = [(mb, us) for mb, us in per_mb if mb >= 1]
    local = statistics.median(us / mb for mb, us in big)
    print("local all-gather, 2 ranks: " + ", ".join(f"{mb} MB: {us:.0f} us" for mb, us in per_mb) + f"; about {local:.0f} us per MB sent")

def table(width, r, c):
    P = params(width)
    mb = 8 * (P + 1) / 1e6
    print(f"\nwidth {width}: P = {P:,} parameters, {mb:.2f} MB of block partials per rank; r = {r:.2f} ms, c = {c * 1000:.2f} us per example")
    print("| machines k | exchange per step | step at B = 128 | step at B = 1024 | step at B = 8192 | B* (exchange = compute) |")
    print("|---|---|---|---|---|---|")
    for k in (2, 4, 8, 16, 32, 64):
        exchange = (k - 1) * (latency + mb * 1e6 / bandwidth) * 1000  # ms
        def t(B):
            return r + max(B / k, 1) * c + exchange
        bstar = k * exchange / c
        print(f"| {k} | {exchange:.1f} ms | {t(128):.1f} ms | {t(1024):.1f} ms | {t(8192):.1f} ms | {bstar:,.0f} |")

table(1, r1, c1)
wide = fit(10)
if wide[0]:
    table(10, *wide[0])
else:
    scale = params(10) / params(1)
    measured = {b: v for b, v in wide[1].items()}
    if measured:
        b, v = next(iter(measured.items()))
        c10 = (v - r1 * scale) / b
        print(f"\n(width 10 measured at B={b}: {v:.1f} ms per step; r scaled by P, c from it)")
        table(10, r1 * scale, c10)
    else:
        table(10, r1 * scale, c1 * scale)
