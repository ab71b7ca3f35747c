#!/usr/bin/env bash
# Functional.NN and PyTorch side by side, on this machine, in one run: the same workloads alternated
# (ours, then PyTorch's, repeat), at 1 and at 2 threads. Prints one JSON line per figure, then a table of
# ratios (Functional.NN / PyTorch, medians over the repeats). A speed claim is only ever such a ratio.
#
#   scripts/bench-vs-pytorch.sh [--repeats R] [--epochs E] [--threads "1 2"] [--dtype float64|float32]
#                               [--workloads "seed mlp infer fashion-mnist"] [--out FILE]
#
# Workloads: seed (the tutorial's 2-2-2 step), mlp (784-256-128-10 step, batch 128, SGD and Adam), infer
# (forward pass, batch 1024), fashion-mnist (`fnn train examples/fashion-mnist.json --epochs E`, end to
# end: process start to exit, with peak resident memory from /usr/bin/time -v and the test accuracy).
# --dtype goes to both sides (`fnn bench --dtype`, `fnn train --dtype`, bench_pytorch.py --dtype), and every JSON
# line records the dtype it ran in.
# PyTorch runs with the environment's OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE removed, so that OpenBLAS
# picks its best kernel for this processor (the strongest peer), with torch's own N threads and OpenBLAS
# one-threaded inside: on the 2-core machine that was PyTorch's fastest setting at 2 threads (infer
# 67,300 samples/s and mlp SGD 55,700, against 50,600 and 12,500 with both pools at 2 threads, and 58,600
# and 43,500 with both at 2 and OMP_WAIT_POLICY=PASSIVE), as it is Functional.NN's own design.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"

REPEATS=3 EPOCHS=15 THREADS="1 2" DTYPE=float64 WORKLOADS="seed mlp infer fashion-mnist"
OUT="$ROOT/TestResults/bench-vs-pytorch.jsonl"
while [ $# -gt 0 ]; do
  case "$1" in
    --repeats) REPEATS="$2"; shift 2 ;;
    --epochs) EPOCHS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --dtype) DTYPE="$2"; shift 2 ;;
    --workloads) WORKLOADS="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    *) echo "usage: $0 [--repeats R] [--epochs E] [--threads \"1 2\"] [--dtype float64|float32] [--workloads \"...\"] [--out FILE]" >&2; exit 2 ;;
  esac
done
case "$DTYPE" in float64|float32) ;; *) echo "--dtype: expected float32 or float64, got '$DTYPE'" >&2; exit 2 ;; esac

PY=/usr/bin/python3
need=()
"$PY" -c "import torch, numpy" 2>/dev/null || need+=(python3-torch python3-numpy)
[ -x /usr/bin/time ] || need+=(time)
[ -d /usr/share/datasets/fashion-mnist ] || need+=(dataset-fashion-mnist)
if [ "${#need[@]}" -gt 0 ]; then
  echo "installing ${need[*]} (Debian packages)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

dotnet build -c Release src/App -v quiet -nologo >/dev/null
FNN=(dotnet "$ROOT/src/App/bin/Release/net10.0/fnn.dll")
mkdir -p "$(dirname "$OUT")"
: > "$OUT"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# Which OpenBLAS kernel PyTorch gets without the environment's override.
CORE="$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_VERBOSE=2 "$PY" -c 'import torch; torch.ones(2,2,dtype=torch.float64) @ torch.ones(2,2,dtype=torch.float64)' 2>&1 | sed -n 's/^Core: //p' | head -n 1)"
echo "PyTorch $("$PY" -c 'import torch; print(torch.__version__)'), OpenBLAS core: ${CORE:-unknown}; $(nproc) processors; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" >&2

torch_run() { # torch_run THREADS ARGS... : one PyTorch workload, its JSON line on stdout
  local t="$1"; shift
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS="$t" OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 \
    FNN_BENCH_BLAS_CORE="$CORE" "$PY" scripts/bench_pytorch.py "$@" --threads "$t" --dtype "$DTYPE"
}

