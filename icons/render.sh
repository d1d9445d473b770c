#!/usr/bin/env bash
# Regenerate the PNG renders and the Windows .ico from icons/roomnet.svg.
# Needs: rsvg-convert (Debian/Ubuntu: apt-get install librsvg2-bin)
#        python3 with Pillow (for roomnet.ico; skipped with a warning if missing)
# Usage: icons/render.sh        (from any directory)
set -euo pipefail

cd "$(dirname "$0")"
SVG=roomnet.svg
SIZES=(16 24 32 48 64 128 256 512)

if ! command -v rsvg-convert >/dev/null 2>&1; then
  echo "error: rsvg-convert not found (install librsvg2-bin)" >&2
  exit 1
fi

for s in "${SIZES[@]}"; do
  rsvg-convert --width "$s" --height "$s" --format png --output "roomnet-$s.png" "$SVG"
  echo "wrote icons/roomnet-$s.png"
done

# Windows .ico with the common sizes embedded (16..256; 256 is the ICO maximum).
# Each size is taken from its own render (not downscaled from 512) for sharper small icons.
if python3 -c 'import PIL' >/dev/null 2>&1; then
  python3 - <<'PY'
from PIL import Image
sizes = [16, 24, 32, 48, 64, 128, 256]
imgs = [Image.open(f"roomnet-{s}.png").convert("RGBA") for s in sizes]
# Pillow writes the largest image plus every requested size; append_images supplies
# the hand-rendered frames so they are used instead of resampled copies.
imgs[-1].save("roomnet.ico", format="ICO", sizes=[(s, s) for s in sizes],
              append_images=imgs[:-1])
print("wrote icons/roomnet.ico")
PY
else
  echo "warning: python3 Pillow not available, icons/roomnet.ico not regenerated" >&2
fi
