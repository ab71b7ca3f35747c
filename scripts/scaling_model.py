#!/usr/bin/env python3
"""The step-time model of docs/scaling-model.md: prints its tables from stated inputs.

    python3 scripts/scaling_model.py [EXAMPLES_PER_S_ONE_THREAD] [LOCAL_US_PER_MB] [GBIT_PER_S] [LATENCY_US] [MEMORY_GB_PER_S]

Defaults: 44,800 examples/s (README "Speed": the Fashion-MNIST network's training step, batch 128, one thread,
managed backend, unloaded), 115 us per MB between two local ranks (issue 11: a 2 MB exchange between 2 Open MPI
ranks on one machine took about 230 us), a 10 Gb/s network with 25 us latency, 10 GB/s of memory bandwidth for the
element-wise passes every rank repeats. One rank of one thread per machine; the 10x wider network's compute per
example is scaled by its parameter count (its products dominate).
"""
import math, sys

examples_per_s = float(sys.argv[1]) if len(sys.argv) > 1 else 44_800
local_us_per_mb = float(sys.argv[2]) if len(sys.argv) > 2 else 115
gbit = float(sys.argv[3]) if len(sys.argv) > 3 else 10
latency = (float(sys.argv[4]) if len(sys.argv) > 4 else 25) * 1e-6
memory = (float(sys.argv[5]) if len(sys.argv) > 5 else 10) * 1e9
bandwidth = gbit * 1e9 / 8

def params(width):
    h1, h2 = 256 * width, 128 * width
    return 784 * h1 + h1 + h1 * h2 + h2 + h2 * 10 + 10

for width in (1, 10):
    P = params(width)
    S = 8 * (P + 1)                               # bytes of one block of partial sums (gradients and the loss term)
    c = (1 / examples_per_s) * P / params(1)      # seconds of compute per example, one thread
    adam = 7 * S / memory                         # the optimizer pass every rank repeats: read p, g, m, v; write p, m, v
    print(f"\n### Width {width}: {P:,} parameters, {S / 1e6:.2f} MB per block\n")
    print(f"Compute {c * 1e6:.1f} us per example; optimizer pass {adam * 1e3:.2f} ms per step on every rank; "
          f"between two local ranks one block moves in {S / 1e6 * local_us_per_mb / 1e3:.2f} ms.\n")
    print("| machines k | all-gather of blocks (implemented) | combine + optimizer | step at B = 1024 | speed-up at B = 1024 | B* (exchange = compute) | with a reduce in canonical order (proposed) | its B* |")
    print("|---|---|---|---|---|---|---|---|")
    one = 1024 * c + adam
    for k in (2, 4, 8, 16, 32, 64):
        gather = (k - 1) * (latency + S / bandwidth)
        combine = (k - 1) * 3 * S / memory + adam
        step = 1024 / k * c + gather + combine
        rabenseifner = 2 * math.log2(k) * latency + 2 * (k - 1) / k * S / bandwidth
        print(f"| {k} | {gather * 1e3:.1f} ms | {combine * 1e3:.1f} ms | {step * 1e3:.1f} ms | {one / step:.2f}x | "
              f"{k * gather / c:,.0f} | {rabenseifner * 1e3:.1f} ms | {k * rabenseifner / c:,.0f} |")
