#!/usr/bin/env bash
# Packs Functional.NN, Functional.NN.Testing, Functional.NN.Experiments and the fnn tool into a local folder,
# then uses them as a user would, from that folder and never through a project reference:
#   1. builds samples/Consumer (a separate xunit project, not in Functional.NN.sln) against the packed
#      packages, restored into a NuGet cache from which our packages were removed, so no stale build of
#      the same version can be used; checks that the restored package is byte for byte the one just packed;
#   2. runs its tests: XOR trained through the public API, a custom activation checked with the kit, a run
#      trained, stopped and resumed from code through Functional.NN.Experiments;
#   3. runs the one test that is EXPECTED TO FAIL (a custom activation with a wrong derivative) and
#      requires it to fail with the kit's message, counterexample and replay seed;
#   4. installs the tool with the README's `dotnet tool install --global --add-source <folder> fnn` (into a
#      throwaway DOTNET_CLI_HOME) and checks
#      that `fnn` prints the tutorial's worked example;
#   5. exchanges model files between the library and the tool: a model trained and saved in code
#      (TrainedModel.Save) is read by `fnn evaluate`, which must report the loss computed in code; a model.fnn
#      made by `fnn train` is loaded in code (TrainedModel.Load) and must predict the numbers `fnn predict` writes.
# Ends with one line "pack-and-consume: N passed, N failed" (checks, not tests); exit code 0 when all pass. Usage: bash scripts/pack-and-consume.sh (from anywhere).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"
FEED="$ROOT/artifacts/packages"
CONSUMER="$ROOT/samples/Consumer"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# A NuGet cache of the consumer's own; third-party packages stay cached between runs, ours are removed below.
export NUGET_PACKAGES="${FNN_CONSUMER_NUGET_PACKAGES:-$HOME/.nuget/fnn-consumer-packages}"

section() { printf '\n==> %s\n' "$*"; }
passed=0 failed=0
check() { # check DESCRIPTION COMMAND...: runs the command, counts it, never stops the script
  if "${@:2}"; then passed=$((passed + 1)); echo "ok: $1"; else failed=$((failed + 1)); echo "FAILED: $1" >&2; fi
}

section "dotnet pack -> $FEED"
rm -rf "$FEED"
mkdir -p "$FEED"
for project in src/Core/Core.csproj src/Testing/Testing.csproj src/Experiments/Experiments.csproj src/Distributed/Distributed.csproj src/App/App.csproj; do
  dotnet pack "$ROOT/$project" -c Release -o "$FEED" -p:ContinuousIntegrationBuild=true
done
ls -l "$FEED"
VERSION="$(basename "$(ls "$FEED"/Functional.NN.[0-9]*.nupkg)" .nupkg)"
VERSION="${VERSION#Functional.NN.}"
echo "packed version $VERSION"
for id in Functional.NN Functional.NN.Testing Functional.NN.Experiments Functional.NN.Distributed fnn; do
  check "package $id.$VERSION.nupkg was packed" test -f "$FEED/$id.$VERSION.nupkg"
done

section "consumer: restore from the local folder into $NUGET_PACKAGES (our packages removed first)"
rm -rf "$NUGET_PACKAGES/functional.nn" "$NUGET_PACKAGES/functional.nn.testing" "$NUGET_PACKAGES/functional.nn.experiments" "$NUGET_PACKAGES/fnn"
rm -rf "$CONSUMER/bin" "$CONSUMER/obj"
dotnet restore "$CONSUMER/Consumer.Tests.csproj" -p:FunctionalNNVersion="$VERSION"
same_package() { # the nupkg that restore put in the cache is, byte for byte, the one just packed
  local lower
  lower="$(echo "$1" | tr '[:upper:]' '[:lower:]')"
  cmp -s "$NUGET_PACKAGES/$lower/$VERSION/$lower.$VERSION.nupkg" "$FEED/$1.$VERSION.nupkg"
}
check "the consumer restored the Functional.NN just packed" same_package Functional.NN
check "the consumer restored the Functional.NN.Testing just packed" same_package Functional.NN.Testing
check "the consumer restored the Functional.NN.Experiments just packed" same_package Functional.NN.Experiments

