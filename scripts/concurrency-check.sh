#!/usr/bin/env bash
# Concurrency check (issue 12; used by CI): one run directory, several fnn processes.
#  1. PAIRS times, two `fnn train` into the same new directory, started together: exactly one must exit 0,
#     the other must exit 1 with one line naming the holder ("is in use by another fnn process (pid ...")
#     or, when the first had already finished, refusing the completed run; the directory's final hash must
#     equal an undisturbed run's.
#  2. `fnn resume D` and `fnn train --force D` while `fnn train D` runs: both refuse at once (exit 1, holder
#     named), and the trainer finishes with the final parameters, model file and metrics of an undisturbed run.
#  3. SIGTERM to a running train: it stops after the current step (exit 1, "interrupted at step N"), the run
#     stays resumable, and `fnn resume` ends bit-identical to an undisturbed run.
#
#   scripts/concurrency-check.sh [PAIRS]        (default 20)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
PAIRS="${1:-20}"
EXPERIMENT=examples/two-moons.json
EPOCHS=6
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

dotnet build -c Release src/App -nologo -v quiet >/dev/null
FNN="src/App/bin/Release/net10.0/fnn.dll"
hash_of() { grep -o '"parameters_hash_end": "[0-9a-f]*"' "$1/manifest.json" | cut -d'"' -f4; }
metrics_without_seconds() { sed 's/,[^,]*$//' "$1/metrics.csv"; }

dotnet "$FNN" train "$EXPERIMENT" --epochs "$EPOCHS" --out "$WORK/reference" --quiet >/dev/null
expected="$(hash_of "$WORK/reference")"
failures=0
fail() { echo "concurrency: error: $*" >&2; failures=$((failures + 1)); }

for pair in $(seq 1 "$PAIRS"); do
  dir="$WORK/pair-$pair"
  dotnet "$FNN" train "$EXPERIMENT" --epochs "$EPOCHS" --out "$dir" --quiet >"$WORK/a.out" 2>"$WORK/a.err" & a=$!
  dotnet "$FNN" train "$EXPERIMENT" --epochs "$EPOCHS" --out "$dir" --quiet >"$WORK/b.out" 2>"$WORK/b.err" & b=$!
  ca=0; wait "$a" || ca=$?
  cb=0; wait "$b" || cb=$?
  if [ "$ca" -eq 0 ] && [ "$cb" -ne 0 ]; then loser="$WORK/b.err"; code=$cb
  elif [ "$cb" -eq 0 ] && [ "$ca" -ne 0 ]; then loser="$WORK/a.err"; code=$ca
  else fail "pair $pair: exit codes $ca and $cb (exactly one must be 0)"; cat "$WORK/a.err" "$WORK/b.err" >&2; continue; fi
  lines=$(wc -l <"$loser")
  if [ "$code" -ne 1 ] || [ "$lines" -ne 1 ] || ! grep -qE '^fnn: error: .*(is in use by another fnn process \(pid [0-9]+ on host|already holds a completed run)' "$loser"; then
    fail "pair $pair: the refusing process said (exit $code):"; cat "$loser" >&2
  fi
  [ "$(hash_of "$dir")" = "$expected" ] || fail "pair $pair: the final parameters differ from the undisturbed run's"
  [ -f "$dir/COMPLETE" ] || fail "pair $pair: the run is not complete"
  echo "concurrency: pair $pair: exits $ca/$cb; refused with: $(cut -c1-150 "$loser")"
done

# resume and train --force during a running train (a longer run: 150 epochs), both started at once.
dotnet "$FNN" train "$EXPERIMENT" --epochs 150 --out "$WORK/whole" --quiet >/dev/null
dir="$WORK/busy"
dotnet "$FNN" train "$EXPERIMENT" --epochs 150 --out "$dir" --quiet >"$WORK/t.out" 2>"$WORK/t.err" & t=$!
for _ in $(seq 1 600); do compgen -G "$dir/checkpoints/step-*.ckpt" >/dev/null && break; sleep 0.05; done
started=$(date +%s%N)
dotnet "$FNN" resume "$dir" >"$WORK/r.out" 2>"$WORK/r.err" & r=$!
dotnet "$FNN" train "$EXPERIMENT" --epochs 150 --out "$dir" --force --quiet >"$WORK/f.out" 2>"$WORK/f.err" & f=$!
cr=0; wait "$r" || cr=$?
cf=0; wait "$f" || cf=$?
ms=$((($(date +%s%N) - started) / 1000000))
kill -0 "$t" 2>/dev/null || fail "the trainer ended before resume and train --force were refused; use a longer run"
for which in r f; do
  code=$([ "$which" = r ] && echo "$cr" || echo "$cf")
  if [ "$code" -ne 1 ] || [ "$(wc -l <"$WORK/$which.err")" -ne 1 ] || ! grep -q 'is in use by another fnn process (pid' "$WORK/$which.err"; then
    fail "$([ "$which" = r ] && echo resume || echo 'train --force') during train: exit $code:"; cat "$WORK/$which.err" >&2
  fi
done
echo "concurrency: resume and train --force during train both refused within ${ms} ms (exits $cr, $cf): $(cut -c1-220 "$WORK/r.err")"
code=0; wait "$t" || code=$?
[ "$code" -eq 0 ] || { fail "the disturbed trainer exited $code"; cat "$WORK/t.err" >&2; }
[ "$(hash_of "$dir")" = "$(hash_of "$WORK/whole")" ] || fail "the disturbed trainer's final parameters differ from an undisturbed run's"
cmp -s "$dir/model.fnn" "$WORK/whole/model.fnn" || fail "model.fnn differs from an undisturbed run's"
[ "$(metrics_without_seconds "$dir")" = "$(metrics_without_seconds "$WORK/whole")" ] || fail "metrics.csv differs from an undisturbed run's"

# SIGTERM is handled like Ctrl+C: the run stops after the current step, resumable, and resumes bit-identical.
dir="$WORK/term"
dotnet "$FNN" train "$EXPERIMENT" --epochs 150 --out "$dir" --quiet >"$WORK/s.out" 2>"$WORK/s.err" & s=$!
for _ in $(seq 1 600); do compgen -G "$dir/checkpoints/step-*.ckpt" >/dev/null && break; sleep 0.05; done
kill -TERM "$s"
cs=0; wait "$s" || cs=$?
if [ "$cs" -ne 1 ] || ! grep -q "^fnn: error: interrupted at step [0-9]* ([0-9]* epochs completed); continue with: .*resume $dir$" "$WORK/s.err"; then
  fail "SIGTERM: exit $cs:"; cat "$WORK/s.err" >&2
fi
grep -q '"status": "running"' "$dir/manifest.json" || fail "SIGTERM: the manifest is not left running (resumable)"
dotnet "$FNN" resume "$dir" --quiet >/dev/null 2>"$WORK/s2.err" || { fail "resume after SIGTERM failed"; cat "$WORK/s2.err" >&2; }
[ "$(hash_of "$dir")" = "$(hash_of "$WORK/whole")" ] || fail "the run stopped by SIGTERM and resumed differs from an undisturbed run"
echo "concurrency: SIGTERM stopped the run with: $(cat "$WORK/s.err"); resumed bit-identical"

if [ "$failures" -gt 0 ]; then echo "concurrency: FAILED ($failures problems)"; exit 1; fi
echo "concurrency: OK: $PAIRS pairs, one ran and one refused in each; resume and train --force refused during a train, which finished bit-identical"
