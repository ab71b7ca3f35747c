#!/usr/bin/env bash
# Mutation testing of the mathematics of src/Core with Stryker.NET (issue 15).
#
#   scripts/mutation.sh                 every folder listed in stryker-config.json
#   scripts/mutation.sh Passes Losses   only these folders of src/Core (faster, for a first look)
#   scripts/mutation.sh --report FILE...  only print the per-folder table of existing mutation-report.json
#                                       files (several: one table over the union of their source files)
#
# Runs from tests/ (Stryker's test project), with the configuration at the repository root, then
# prints killed / survived / timeout / no coverage / score per folder of src/Core from Stryker's JSON
# report (score = detected / (detected + undetected), detected = killed + timeout, as Stryker counts it;
# compile errors and ignored mutants are left out). The list of survivors follows the table.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Reports are read where the caller names them (relative to the caller's directory).
if [ "${1:-}" = "--report" ]; then
  shift
  exec python3 "$ROOT/scripts/mutation_table.py" "$@"
fi
cd "$ROOT"

dotnet tool restore >/dev/null
ARGS=()
for folder in "$@"; do ARGS+=(--mutate "**/$folder/**/*.cs"); done

cd "$ROOT/tests"
dotnet stryker --config-file "$ROOT/stryker-config.json" "${ARGS[@]}"

REPORT="$(ls -td "$ROOT"/tests/StrykerOutput/*/reports/mutation-report.json | head -n 1)"
echo
echo "report: $REPORT"
python3 "$ROOT/scripts/mutation_table.py" "$REPORT"
