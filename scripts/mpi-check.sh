#!/usr/bin/env bash
# Data-parallel training under MPI gives the bits of one process (issue 11), checked with real mpirun jobs:
#
#   [RANKS="1 2 4"] scripts/mpi-check.sh [EXPERIMENT.json] [EPOCHS]    same model.fnn for `fnn train` and mpirun -np N
#   KILL=1 scripts/mpi-check.sh [EXPERIMENT.json] [EPOCHS]            also: SIGKILL one rank of a 2-rank job mid-run,
#        the job must exit within 10 s with a message; resuming with 2 ranks and with 1 must give the model.fnn of
#        the same job uninterrupted (these jobs run KILL_EPOCHS epochs, by default 6 x EPOCHS, to be mid-run when killed)
#
# First, every collective operation of the binding on 3 ranks (tests/MpiBench selftest).
# Defaults: examples/two-spirals.json at a batch of 100 (4 chunks of rows, so that 2 and 4 ranks all compute),
# 5 epochs, ranks 1 2 4. Needs Open MPI (apt-get install -y openmpi-bin libopenmpi-dev). As root it allows
# mpirun to run as root; --oversubscribe lets 4 ranks share fewer cores. Exits non-zero on any difference.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1

WORK="$(mktemp -d)"
JOB_PID=""
cleanup() {
  if [ -n "$JOB_PID" ] && kill -0 "$JOB_PID" 2>/dev/null; then kill -KILL "$JOB_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ -n "${1:-}" ]; then EXPERIMENT="$1"; else
  EXPERIMENT="$WORK/spirals.json"
  sed -e 's/"batch_size": 32/"batch_size": 100/' -e 's/"every": 20, "unit": "steps"/"every": 8, "unit": "steps"/' \
    examples/two-spirals.json > "$EXPERIMENT"
fi
EPOCHS="${2:-5}"
read -r -a RANKS <<< "${RANKS:-1 2 4}"

command -v mpirun >/dev/null || { echo "mpi-check: error: mpirun not found; apt-get install -y openmpi-bin libopenmpi-dev" >&2; exit 1; }
echo "mpi-check: building src/App (Release)"
dotnet build -c Release src/App -nologo -v quiet >/dev/null
FNN="src/App/bin/Release/net10.0/fnn.dll"
model_hash() { sha256sum "$1/model.fnn" | cut -d' ' -f1; }
seconds_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )) | awk '{printf "%.1f", $1/1000}'; }

# Every collective operation of the MPI binding on double, float, int and byte, on 3 ranks (tests/MpiBench selftest).
dotnet build -c Release tests/MpiBench -nologo -v quiet >/dev/null
selftest=$(TERM=dumb mpirun -np 3 --oversubscribe -x TERM dotnet tests/MpiBench/bin/Release/net10.0/Functional.NN.MpiBench.dll selftest 2>&1) \
  || { echo "mpi-check: error: the MPI binding's self-test failed: $selftest" >&2; exit 1; }
echo "mpi-check: MPI binding self-test on 3 ranks: $selftest"

started=$(date +%s%N)
dotnet "$FNN" train "$EXPERIMENT" --epochs "$EPOCHS" --out "$WORK/plain" --quiet >"$WORK/plain.log" 2>&1 \
  || { cat "$WORK/plain.log" >&2; exit 1; }
expected="$(model_hash "$WORK/plain")"
echo "mpi-check: fnn train (no MPI): model.fnn $expected ($(seconds_since "$started") s)"
failures=0
for n in "${RANKS[@]}"; do
  started=$(date +%s%N)
  if ! mpirun -np "$n" --oversubscribe dotnet "$FNN" train "$EXPERIMENT" --epochs "$EPOCHS" --out "$WORK/np$n" --quiet >"$WORK/np$n.log" 2>&1; then
    echo "mpi-check: error: mpirun -np $n failed:" >&2; cat "$WORK/np$n.log" >&2; exit 1
  fi
  got="$(model_hash "$WORK/np$n")"
  if [ "$got" = "$expected" ]; then verdict=same; else verdict=DIFFERENT; failures=$((failures + 1)); fi
  echo "mpi-check: mpirun -np $n: model.fnn $got ($(seconds_since "$started") s) $verdict; manifest world_sizes $(tr -d ' \n' < "$WORK/np$n/manifest.json" | grep -o '"world_sizes":\[[0-9,]*\]')"
  if grep -q $'\e' "$WORK/np$n.log"; then echo "mpi-check: error: escape sequences in the output of mpirun -np $n" >&2; failures=$((failures + 1)); fi