emit() { tee -a "$OUT"; }

train_ours() { # train_ours THREADS REPEAT: fnn train end to end, one JSON line
  local t="$1" r="$2" dir="$WORK/fm-$1-$2"
  local exp="$ROOT/examples/fashion-mnist.json"
  local start end
  start=$(date +%s.%N)
  FNN_THREADS="$t" /usr/bin/time -v -o "$WORK/time-ours" "${FNN[@]}" train "$exp" --epochs "$EPOCHS" --dtype "$DTYPE" --out "$dir" --quiet > "$WORK/train.log"
  end=$(date +%s.%N)
  "$PY" - "$dir/manifest.json" "$WORK/time-ours" "$start" "$end" "$t" "$EPOCHS" "$DTYPE" <<'EOF'
import json, os, sys
manifest = json.load(open(sys.argv[1]))
# The dtype the run trained in, as its experiment.json records it (written only for float32).
dtype = json.load(open(os.path.join(os.path.dirname(sys.argv[1]), "experiment.json"))).get("dtype", "float64")
assert dtype == sys.argv[7], f"the run trained in {dtype}, --dtype asked for {sys.argv[7]}"
rss = next(int(l.split(":")[1]) for l in open(sys.argv[2]) if "Maximum resident set size" in l)
start, end, threads, epochs = float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
def find(node, key):
    if isinstance(node, dict):
        if key in node: return node[key]
        for v in node.values():
            found = find(v, key)
            if found is not None: return found
    return None
training = find(manifest.get("data", {}), "training")
test = manifest.get("test") or {}
samples = epochs * training
print(json.dumps({"bench": "fashion-mnist", "impl": "Functional.NN", "dtype": dtype, "threads": threads,
                  "epochs": epochs, "samples": samples, "wall_s": end - start, "samples_per_s": samples / (end - start),
                  "peak_rss_mb": rss / 1024, "test_accuracy": find(test, "final_accuracy") or find(test, "FinalAccuracy"),
                  "model_sha256": find(manifest, "model_sha256")}))
EOF
}

train_torch() { # train_torch THREADS: PyTorch end to end, one JSON line with its peak memory added
  local t="$1"
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS="$t" OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 FNN_BENCH_BLAS_CORE="$CORE" \
    /usr/bin/time -v -o "$WORK/time-torch" "$PY" scripts/bench_pytorch.py fashion-mnist --threads "$t" --dtype "$DTYPE" --epochs "$EPOCHS" > "$WORK/torch.json"
  "$PY" - "$WORK/torch.json" "$WORK/time-torch" <<'EOF'
import json, sys
line = json.loads(open(sys.argv[1]).read())
line["peak_rss_mb"] = next(int(l.split(":")[1]) for l in open(sys.argv[2]) if "Maximum resident set size" in l) / 1024
print(json.dumps(line))
EOF
}

for t in $THREADS; do
  for r in $(seq 1 "$REPEATS"); do
    for w in $WORKLOADS; do
      case "$w" in
        seed) "${FNN[@]}" bench seed --threads "$t" --dtype "$DTYPE" | emit; torch_run "$t" seed | emit ;;
        mlp) "${FNN[@]}" bench mlp --threads "$t" --dtype "$DTYPE" | emit; torch_run "$t" mlp-sgd | emit; torch_run "$t" mlp-adam | emit ;;
        infer) "${FNN[@]}" bench infer --threads "$t" --dtype "$DTYPE" | emit; torch_run "$t" infer | emit ;;
        fashion-mnist) train_ours "$t" "$r" | emit; train_torch "$t" | emit ;;
        *) echo "unknown workload $w" >&2; exit 2 ;;
      esac
    done
  done
done

"$PY" scripts/bench_table.py "$OUT"
