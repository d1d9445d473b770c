#!/usr/bin/env bash
# Measures the Spark job against `classify` on the same listing photos, one after the other under the same load
# (docs/batch.md gives the figures): labels must be identical; the acceptance of issue 21 is the job's own photos/s
# (once Spark has started) >= 0.8x classify's and its wall time (start-up included) <= 2x classify's.
#   batch/bench-vs-classify.sh [photos (default 1500)] [rounds (default 1)]
# The photos are symbolic links to ../shared/datasets/roomtypes/{houses,propmix_mls} in a temporary folder
# (never in the repository), removed at the end. Builds what is missing first (as run-local.sh does).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
n="${1:-1500}"
rounds="${2:-1}"
pool="$root/../shared/datasets/roomtypes"
work="$(mktemp -d "${TMPDIR:-/tmp}/roomnet-bench-batch.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir "$work/photos"

(cd "$pool" && find houses propmix_mls -name '*.jpg' | sort) > "$work/all.txt"
sed -n "1,${n}p" "$work/all.txt" | while read -r f; do
  ln -s "$pool/$f" "$work/photos/${f//\//_}"
done
count="$(find "$work/photos" -type l | wc -l)"
[ "$count" -eq "$n" ] || { echo "only $count photos in $pool" >&2; exit 1; }

(cd "$root" && mvn -q -B -Pcpu -DskipTests -Dcheckstyle.skip install) >&2
(cd "$here" && mvn -q -B -DskipTests -Dcheckstyle.skip package) >&2

now() { date +%s.%N; }
results="$work/results.txt"
: > "$results"
for r in $(seq 1 "$rounds"); do
  echo "== round $r: classify ($(uptime | sed 's/.*load/load/'))" >&2
  t0="$(now)"
  java -jar "$root/target/roomnet.jar" classify "$work/photos" --no-memory --csv "$work/classify.csv" 2> "$work/classify.err"
  t1="$(now)"
  tail -1 "$work/classify.err" >&2
  echo "== round $r: batch ($(uptime | sed 's/.*load/load/'))" >&2
  rm -rf "$work/out"
  t2="$(now)"
  "$here/run-local.sh" "$work/photos" "$work/out" 2> "$work/batch.err"
  t3="$(now)"
  grep -E '^(done|classified|run)' "$work/batch.err" >&2
  c_rate="$(sed -nE 's/.*\(([0-9.]+) photos\/s\)$/\1/p' "$work/classify.err" | tail -1)"
  b_rate="$(sed -nE 's/^classified in [0-9.]+ s: ([0-9.]+) photos\/s.*/\1/p' "$work/batch.err")"
  echo "$r $(echo "$t1 - $t0" | bc) $c_rate $(echo "$t3 - $t2" | bc) $b_rate" >> "$results"
done

python3 - "$work/classify.csv" "$work/out/labels.csv" "$results" "$n" <<'PY'
import csv, sys
c = {r[0]: r for r in csv.reader(open(sys.argv[1], newline=''))}
b = {r[0]: r for r in csv.reader(open(sys.argv[2], newline=''))}
header = c.pop('file'); b.pop('file')
labels = sum(1 for f in c if f not in b or b[f][1] != c[f][1])
review = sum(1 for f in c if f in b and b[f][4] != c[f][4])
scores = max((abs(float(x) - float(y)) for f in c if f in b for x, y in zip(c[f][5:-2], b[f][5:-2]) if x and y), default=0)
print(f"photos: {sys.argv[4]}; rows classify {len(c)}, batch {len(b)}; label differences: {labels}; "
      f"needs_review differences: {review}; largest score difference: {scores:.2e}")
for line in open(sys.argv[3]):
    r, cw, cr, bw, br = line.split()
    cw, cr, bw, br = float(cw), float(cr), float(bw), float(br)
    print(f"round {r}: classify {cw:.1f} s wall, {cr:.1f} photos/s | batch {bw:.1f} s wall, {br:.1f} photos/s "
          f"(own, once Spark has started) | photos/s ratio {br / cr:.2f} (>= 0.8), wall ratio {bw / cw:.2f} (<= 2)")
PY
echo "load at the end: $(uptime | sed 's/.*load/load/'); $(nproc) cores" >&2
