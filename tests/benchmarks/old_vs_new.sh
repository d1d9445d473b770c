#!/usr/bin/env bash
# `benchmark --end-to-end` of two jars on the same generated 24 MP shoot, alternating, N runs each
# (issue 17: the jar before and after). Usage: tests/benchmarks/old_vs_new.sh OLD.jar NEW.jar [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
old=$1 new=$2 runs=${3:-3}
args=(--photos 80 --distinct 24 --baseline-photos 8 --rounds 1 --end-to-end --work tests/benchmarks/work/shoot24
      --provider cpu --model model/roomnet.onnx)
java -Xmx1g -jar "$new" benchmark --photos 80 --distinct 24 --rounds 0 --work tests/benchmarks/work/shoot24 \
  --provider cpu --model model/roomnet.onnx >/dev/null
for i in $(seq "$runs"); do
  for jar in "$old" "$new"; do
    echo "=== $jar run $i, load $(cut -d' ' -f1-3 /proc/loadavg)"
    java -Xmx1g -jar "$jar" benchmark "${args[@]}" 2>&1 | grep -E "classify|round"
  done
done