done

if [ "${KILL:-0}" = 1 ]; then
  # A longer job than the comparisons above, so that it is still training when rank 1 is killed (a 5-epoch run of the
  # small default ends within a second of its first checkpoint); its own uninterrupted run is the reference.
  KILL_EPOCHS="${KILL_EPOCHS:-$((EPOCHS * 6))}"
  dotnet "$FNN" train "$EXPERIMENT" --epochs "$KILL_EPOCHS" --out "$WORK/plain-long" --quiet >"$WORK/plain-long.log" 2>&1 \
    || { cat "$WORK/plain-long.log" >&2; exit 1; }
  expected="$(model_hash "$WORK/plain-long")"
  echo "mpi-check: fnn train (no MPI), $KILL_EPOCHS epochs, the reference of the kill checks: model.fnn $expected"
  for resume_ranks in 2 1; do
    run="$WORK/killed-$resume_ranks"
    mpirun -np 2 --oversubscribe dotnet "$FNN" train "$EXPERIMENT" --epochs "$KILL_EPOCHS" --out "$run" --quiet >"$WORK/killed-$resume_ranks.log" 2>&1 &
    JOB_PID=$!
    for _ in $(seq 1 1800); do
      compgen -G "$run/checkpoints/step-*.ckpt" >/dev/null && break
      kill -0 "$JOB_PID" 2>/dev/null || break
      sleep 0.1
    done
    compgen -G "$run/checkpoints/step-*.ckpt" >/dev/null || { echo "mpi-check: error: no checkpoint appeared" >&2; cat "$WORK/killed-$resume_ranks.log" >&2; exit 1; }
    sleep 0.3
    if [ -e "$run/COMPLETE" ]; then echo "mpi-check: error: the job ended before rank 1 could be killed; raise KILL_EPOCHS" >&2; exit 1; fi
    # Rank 1 of this job: a process whose environment says OMPI_COMM_WORLD_RANK=1 and whose parent chain leads to the job.
    victim=""
    for pid in $(pgrep -f "fnn.dll train .*--out $run" || true); do
      if tr '\0' '\n' < "/proc/$pid/environ" 2>/dev/null | grep -qx 'OMPI_COMM_WORLD_RANK=1'; then victim=$pid; fi
    done
    [ -n "$victim" ] || { echo "mpi-check: error: rank 1 not found (did the job end already?)" >&2; exit 1; }
    killed=$(date +%s%N)
    kill -KILL "$victim"
    code=0; wait "$JOB_PID" || code=$?
    JOB_PID=""
    took="$(seconds_since "$killed")"
    echo "mpi-check: killed rank 1 (pid $victim) with SIGKILL: the job exited with code $code after $took s; its last lines:"
    tail -n 4 "$WORK/killed-$resume_ranks.log" | sed 's/^/    /'
    if awk "BEGIN{exit !($took > 10)}"; then echo "mpi-check: error: the job took more than 10 s to exit" >&2; failures=$((failures + 1)); fi
    if [ "$code" = 0 ]; then echo "mpi-check: error: the job exited with code 0" >&2; failures=$((failures + 1)); fi
    if [ "$resume_ranks" = 1 ]; then resume=(dotnet "$FNN" resume "$run" --quiet)
    else resume=(mpirun -np "$resume_ranks" --oversubscribe dotnet "$FNN" resume "$run" --quiet); fi
    "${resume[@]}" >"$WORK/resume-$resume_ranks.log" 2>&1 || { echo "mpi-check: error: resume failed:" >&2; cat "$WORK/resume-$resume_ranks.log" >&2; exit 1; }
    got="$(model_hash "$run")"
    if [ "$got" = "$expected" ]; then verdict=same; else verdict=DIFFERENT; failures=$((failures + 1)); fi
    echo "mpi-check: resumed with $resume_ranks rank(s): model.fnn $got $verdict; $(grep -o 'resuming from [^:]*: step [0-9]*' "$WORK/resume-$resume_ranks.log" | head -1); manifest world_sizes $(tr -d ' \n' < "$run/manifest.json" | grep -o '"world_sizes":\[[0-9,]*\]')"
  done
fi

if [ "$failures" -gt 0 ]; then echo "mpi-check: $failures check(s) FAILED" >&2; exit 1; fi
echo "mpi-check: all model hashes equal $expected"
