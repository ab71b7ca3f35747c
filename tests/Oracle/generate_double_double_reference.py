#!/usr/bin/env python3
"""Reference values for the double-double functions of the oracle (tests/Oracle/DoubleDoubleFunctions.cs).

Each value is computed by mpmath at 60 significant digits and written as the pair (hi, lo) of doubles with
hi = the double nearest to it and lo = the double nearest to the rest, i.e. to 106 bits. Arguments are
doubles (exactly representable). Run: python3 tests/Oracle/generate_double_double_reference.py
"""
import json
import os

import mpmath as mp

mp.mp.dps = 60

POINTS = {
    "exp": [-745.0, -700.0, -20.0, -1.0, -1e-10, 0.0, 1e-300, 0.3, 1.0, 10.0, 700.0],
    "expm1": [-0.49, -1e-5, -1e-300, 1e-17, 3e-9, 0.25, 0.75, 2.0],
    "log": [5e-324, 1e-300, 0.5, 0.999, 1.0, 2.0, 10.0, 1e300],
    "log1p": [1e-20, -1e-5, 1e-3, 0.5, 10.0],
    "tanh": [1e-300, 1e-8, -0.1, 0.49, 0.5, 1.0, 5.0, 20.0, -3.0],
    "logistic": [-700.0, -40.0, -1.0, 0.0, 1e-12, 1.0, 40.0],
    "normal_cdf": [-38.0, -10.0, -3.6, -1.0, 0.0, 0.5, 3.0, 10.0],
    "normal_density": [0.0, 1.0, 10.0, 38.0],
}

FUNCTIONS = {
    "exp": mp.exp,
    "expm1": mp.expm1,
    "log": mp.log,
    "log1p": mp.log1p,
    "tanh": mp.tanh,
    "logistic": lambda x: 1 / (1 + mp.exp(-x)),
    "normal_cdf": lambda x: mp.erfc(-x / mp.sqrt(2)) / 2,
    "normal_density": lambda x: mp.exp(-x * x / 2) / mp.sqrt(2 * mp.pi),
}


def split(value):
    hi = float(value)
    lo = float(value - mp.mpf(hi))
    return hi, lo


def main():
    cases = []
    for name, xs in POINTS.items():
        for x in xs:
            hi, lo = split(FUNCTIONS[name](mp.mpf(x)))
            cases.append({"function": name, "x": x, "hi": hi, "lo": lo})
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "double-double-reference.json")
    with open(path, "w") as f:
        json.dump({"generator": "mpmath " + mp.__version__ + ", 60 digits", "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
