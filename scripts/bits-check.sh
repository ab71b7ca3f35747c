#!/usr/bin/env bash
# Trains one experiment four times, with FNN_THREADS=1, FNN_THREADS=2, AVX-512 off and AVX2/FMA off,
# and checks that the four model.fnn files are the same bytes (the determinism contract of the default
# backend: README, "What is bit-identical"). Prints one line per run and exits 1 on any difference.
#
#   scripts/bits-check.sh EXPERIMENT.json [--epochs N]
#
# In .NET 10 DOTNET_EnableAVX512F=0 is ignored; DOTNET_EnableAVX512=0 is what turns AVX-512 off, so both
# are set. DOTNET_EnableAVX2=0 also turns off FMA: the kernels then run their scalar code, which is
# slower (Math.FusedMultiplyAdd in software), not different.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ $# -ge 1 ] || { echo "usage: $0 EXPERIMENT.json [--epochs N]" >&2; exit 2; }
EXPERIMENT="$1"; shift
dotnet build -c Release src/App -v quiet -nologo >/dev/null
FNN=(dotnet "$(pwd)/src/App/bin/Release/net10.0/fnn.dll")
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

declare -A hashes
ARGS=("$@")
run_env() { # run_env NAME VAR=VALUE... : one training run in that environment, its model.fnn SHA-256 kept under NAME
  local name="$1"; shift
  local start end
  start=$(date +%s.%N)
  env "$@" "${FNN[@]}" train "$EXPERIMENT" "${ARGS[@]}" --out "$WORK/$name" --quiet > "$WORK/$name.log" 2>&1 || { cat "$WORK/$name.log" >&2; exit 1; }
  end=$(date +%s.%N)
  hashes[$name]="$(sha256sum "$WORK/$name/model.fnn" | cut -d' ' -f1)"
  printf '%-14s %s  %6.1f s  %s\n' "$name" "${hashes[$name]}" "$(echo "$end - $start" | bc)" \
    "$(grep -o '"backend": *"[^"]*"' "$WORK/$name/manifest.json" | head -n 1)"
}
run_env threads-1 FNN_THREADS=1
run_env threads-2 FNN_THREADS=2
run_env no-avx512 FNN_THREADS=2 DOTNET_EnableAVX512F=0 DOTNET_EnableAVX512=0
run_env no-avx2 FNN_THREADS=2 DOTNET_EnableAVX2=0

first="${hashes[threads-1]}"
for name in threads-2 no-avx512 no-avx2; do
  if [ "${hashes[$name]}" != "$first" ]; then echo "DIFFERENT: $name" >&2; exit 1; fi
done
echo "same model.fnn bytes in all four runs"
