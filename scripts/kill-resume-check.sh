#!/usr/bin/env bash
# Kill-and-resume check (used by CI): a real `fnn train` process is killed with SIGKILL in the middle of
# training, after at least one checkpoint exists and at a random moment; `fnn resume` finishes it; the same
# experiment is trained again without interruption; the final parameter hashes (manifest.json), the model
# files and metrics.csv (without the seconds column) must be identical. Exits non-zero if they differ.
#
#   scripts/kill-resume-check.sh [EXPERIMENT.json] [ROUNDS]
#
# Defaults: examples/two-spirals.json (3000 steps, a checkpoint every 20 steps), 1 round. Each round kills
# at another random moment: after the first checkpoint appears, plus 5% to 50% of the time the
# uninterrupted run took. Builds once (Release) and runs the built fnn.dll directly.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

EXPERIMENT="${1:-examples/two-spirals.json}"
ROUNDS="${2:-1}"
WORK="$(mktemp -d)"
TRAIN_PID=""
cleanup() {
  if [ -n "$TRAIN_PID" ] && kill -0 "$TRAIN_PID" 2>/dev/null; then kill -KILL "$TRAIN_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "kill-resume: building src/App (Release)"
dotnet build -c Release src/App -nologo -v quiet >/dev/null
FNN="src/App/bin/Release/net10.0/fnn.dll"
[ -f "$FNN" ] || { echo "kill-resume: error: $FNN was not built" >&2; exit 1; }
fnn() { dotnet "$FNN" "$@"; }

hash_of() { # the parameters_hash_end of a run directory's manifest
  grep -o '"parameters_hash_end": "[0-9a-f]*"' "$1/manifest.json" | cut -d'"' -f4
}
metrics_without_seconds() { sed 's/,[^,]*$//' "$1/metrics.csv"; }

echo "kill-resume: uninterrupted reference run of $EXPERIMENT"
started=$(date +%s%N)
fnn train "$EXPERIMENT" --out "$WORK/whole" --quiet >/dev/null
reference_ms=$((($(date +%s%N) - started) / 1000000))
echo "kill-resume: reference run took ${reference_ms} ms"
expected="$(hash_of "$WORK/whole")"
[ -n "$expected" ] || { echo "kill-resume: error: the reference run has no final parameter hash" >&2; exit 1; }

failures=0
for round in $(seq 1 "$ROUNDS"); do
  run="$WORK/killed-$round"
  # Started directly (not through the fnn function), so that $! is the dotnet process itself.
  dotnet "$FNN" train "$EXPERIMENT" --out "$run" --quiet >"$WORK/train-$round.log" 2>&1 &
  TRAIN_PID=$!
  # Wait for the first checkpoint (at most 120 s), then a random 5% to 50% of the reference run's time more.
  for _ in $(seq 1 1200); do
    compgen -G "$run/checkpoints/step-*.ckpt" >/dev/null && break
    kill -0 "$TRAIN_PID" 2>/dev/null || break
    sleep 0.1
  done
  if ! compgen -G "$run/checkpoints/step-*.ckpt" >/dev/null; then
    echo "kill-resume: error: round $round: no checkpoint appeared (train exited early?)" >&2
    cat "$WORK/train-$round.log" >&2
    exit 1
  fi
  delay_ms=$((reference_ms * (5 + RANDOM % 46) / 100))
  delay="$((delay_ms / 1000)).$(printf '%03d' $((delay_ms % 1000)))"
  sleep "$delay"
  if ! kill -0 "$TRAIN_PID" 2>/dev/null; then
    echo "kill-resume: error: round $round: training finished before the kill (${delay}s after the first checkpoint); use a longer experiment" >&2
    exit 1
  fi
  kill -KILL "$TRAIN_PID"
  wait "$TRAIN_PID" 2>/dev/null || true
  if kill -0 "$TRAIN_PID" 2>/dev/null; then echo "kill-resume: error: round $round: the training process survived SIGKILL" >&2; exit 1; fi
  TRAIN_PID=""
  newest="$(ls "$run/checkpoints" | grep -E '^step-[0-9]+\.ckpt$' | sort | tail -n 1)"
  rows=$(($(wc -l <"$run/metrics.csv") - 1))
  if [ -e "$run/COMPLETE" ]; then echo "kill-resume: error: round $round: a killed run is marked complete" >&2; exit 1; fi
  echo "kill-resume: round $round: killed ${delay}s after the first checkpoint, with $rows epoch rows written and newest checkpoint $newest"

  fnn resume "$run" --quiet >"$WORK/resume-$round.log" 2>&1 || { echo "kill-resume: error: round $round: resume failed" >&2; cat "$WORK/resume-$round.log" >&2; exit 1; }
  actual="$(hash_of "$run")"
  resumed_from="$(tr -d ' \n' <"$run/manifest.json" | grep -o '"resumed_from_steps":\[[0-9,]*\]' | grep -o '\[.*\]')"
  if [ "$actual" = "$expected" ] && cmp -s "$run/model.fnn" "$WORK/whole/model.fnn" && cmp -s "$run/best.fnn" "$WORK/whole/best.fnn" \
     && diff -q <(metrics_without_seconds "$run") <(metrics_without_seconds "$WORK/whole") >/dev/null; then
    echo "kill-resume: round $round: resumed from step $resumed_from; final parameter hash $actual equals the uninterrupted run's"
  else
    echo "kill-resume: error: round $round: resumed from step $resumed_from: final parameter hash $actual, uninterrupted $expected (or model files / metrics differ)" >&2
    failures=$((failures + 1))
  fi
done

if [ "$failures" -gt 0 ]; then
  echo "kill-resume: FAILED: $failures of $ROUNDS round(s) differ from the uninterrupted run" >&2
  exit 1
fi
echo "kill-resume: OK: $ROUNDS round(s), every resumed run equals the uninterrupted run ($expected)"
