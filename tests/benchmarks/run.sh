#!/usr/bin/env bash
# The performance figures of README "Performance" and docs/decisions/0009, measured side by side.
# Generated photos go to tests/benchmarks/work (git-ignored; about 700 MB for 80 distinct 24 MP JPEGs).
# Usage: tests/benchmarks/run.sh [extra model.onnx]    (needs `mvn -Pcpu -DskipTests package` first)
set -euo pipefail
cd "$(dirname "$0")/../.."
work=tests/benchmarks/work
jar=target/roomnet.jar
models=(model/roomnet.onnx "$@")

echo "== classify end to end vs naive decode: 80 noisy 24 MP JPEGs, 3 rounds per model"
for m in "${models[@]}"; do
  java -Xmx1g -jar "$jar" benchmark --photos 80 --distinct 80 --baseline-photos 80 --rounds 3 --end-to-end \
    --provider cpu --model "$m" --work "$work/shoot80"
done

echo "== 2,000 photos in a 1 GB heap (fast path on, then off), peak resident memory from /proc"
for fast in true false; do
  java -Xmx1g -Droomnet.fastJpeg=$fast -Xlog:gc:file="$work/gc-$fast.log" -jar "$jar" benchmark --photos 2000 \
    --distinct 24 --baseline-photos 4 --provider cpu --work "$work/shoot2000" &
  pid=$!
  peak=0
  while kill -0 "$pid" 2>/dev/null; do
    rss=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    peak=$(( rss > peak ? rss : peak ))
    sleep 1
  done
  wait "$pid"
  live=$(grep -o -- '->[0-9]*M' "$work/gc-$fast.log" | tr -dc '0-9\n' | sort -n | tail -1)
  echo "fastJpeg=$fast: peak resident $(( peak / 1024 )) MB; largest heap after a GC ${live} MB;" \
       "full GCs: $(grep -c 'Pause Full' "$work/gc-$fast.log" || true)"
done

echo "== opening a 200-photo 24 MP shoot: first thumbnails (fast path, then ImageIO in a new JVM)"
java -Xmx1g -jar "$jar" first-thumbnails --photos 200 --distinct 24 --rounds 3 --imageio-baseline \
  --provider cpu --work "$work/shoot200"
