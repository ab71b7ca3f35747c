#!/usr/bin/env bash
# Data-parallel speed (issue 11): ms per training step of Adam on the Fashion-MNIST network (784-256-128-10, or
# WIDTH times wider hidden layers) for 1 rank x 1 thread and 2 ranks x 1 thread each, on the same global batch,
# under mpirun, alternating the two in each repeat; then the MPI all-gather time per message size (the cost per MB
# between local ranks that docs/scaling-model.md starts from). Raw JSON lines go to OUT (default
# docs/measurements/mpi-scaling-<date>.jsonl); a summary of median ratios is printed. Each repeat also runs the two
# halves of the batch as two independent processes at once, one per core, with no exchange: the machine's ceiling
# for the 2-rank ratio (printed last), which two cores that slow each other keep below 2.
#
#   scripts/mpi-scaling.sh [REPEATS] [BATCHES] [WIDTH]      defaults: 3, "128 512 2048", 1
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 TERM=dumb
REPEATS="${1:-3}"
read -r -a BATCHES <<< "${2:-128 512 2048}"
WIDTH="${3:-1}"
OUT="${OUT:-docs/measurements/mpi-scaling-$(date -u +%Y-%m-%d).jsonl}"
STEPS="${STEPS:-40}"

dotnet build -c Release tests/MpiBench -nologo -v quiet >/dev/null
BENCH="tests/MpiBench/bin/Release/net10.0/Functional.NN.MpiBench.dll"
mkdir -p "$(dirname "$OUT")"
SESSION="$(date -u +%Y%m%dT%H%M%S)"
stamp() { echo "{\"session\":\"$SESSION\",\"run\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\",\"load\":\"$(cut -d' ' -f1-3 /proc/loadavg)\",\"cpus\":$(nproc),$1"; }
for repeat in $(seq 1 "$REPEATS"); do
  for batch in "${BATCHES[@]}"; do
    for ranks in 1 2; do
      steps=$(( STEPS * 128 / batch > 4 ? STEPS * 128 / batch : 4 ))
      line=$(mpirun -np "$ranks" --bind-to core -x FNN_THREADS=1 -x TERM dotnet "$BENCH" step "$batch" "$steps" "$WIDTH")
      stamp "\"repeat\":$repeat,${line#\{}" | tee -a "$OUT"
    done
    # The machine's ceiling for 2 ranks: each half of the batch in a process of its own, pinned to cores 0 and 1, at
    # the same time and with no exchange at all. Two cores that slow each other (shared cache, memory, the host's
    # other tenants) cap the ratio below 2 whatever the exchange costs.
    half=$(( batch / 2 )); steps=$(( STEPS * 128 / half > 4 ? STEPS * 128 / half : 4 ))
    FNN_THREADS=1 taskset -c 0 dotnet "$BENCH" step "$half" "$steps" "$WIDTH" > "$OUT.pair0" &
    FNN_THREADS=1 taskset -c 1 dotnet "$BENCH" step "$half" "$steps" "$WIDTH" > "$OUT.pair1"
    wait
    python3 - "$OUT.pair0" "$OUT.pair1" "$batch" <<'PY' | while read -r l; do stamp "\"repeat\":$repeat,${l#\{}" | tee -a "$OUT"; done
import json, sys
a, b = (json.loads(open(f).read()) for f in sys.argv[1:3])
print(json.dumps({"measure": "pair-ceiling", "batch": int(sys.argv[3]), "width": a["width"], "ranks": 2,
                  "ms_per_step_median": max(a["ms_per_step_median"], b["ms_per_step_median"]),
                  "ms_per_step_windows": [max(x, y) for x, y in zip(a["ms_per_step_windows"], b["ms_per_step_windows"])]}))
PY
    rm -f "$OUT.pair0" "$OUT.pair1"
  done
done
line=$(mpirun -np 2 --bind-to core -x TERM dotnet "$BENCH" allgather 0.25 0.5 1 2 4 8)
while read -r l; do stamp "${l#\{}" | tee -a "$OUT"; done <<< "$line"

python3 - "$OUT" "$WIDTH" "$SESSION" <<'PY'
import json, sys, statistics
lines = [r for r in (json.loads(l) for l in open(sys.argv[1])) if r.get("width") == int(sys.argv[2]) and r.get("session") == sys.argv[3]]
rows = [r for r in lines if r.get("measure") == "step"]
pairs = [r for r in lines if r.get("measure") == "pair-ceiling"]
print(f"summary of session {sys.argv[3]} (width {sys.argv[2]}), medians over repeats; ratios are 1 rank / 2 ranks, per repeat, then the median:")
print("  batch | wall ms/step 1 rank, 2 ranks, ratio | fastest window 1 rank, 2 ranks, ratio | thread CPU ms/step 1 rank, slowest of 2 ranks, ratio | ratio without the exchange's CPU | ceiling: 1 rank / two half-batch processes, no exchange (median, fastest)")
for batch in sorted({r["batch"] for r in rows}):
    one = {r["repeat"]: r for r in rows if r["batch"] == batch and r["ranks"] == 1}
    two = {r["repeat"]: r for r in rows if r["batch"] == batch and r["ranks"] == 2}
    keys = [k for k in one if k in two]
    if not keys:
        continue
    med = lambda xs: statistics.median(xs)
    pair = {r["repeat"]: r for r in pairs if r["batch"] == batch}
    wall = med([one[k]["ms_per_step_median"] / two[k]["ms_per_step_median"] for k in keys])
    cpu = med([one[k]["cpu_ms_per_step_max_rank"] / two[k]["cpu_ms_per_step_max_rank"] for k in keys])
    compute = med([one[k]["cpu_ms_per_step_max_rank"] / two[k]["cpu_ms_outside_exchange_max_rank"] for k in keys])
    # The fastest window of all repeats: the least disturbed by other tenants of the machine (the timeit convention).
    fast1 = min(min(one[k]["ms_per_step_windows"]) for k in keys)
    fast2 = min(min(two[k]["ms_per_step_windows"]) for k in keys)
    print(f"  {batch:5d} | {med([one[k]['ms_per_step_median'] for k in keys]):7.2f} {med([two[k]['ms_per_step_median'] for k in keys]):7.2f} {wall:5.2f}x"
          f" | {fast1:7.2f} {fast2:7.2f} {fast1 / fast2:5.2f}x"
          f" | {med([one[k]['cpu_ms_per_step_max_rank'] for k in keys]):7.2f} {med([two[k]['cpu_ms_per_step_max_rank'] for k in keys]):7.2f} {cpu:5.2f}x | {compute:5.2f}x"
          + (f" | {med([one[k]['ms_per_step_median'] / pair[k]['ms_per_step_median'] for k in keys if k in pair]):5.2f}x"
             f" {fast1 / min(min(p['ms_per_step_windows']) for p in pair.values()):5.2f}x" if pair else ""))
PY
