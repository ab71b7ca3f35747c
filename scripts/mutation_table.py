#!/usr/bin/env python3
"""Per-folder summary of a Stryker mutation-report.json (schema of mutation-testing-elements).

Usage: mutation_table.py REPORT [REPORT ...]

Several reports (runs over different folders, e.g. Losses+Passes, then Optimizers, each made in its own clone)
are combined into one table; a file is known by its path below src/Core, and when two reports mutated the same
file, the one named last counts. A folder is the path below src/Core up to the file (Optimizers/Transforms, Passes, ...).
Score = (Killed + Timeout) / (Killed + Timeout + Survived + NoCoverage), as Stryker computes it;
CompileError and Ignored mutants are counted apart and left out of the score.
"""
import json
import os
import sys
from collections import Counter, defaultdict

DETECTED = ("Killed", "Timeout")
UNDETECTED = ("Survived", "NoCoverage")


def folder_of(path):
    parts = path.replace("\\", "/").split("/")
    if "Core" in parts:
        parts = parts[len(parts) - 1 - parts[::-1].index("Core") + 1:]
    return "/".join(parts[:-1]) or "."


def score(c):
    detected = sum(c[s] for s in DETECTED)
    total = detected + sum(c[s] for s in UNDETECTED)
    return 100.0 * detected / total if total else float("nan")


def main():
    files = {}
    for name in sys.argv[1:]:
        for path, file in json.load(open(name))["files"].items():
            # Runs are made in throw-away clones: a file is known by its path below src/Core, and a report that did
            # not mutate it (no mutants: outside its --mutate filter) leaves an earlier report's result in place.
            key = folder_of(path) + "/" + os.path.basename(path)
            if file["mutants"] or key not in files:
                files[key] = file
    by_folder = defaultdict(Counter)
    survivors = []
    for path, file in files.items():
        folder = folder_of(path)
        for m in file["mutants"]:
            by_folder[folder][m["status"]] += 1
            if m["status"] in UNDETECTED:
                line = m["location"]["start"]["line"]
                survivors.append((folder, os.path.basename(path), line, m["status"],
                                  m["mutatorName"], m.get("replacement", "").replace("\n", " ")[:70]))
    header = "| folder | killed | timeout | survived | no coverage | ignored | compile error | score |"
    print(header)
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    total = Counter()
    for folder in sorted(by_folder):
        c = by_folder[folder]
        total.update(c)
        print(f"| {folder} | {c['Killed']} | {c['Timeout']} | {c['Survived']} | {c['NoCoverage']} | "
              f"{c['Ignored']} | {c['CompileError']} | {score(c):.1f}% |")
    print(f"| **all** | {total['Killed']} | {total['Timeout']} | {total['Survived']} | {total['NoCoverage']} | "
          f"{total['Ignored']} | {total['CompileError']} | **{score(total):.1f}%** |")
    if survivors:
        print(f"\nundetected mutants ({len(survivors)}):")
        for s in sorted(survivors):
            print(f"  {s[0]}/{s[1]}:{s[2]}  {s[3]:<10} {s[4]:<28} {s[5]}")


if __name__ == "__main__":
    main()