section "consumer: build and test (XOR through the public API, custom activation checked with the kit)"
dotnet build "$CONSUMER/Consumer.Tests.csproj" -c Release --no-restore -p:FunctionalNNVersion="$VERSION"
check "consumer tests pass" dotnet test "$CONSUMER/Consumer.Tests.csproj" -c Release --no-build \
  --filter "Category!=ExpectedToFail&Category!=WithFnn" --logger "console;verbosity=normal"

section "consumer: the test that must FAIL (custom activation with a wrong derivative)"
EXPECTED_LOG="$WORK/expected-to-fail.log"
if dotnet test "$CONSUMER/Consumer.Tests.csproj" -c Release --no-build --filter "Category=ExpectedToFail" \
  --logger "console;verbosity=normal" >"$EXPECTED_LOG" 2>&1; then
  failed=$((failed + 1)); echo "FAILED: the wrong derivative was NOT caught: the test passed" >&2
else
  grep -E "swish_wrong|Falsifiable|Shrunk|worst at|Replay this run" "$EXPECTED_LOG" | sed 's/^/    /' | head -n 12
  check "the wrong derivative fails with the kit's message" grep -q "activation 'swish_wrong': the derivative disagrees" "$EXPECTED_LOG"
  check "the failure shows a shrunk counterexample" grep -q "Shrunk" "$EXPECTED_LOG"
  check "the failure prints the replay seed" grep -q "Replay this run with new GradientKitOptions(Replay: (" "$EXPECTED_LOG"
  check "exactly one test ran, and it failed" bash -c "grep -qE '^Total tests: 1\$' '$EXPECTED_LOG' && grep -qE '^ +Failed: 1\$' '$EXPECTED_LOG'"
fi

section "tool: dotnet tool install --global --add-source $FEED fnn (the README's line; --global into a throwaway DOTNET_CLI_HOME)"
mkdir -p "$WORK/tool-config" "$WORK/home"
cat >"$WORK/tool-config/NuGet.config" <<'CONFIG'
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><clear /></packageSources></configuration>
CONFIG
# Run from a folder whose NuGet.config clears every registry: 'fnn' can only come from the local folder. The README's
# line as printed (<folder> = the feed); --global installs into $DOTNET_CLI_HOME/.dotnet/tools, a throwaway home here,
# so the machine's own global tools are untouched.
(cd "$WORK/tool-config" && DOTNET_CLI_HOME="$WORK/home" dotnet tool install --global --add-source "$FEED" fnn)
ln -s "$WORK/home/.dotnet/tools" "$WORK/tools"
check "the installed tool is version $VERSION" bash -c "DOTNET_CLI_HOME='$WORK/home' dotnet tool list --global | grep -qE '^fnn +$VERSION +fnn'"
FNN_LOG="$WORK/fnn.log"
check "fnn runs" bash -c "'$WORK/tools/fnn' >'$FNN_LOG'"
tail -n 5 "$FNN_LOG" | sed 's/^/    /'
for figure in 0.298371109 0.082167041 3.5085e-05; do
  check "fnn prints the worked example's figure $figure" grep -qF -- "$figure" "$FNN_LOG"
done
GOLDENS="$ROOT/../shared/goldens/reference-cases.json"
if [ -f "$GOLDENS" ]; then
  ONNX="$WORK/xor.onnx"
  check "fnn export-onnx writes an ONNX model (IR version 9)" bash -c \
    "'$WORK/tools/fnn' export-onnx '$GOLDENS' --case xor_2_2_2_tanh_identity_mse_b4 --out '$ONNX' && [ \"\$(od -An -tx1 -N2 '$ONNX' | tr -d ' ')\" = 0809 ]"
