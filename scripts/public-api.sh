#!/usr/bin/env bash
# Regenerates the public-API baseline files (Microsoft.CodeAnalysis.PublicApiAnalyzers) of the libraries under
# src/ from the analyzer's own diagnostics, as its code fix would from an IDE:
#   RS0016 (a public symbol that is not declared)  -> the symbol is added to PublicAPI.Unshipped.txt
#                                                     (to PublicAPI.Shipped.txt with --shipped: a new baseline)
#   RS0017 (a declared symbol that is gone)        -> the line is removed from both files
# Then it builds again with warnings as errors, so the files it leaves behind are complete.
# Usage: bash scripts/public-api.sh [--shipped] [PROJECT...]   (PROJECT: Core, Experiments, Testing; all by default)
set -euo pipefail
cd "$(dirname "$0")/.."
target=PublicAPI.Unshipped.txt
if [[ "${1:-}" == "--shipped" ]]; then target=PublicAPI.Shipped.txt; shift; fi
projects=("$@")
[[ ${#projects[@]} -eq 0 ]] && projects=(Core Experiments Testing)

for project in "${projects[@]}"; do
  dir="src/$project"
  log="$(mktemp)"
  for f in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
    [[ -f "$dir/$f" ]] || printf '#nullable enable\n' > "$dir/$f"
  done
  # --no-incremental: every warning is reported again, not only those of files that changed.
  dotnet build "$dir" --no-incremental -nologo -v q -p:TreatWarningsAsErrors=false > "$log" 2>&1 || true
  python3 - "$dir" "$target" "$log" <<'PY'
import re, sys
directory, target, log = sys.argv[1:]
project = directory.split("/")[-1]
# Only this project's diagnostics: a build also compiles the projects it references.
text = "\n".join(l for l in open(log, encoding="utf-8").read().splitlines() if f"/{directory}/{project}.csproj]" in l)
added = sorted(set(re.findall(r"warning RS0016: Symbol '(.*?)' is not part of the declared public API", text)))
removed = set(re.findall(r"warning RS0017: Symbol '(.*?)' is part of the declared API", text))
for name in ("PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt"):
    path = f"{directory}/{name}"
    lines = [l for l in open(path, encoding="utf-8").read().splitlines() if l and l != "#nullable enable"]
    lines = [l for l in lines if l not in removed and l.removeprefix("*REMOVED*") not in removed]
    if name == target:
        lines += added
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("#nullable enable\n" + "".join(l + "\n" for l in sorted(set(lines), key=lambda l: l.lower())))
print(f"{directory}: {len(added)} symbols added to {target}, {len(removed)} removed")
PY
  rm -f "$log"
done

for project in "${projects[@]}"; do
  dotnet build "src/$project" -nologo -v q > /dev/null 2>&1 || { echo "src/$project still does not build warning-free; run: dotnet build src/$project" >&2; exit 1; }
done
echo "public-api: baseline files up to date"
