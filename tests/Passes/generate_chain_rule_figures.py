#!/usr/bin/env python3
"""The chain-rule figures of tests/Passes/ChainRuleFactorsTests.cs that seed NOTES.md does not print,
in plain float64 Python (no library code): the tutorial's 2-2-2 sigmoid network (NOTES §5) at its
example [0.05, 0.10] -> [0.01, 0.99], and at a second example [1.0, -0.5] -> [0.2, 0.7] taken alone.
Run: python3 tests/Passes/generate_chain_rule_figures.py"""
import math


def sigmoid(x):
    return 1 / (1 + math.exp(-x))


W1 = [[0.15, 0.20], [0.25, 0.30]]
W2 = [[0.40, 0.45], [0.50, 0.55]]


def figures(i, t):
    h = [sigmoid(W1[j][0] * i[0] + W1[j][1] * i[1] + 0.35) for j in range(2)]
    o = [sigmoid(W2[j][0] * h[0] + W2[j][1] * h[1] + 0.60) for j in range(2)]
    error_by_output = [o[j] - t[j] for j in range(2)]
    delta = [error_by_output[j] * o[j] * (1 - o[j]) for j in range(2)]
    error_by_hidden = [sum(delta[k] * W2[k][j] for k in range(2)) for j in range(2)]
    return {
        "E_o": [0.5 * (t[j] - o[j]) ** 2 for j in range(2)],
        "dE/dout_o": error_by_output,
        "dout/dnet_o": [x * (1 - x) for x in o],
        "dE/dout_h": error_by_hidden,
        "dout/dnet_h": [x * (1 - x) for x in h],
        "dE/dw5, dE/dw7": [delta[0] * h[0], delta[1] * h[0]],
        "dE/dw3": error_by_hidden[1] * h[1] * (1 - h[1]) * i[0],
    }


for example in ([0.05, 0.10], [0.01, 0.99]), ([1.0, -0.5], [0.2, 0.7]):
    print(example)
    for name, value in figures(*example).items():
        print(f"  {name}: {value!r}")
