#!/usr/bin/env bash
# The performance figures of README "Performance", model/README.md and docs/decisions/0009, measured side
# by side (the outputs of the run quoted there are in model/eval/measurements/).
# Generated photos go to tests/benchmarks/work (git-ignored; about 700 MB for 80 distinct 24 MP JPEGs).
# The measuring commands (benchmark, first-thumbnails, benchmark-listing) live in org.roomnet.bench: hidden from
# `roomnet.jar --help`, but run from the same jar (the launcher adds them to the command line).
# Usage: tests/benchmarks/run.sh [extra model.onnx]    (needs `mvn -Pcpu -DskipTests package` first)
set -euo pipefail
cd "$(dirname "$0")/../.."
work=tests/benchmarks/work
jar=target/roomnet.jar
models=(model/roomnet.onnx "$@")

echo "== classify a copy of the 1,688 validation photos: model v1 vs the shipped model, alternating, 2 rounds"
val="$PWD/$work/validation-copy"
[[ -d "$val" ]] || (cd training && python3 -m roomnet_training.cli_agreement copy --to "$val")
for round in 1 2; do
  for m in model/v1/roomnet-v1.onnx "${models[@]}"; do
    start=$(date +%s.%N)
    java -jar "$jar" classify "$val" --csv "$work/val-$(basename "$m" .onnx)-$round.csv" --model "$m" \
      --provider cpu 2>/dev/null
    end=$(date +%s.%N)
    echo "round $round $m: $(python3 -c "print(f'{$end-$start:.1f} s, {1688/($end-$start):.1f} photos/s')")"
  done
done
echo "== the same labels as Python? (the shipped model)"
(cd training && python3 -m roomnet_training.cli_agreement compare --csv "../$work/val-roomnet-1.csv" \
  --photos "$val" --onnx ../model/roomnet.onnx)

echo "== classify end to end vs naive decode: 80 noisy 24 MP JPEGs, 3 rounds per model"
for m in "${models[@]}"; do
  java -Xmx1g -jar "$jar" benchmark --photos 80 --distinct 80 --baseline-photos 80 --rounds 3 --end-to-end \
    --provider cpu --model "$m" --work "$work/shoot80"
done

echo "== memory: classify 300 photos with the fast path on and off, then 2,000 photos in a 1 GB heap"
# peak resident memory from /proc; heap after each GC from the GC log
measure() { # shoot-dir fastJpeg label
  java -Xmx1g -Droomnet.fastJpeg="$2" -Xlog:gc:file="$work/gc-$3.log" -jar "$jar" classify "$1" \
    --csv "$work/$3.csv" --provider cpu 2>"$work/$3.err" &
  local pid=$! peak=0 rss
  while kill -0 "$pid" 2>/dev/null; do
    rss=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null); rss=${rss:-0}
    peak=$(( rss > peak ? rss : peak )); sleep 0.5
  done
  wait "$pid"
  echo "$3: peak resident $(( peak / 1024 )) MB; largest heap after a GC" \
       "$(grep -o -- '->[0-9]*M' "$work/gc-$3.log" | tr -dc '0-9\n' | sort -n | tail -1) MB;" \
       "full GCs $(grep -c 'Pause Full' "$work/gc-$3.log" || true); $(tail -1 "$work/$3.err")"
}
java -jar "$jar" benchmark --photos 300 --distinct 24 --rounds 0 --provider cpu --work "$work/shoot300" >/dev/null
java -jar "$jar" benchmark --photos 2000 --distinct 24 --rounds 0 --provider cpu --work "$work/shoot2000" >/dev/null
measure "$work/shoot300/shoot" true fast-300
measure "$work/shoot300/shoot" false imageio-300
measure "$work/shoot2000/shoot" true fast-2000

echo "== opening a 200-photo 24 MP shoot: first thumbnails (fast path, then ImageIO in a new JVM)"
java -Xmx1g -jar "$jar" first-thumbnails --photos 200 --distinct 24 --rounds 3 --imageio-baseline \
  --provider cpu --work "$work/shoot200"
