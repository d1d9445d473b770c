#!/usr/bin/env bash
# Drag feedback (issue 19, point 7), measured under Xvfb at 1024x640 with openbox (argument "openbox", the
# default when installed) or without a window manager ("none"): how long the drag image stays after the
# release (a refused drop makes GTK slide it back, ~0.5 s)
#   1. in the Listing, the first photo dragged into the gap after the second (taken since decision 0019)
#   2. the same photo dragged onto the status bar (refused by design)
# Needs target/roomnet.jar (mvn -o -Pcpu -DskipTests package), Xvfb, xdotool, xwininfo. Pointer positions are
# the 1024x640 layout of the window (a 21-photo shoot copied from the pool into a temporary folder).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
pool=${ROOMNET_POOL:-$repo/../shared/datasets/roomtypes}
wm=${1:-$(command -v openbox >/dev/null && echo openbox || echo none)}
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/shoot" "$work/home"
for src in houses/Kitchen houses/Bathroom houses/Bedroom houses/Frontyard propmix_mls/Backyard \
           roboflow_rooms/LivingRoom house_rooms/DiningRoom; do
  mapfile -t files < <(find "$pool/$src" -name '*.jpg' | sort)
  cp "${files[@]:0:3}" "$work/shoot/"
done
export DISPLAY=:97
Xvfb "$DISPLAY" -screen 0 1024x640x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
sleep 1
if [[ $wm == openbox ]]; then
  openbox --sm-disable >/dev/null 2>&1 &
  pids+=($!)
  sleep 1
fi
HOME=$work/home java -Duser.home="$work/home" -Djava.util.prefs.userRoot="$work/home/prefs" \
  -Droomnet.open="$work/shoot" -Dprism.order=sw -jar target/roomnet.jar >"$work/app.log" 2>&1 &
pids+=($!)
for _ in $(seq 180); do [[ -f $work/shoot/.roomnet-review.tsv ]] && break; sleep 1; done
sleep 2
win=$(xdotool search --onlyvisible --name 'RoomNet Organizer' | head -1)
[[ $wm == none ]] && xdotool windowmove "$win" 0 0 && sleep 1
X=$(xwininfo -id "$win" | awk '/Absolute upper-left X/ {print $4}')
Y=$(xwininfo -id "$win" | awk '/Absolute upper-left Y/ {print $4}')

click() { # x y, in the window
  xdotool mousemove $((X + $1)) $((Y + $2)); sleep 0.3
  xdotool mousedown 1; sleep 0.15; xdotool mouseup 1; sleep 1
}

drag() { # x1 y1 x2 y2, in the window; prints how long the drag image stays after the release
  xdotool mousemove $((X + $1)) $((Y + $2)); sleep 0.2; xdotool mousedown 1; sleep 0.2
  for i in $(seq 1 20); do
    xdotool mousemove $((X + $1 + ($3 - $1) * i / 20)) $((Y + $2 + ($4 - $2) * i / 20)); sleep 0.05
  done
  sleep 0.5
  local view
  view=$(xwininfo -root -tree | grep -E '"java": \(\)  96x' | awk '{print $1}' | head -1)
  local t0
  t0=$(date +%s%N)
  xdotool mouseup 1
  if [[ -z $view ]]; then echo "no drag image seen"; return; fi
  while xwininfo -id "$view" 2>/dev/null | grep -q IsViewable; do :; done
  echo "drag image gone $(( ($(date +%s%N) - t0) / 1000000 )) ms after the release"
}

echo "window manager: $wm"
click 78 478 # the Listing
echo "1. Listing, into the gap after the second photo: $(drag 344 193 585 193)"
echo "2. onto the status bar: $(drag 344 193 500 575)"
