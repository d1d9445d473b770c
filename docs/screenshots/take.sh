#!/usr/bin/env bash
# Screenshots of the desktop app under Xvfb at 1024x640 and 1366x768 (issue 19), saved in docs/screenshots/:
#   main-<size>.png           the main window once a small shoot is classified
#   needs-review-<size>.png   the Needs review queue across rooms (Ctrl+0)
#   unreviewed-question-<size>.png  Export for Listing asks first about photos not reviewed yet
#   export-dialog-<size>.png  the Export for Listing dialog
# The shoot is photos copied from the shared pool into a temporary folder (never into the repository);
# settings, memory and journals go to a temporary home, so the user's own are not touched.
# With openbox installed (apt-get install openbox) the window is managed as on a desktop (the app sizes itself
# to the screen less room for the frame); without one it is moved to 0,0 and sized to the screen.
# Usage: docs/screenshots/take.sh [WxH ...]      (SKIP_BUILD=1: use target/roomnet.jar as it is)
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
out=$repo/docs/screenshots
pool=${ROOMNET_POOL:-$repo/../shared/datasets/roomtypes}
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1024x640 1366x768)
[[ ${SKIP_BUILD:-0} == 1 ]] || mvn -o -q -Pcpu -DskipTests package
for tool in Xvfb xdotool import; do
  command -v "$tool" >/dev/null || { echo "take.sh needs $tool" >&2; exit 1; }
done

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# a small shoot: three photos per room type of one source each, two of them as 24 MP JPEGs, and a cut JPEG
make_shoot() {
  local dir=$1
  mkdir -p "$dir"
  for src in houses/Kitchen houses/Bathroom houses/Bedroom houses/Frontyard propmix_mls/Backyard \
             roboflow_rooms/LivingRoom house_rooms/DiningRoom; do
    local files
    mapfile -t files < <(find "$pool/$src" -name '*.jpg' | sort)
    cp "${files[@]:0:3}" "$dir/"
  done
  local first
  first=$(find "$dir" -name '*.jpg' | sort | head -2)
  for f in $first; do
    convert "$f" -resize 6000x4000! -quality 90 "${f%.jpg}-24mp.jpg"
  done
  f=$(find "$dir" -name '*.jpg' ! -name '*-24mp.jpg' | sort | tail -1)
  head -c "$(($(stat -c %s "$f") / 2))" "$f" > "$dir/cut-in-half.jpg"
}

# waits up to $2 seconds for the command $1 to succeed
wait_for() {
  local cond=$1 limit=$2
  for _ in $(seq "$limit"); do
    if eval "$cond"; then return 0; fi
    sleep 1
  done
  echo "timed out waiting for: $cond" >&2
  return 1
}

shoot_size() {
  local size=$1 display=$2
  local w=${size%x*} h=${size#*x}
  local shoot=$work/shoot-$size/12-main-st home=$work/home-$size
  make_shoot "$shoot"
  mkdir -p "$home"
  Xvfb ":$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
  pids+=($!)
  export DISPLAY=":$display"
  wait_for "xdpyinfo >/dev/null 2>&1 || xdotool getmouselocation >/dev/null 2>&1" 20
  local wm=none
  if command -v openbox >/dev/null; then
    openbox --sm-disable >/dev/null 2>&1 &
    pids+=($!)
    wm=openbox
    sleep 1
  fi
  HOME=$home java -Duser.home="$home" -Djava.util.prefs.userRoot="$home/prefs" -Droomnet.open="$shoot" \
    -Dprism.order=sw -jar target/roomnet.jar >"$work/app-$size.log" 2>&1 &
  local app=$!
  pids+=("$app")
  wait_for "xdotool search --onlyvisible --name 'RoomNet Organizer' >/dev/null 2>&1" 60
  local win
  win=$(xdotool search --onlyvisible --name '12-main-st' | head -1)
  if [[ $wm == none ]]; then
    xdotool windowmove "$win" 0 0 windowsize "$win" "$w" "$h"
  fi
  # classified and saved: the review file is written beside the shoot once classification is done
  wait_for "[[ -f '$shoot/.roomnet-review.tsv' ]]" 180
  sleep 3
  xdotool mousemove "$((w - 5))" "$((h - 5))"
  import -window root "$out/main-$size.png"
  xdotool windowactivate --sync "$win" key ctrl+0
  sleep 1
  import -window root "$out/needs-review-$size.png"
  xdotool key ctrl+1
  sleep 1
  xdotool key ctrl+shift+e
  # nothing is reviewed yet: the app asks first ("Export Anyway" is the default button)
  wait_for "xdotool search --onlyvisible --name 'not reviewed yet' >/dev/null 2>&1" 30
  sleep 1
  import -window root "$out/unreviewed-question-$size.png"
  xdotool key Return
  wait_for "xdotool search --onlyvisible --name 'Export for listing' >/dev/null 2>&1" 30
  sleep 1
  import -window root "$out/export-dialog-$size.png"
  xdotool key Escape
  sleep 1
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  echo "$size ($wm): $(cd "$out" && ls ./*-"$size".png | tr '\n' ' ')"
}

display=91
for size in "${sizes[@]}"; do
  shoot_size "$size" "$display"
  display=$((display + 1))
done
# keep the pictures small: 256 colours are plenty for a UI
for f in "$out"/*-{1024x640,1366x768}.png; do
  [[ -f $f ]] && convert "$f" -colors 256 PNG8:"$f"
done
ls -l "$out"
