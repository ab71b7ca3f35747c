#!/usr/bin/env bash
# Hostile-inputs check (issue 12): every reproduction of the issue must end in one line "fnn: error: ..."
# on standard error and a non-zero exit within 5 s and 300 MB of resident memory (GNU time's "Maximum
# resident set size"), or, where the input is valid, succeed. The process runs as it would in a container
# with a small memory limit: DOTNET_GCHeapHardLimit (256 MiB) is what GC.GetGCMemoryInfo() reports as the
# memory available, as a cgroup limit would be.
#
#   scripts/hostile-inputs-check.sh        prints one line per case: verdict, seconds, max RSS, the message
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
dotnet build -c Release src/App -nologo -v quiet >/dev/null
FNN="$PWD/src/App/bin/Release/net10.0/fnn.dll"
LIMIT_MS=5000
LIMIT_KB=$((300 * 1024))
failures=0

# case NAME EXPECT(fail|ok) ARGS...: runs fnn ARGS under GNU time and checks the verdict, time, memory and message.
case_() {
  local name="$1" expect="$2"; shift 2
  local code=0
  DOTNET_GCHeapHardLimit=0x10000000 /usr/bin/time -v -o "$WORK/time" timeout 60 dotnet "$FNN" "$@" >"$WORK/out" 2>"$WORK/err" </dev/null || code=$?
  local rss seconds ms message verdict=ok
  rss=$(grep 'Maximum resident set size' "$WORK/time" | grep -o '[0-9]*$')
  seconds=$(grep 'Elapsed (wall clock)' "$WORK/time" | grep -o '[0-9:.]*$' | awk -F: '{ print ($1 * 60) + $2 }')
  ms=$(awk -v s="$seconds" 'BEGIN { printf "%d", s * 1000 }')
  message=$(head -c 300 "$WORK/err" | head -n 1)
  if [ "$expect" = fail ]; then
    if [ "$code" -eq 0 ] || [ "$code" -eq 124 ]; then verdict="FAIL(exit $code)"
    elif [ "$(wc -l <"$WORK/err")" -ne 1 ] || ! grep -q '^fnn: error: ' "$WORK/err"; then verdict="FAIL(not one error line)"
    elif [ "$(wc -c <"$WORK/err")" -gt 2100 ]; then verdict="FAIL(error line of $(wc -c <"$WORK/err") bytes)"; fi
  else
    [ "$code" -eq 0 ] || verdict="FAIL(exit $code)"
    message=$(head -n 1 "$WORK/out" | cut -c1-200)
  fi
  [ "$expect" = ok ] || [ "$ms" -le "$LIMIT_MS" ] || verdict="FAIL(${ms} ms)" # a valid run takes as long as it trains
  [ "$rss" -le "$LIMIT_KB" ] || verdict="FAIL(${rss} KB)"
  [ "$verdict" = ok ] || failures=$((failures + 1))
  printf '%-4s | %-40s | exit %-3s | %5.2f s | %4d MB | %s\n' "$verdict" "$name" "$code" "$seconds" $((rss / 1024)) "$message"
}

# A small valid model and experiment to build on.
dotnet "$FNN" train examples/two-moons.json --epochs 1 --out "$WORK/run" --quiet >/dev/null
MODEL="$WORK/run/model.fnn"
DATA="generated:two_moons,count=50"
experiment() { # experiment FILE JSON-FRAGMENTS...: a two-moons experiment with the given top-level fields replaced
  python3 - "$@" <<'PY'
import json, sys
path, *pairs = sys.argv[1:]
e = json.load(open("examples/two-moons.json"))
e["training"]["epochs"] = 1
for pair in pairs:
    key, value = pair.split("=", 1)
    target = e
    *parents, last = key.split(".")
    for p in parents: target = target[p]
    target[last] = json.loads(value)
json.dump(e, open(path, "w"))
PY
}

truncate -s 2G "$WORK/big.fnn"
case_ "2 GB file as a model" fail evaluate "$WORK/big.fnn" --data "$DATA"
head -c 64 "$MODEL" >"$WORK/huge.fnn"; truncate -s 2G "$WORK/huge.fnn"
case_ "2 GB file with a model header" fail evaluate "$WORK/huge.fnn" --data "$DATA"
case_ "/dev/zero as a model" fail evaluate /dev/zero --data "$DATA"
case_ "/dev/zero as an experiment" fail train /dev/zero --out "$WORK/z"
mkfifo "$WORK/pipe.fnn" "$WORK/pipe.json" "$WORK/pipe.csv"
case_ "named pipe as a model" fail evaluate "$WORK/pipe.fnn" --data "$DATA"
case_ "named pipe as an experiment" fail train "$WORK/pipe.json" --out "$WORK/p"
case_ "named pipe as CSV data" fail evaluate "$MODEL" --data "csv:$WORK/pipe.csv,label=y,features=a+b"
case_ "directory as a model" fail evaluate "$WORK" --data "$DATA"
case_ "directory as a plain JSON model" fail export-onnx "$WORK/run" --out "$WORK/x.onnx"
mkdir "$WORK/dir.json"
case_ "directory as plain JSON (*.json)" fail export-onnx "$WORK/dir.json" --out "$WORK/x.onnx"
python3 - "$WORK" <<'PY'
import gzip, struct, sys, zlib
work = sys.argv[1]
zeros = bytes(1 << 20)
def bomb(path, header, megabytes):
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    with open(path, "wb") as f:
        f.write(c.compress(header))
        for _ in range(megabytes): f.write(c.compress(zeros))
        f.write(c.flush())