fi

section "library <-> tool: a model saved in code read by fnn evaluate; fnn train's model.fnn predicting in code"
EXCHANGE="$WORK/exchange"
mkdir -p "$EXCHANGE"
cat >"$EXCHANGE/moons.json" <<'JSON'
{
  "name": "moons",
  "seed": 5,
  "data": { "source": "generated", "generator": "two_moons", "count": 300, "noise": 0.1, "seed": 3 },
  "network": { "layers": [ { "units": 8, "activation": "tanh" }, { "units": 2, "activation": "softmax" } ] },
  "loss": "softmax_ce",
  "optimizer": { "name": "adam", "learning_rate": 0.02 },
  "training": { "batch_size": 16, "epochs": 5, "validation_split": 0.2, "standardize": true }
}
JSON
PREDICT_DATA="generated:two_moons,count=50,noise=0.1,seed=99"
echo "$PREDICT_DATA" >"$EXCHANGE/predict-data.txt"
check "fnn train writes a model.fnn (standardized inputs)" "$WORK/tools/fnn" train "$EXCHANGE/moons.json" --out "$EXCHANGE/run" --quiet
check "fnn predict writes its predictions" "$WORK/tools/fnn" predict "$EXCHANGE/run/model.fnn" --data "$PREDICT_DATA" \
  --out "$EXCHANGE/fnn-predictions.csv"
check "consumer: the exchange tests pass (save in code; load fnn's model and predict)" env FNN_EXCHANGE="$EXCHANGE" \
  dotnet test "$CONSUMER/Consumer.Tests.csproj" -c Release --no-build --filter "Category=WithFnn" --logger "console;verbosity=normal"
same_predictions() { # the outputs predicted in code equal, number for number, the columns fnn predict wrote
  [ -s "$EXCHANGE/code-predictions.csv" ] || return 1
  local columns
  columns="$(head -n 1 "$EXCHANGE/code-predictions.csv" | awk -F, '{ print NF }')"
  tail -n +2 "$EXCHANGE/fnn-predictions.csv" | cut -d, -f1-"$columns" >"$EXCHANGE/fnn-outputs.csv"
  echo "    $(wc -l <"$EXCHANGE/code-predictions.csv") rows of $((columns - 1)) outputs; first: $(head -n 1 "$EXCHANGE/code-predictions.csv")"
  cmp -s "$EXCHANGE/fnn-outputs.csv" "$EXCHANGE/code-predictions.csv"
}
check "TrainedModel.Predict in code gives exactly the numbers of fnn predict" same_predictions
evaluate_reads_code_model() { # fnn evaluate reads the file saved in code and reports the loss computed in code
  [ -s "$EXCHANGE/xor-from-code.loss" ] || return 1
  "$WORK/tools/fnn" evaluate "$EXCHANGE/xor-from-code.fnn" --data generated:xor,count=4 --json >"$EXCHANGE/evaluate.json" || return 1
  local loss accuracy
  loss="$(grep -o '"loss": *[^,}]*' "$EXCHANGE/evaluate.json" | head -n 1 | sed 's/.*: *//')"
  accuracy="$(grep -o '"accuracy": *[^,}]*' "$EXCHANGE/evaluate.json" | head -n 1 | sed 's/.*: *//')"
  echo "    fnn evaluate: loss $loss, accuracy $accuracy; in code: loss $(cat "$EXCHANGE/xor-from-code.loss")"
  awk -v a="$loss" -v b="$(cat "$EXCHANGE/xor-from-code.loss")" -v acc="$accuracy" 'BEGIN { exit !(a + 0 == b + 0 && acc + 0 == 1) }'
}
check "fnn evaluate reads the model saved in code: accuracy 1 and the loss computed in code" evaluate_reads_code_model

echo
echo "pack-and-consume: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