bomb(f"{work}/zeros.gz", b"", 2048)                                          # 2 GB of zeros: no IDX magic
bomb(f"{work}/endless.gz", struct.pack(">iiii", 0x803, 100, 28, 28), 2048)   # 100 images declared, 2 GB follow
bomb(f"{work}/huge-header.gz", struct.pack(">iiii", 0x803, 2**31 - 1, 28, 28), 8)   # 2^31 x 784 declared
with gzip.open(f"{work}/labels.gz", "wb") as f: f.write(struct.pack(">ii", 0x801, 100) + bytes(100))
PY
ls -la "$WORK"/*.gz | awk '{ print "  " $5 " bytes " $NF }'
case_ "gzip bomb IDX (zeros)" fail evaluate "$MODEL" --data "idx:$WORK/zeros.gz,labels=$WORK/labels.gz"
case_ "gzip bomb IDX (valid header, endless)" fail evaluate "$MODEL" --data "idx:$WORK/endless.gz,labels=$WORK/labels.gz"
case_ "IDX header declaring 1.7e12 bytes" fail evaluate "$MODEL" --data "idx:$WORK/huge-header.gz,labels=$WORK/labels.gz"
{ printf 'a,b,y\n'; head -c 1073741824 /dev/zero | tr '\0' '1'; } >"$WORK/line.csv"
case_ "1 GB CSV line" fail evaluate "$MODEL" --data "csv:$WORK/line.csv,label=y,features=a+b"
printf 'a,b,y\n0.1\0,0.2,0\n0.3,0.4,1\n' >"$WORK/nul.csv"
case_ "NUL inside a CSV number" fail evaluate "$MODEL" --data "csv:$WORK/nul.csv,label=y,features=a+b"
experiment "$WORK/units.json" 'network.layers=[{"units": 1000000000, "activation": "tanh"}, {"units": 2, "activation": "softmax"}]'
case_ "10^9 hidden units" fail train "$WORK/units.json" --out "$WORK/u"
experiment "$WORK/count.json" 'data.count=100000000'
case_ "data.count 10^8" fail train "$WORK/count.json" --out "$WORK/c"
experiment "$WORK/square.json" 'network.layers=[{"units": 100000, "activation": "tanh"}, {"units": 100000, "activation": "tanh"}, {"units": 2, "activation": "softmax"}]'
case_ "100000 x 100000 units" fail train "$WORK/square.json" --out "$WORK/s"
experiment "$WORK/batch.json" 'training.batch_size=1000000000000'
case_ "batch_size 10^12" fail train "$WORK/batch.json" --out "$WORK/b"
python3 -c "import json,sys; e=json.load(open('$WORK/batch.json')); e['training']['batch_size']=32; e['name']='n'*(50*1024*1024); json.dump(e, open('$WORK/name.json','w'))"
case_ "50 MB name" fail train "$WORK/name.json" --out "$WORK/n"
python3 -c "import json,sys; e=json.load(open('$WORK/batch.json')); e['training']['batch_size']=32; e['name']='n'*(1024*1024); json.dump(e, open('$WORK/name1.json','w'))"
case_ "1 MB name" fail train "$WORK/name1.json" --out "$WORK/n1"
experiment "$WORK/binary.json" 'network.layers=[{"units": 8, "activation": "tanh"}, {"units": 1, "activation": "sigmoid"}]' 'loss="bce"'
case_ "single sigmoid output with bce (valid)" ok train "$WORK/binary.json" --out "$WORK/bin" --quiet
experiment "$WORK/logits.json" 'network.layers=[{"units": 8, "activation": "tanh"}, {"units": 1, "activation": "identity"}]' 'loss="bce_logits"'
case_ "single output with bce_logits (valid)" ok train "$WORK/logits.json" --out "$WORK/logits" --quiet
case_ "a typo in a command" fail tarin examples/two-moons.json
case_ "a typo in an option" fail train examples/two-moons.json --epoch 3
case_ "a typo in a generator" fail evaluate "$MODEL" --data generated:two_mons
printf 'x' >"$WORK/exists.onnx"
case_ "export-onnx onto an existing file" fail export-onnx "$MODEL" --out "$WORK/exists.onnx"
case_ "output directory missing" fail predict "$MODEL" --data "$DATA" --out "$WORK/missing/p.csv"

if [ "$failures" -gt 0 ]; then echo "hostile-inputs: FAILED ($failures cases)"; exit 1; fi
echo "hostile-inputs: OK: every case ended as expected within 5 s and 300 MB"
