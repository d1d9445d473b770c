"""Drawn examples of what the photo pool lacks, and the v3 training pool that adds them.

The pool has 96 real floor plans and, as "none of the six", only hallways. Agents' folders also hold
drawn floor plans, documents, screenshots and close-ups/textures, so these are drawn here with PIL,
deterministically (picture i of a kind depends only on the kind and i), and encoded like the pool
(JPEG quality 88, shorter side at most 224 px):

    generated_floorplans/FloorPlan   walls, doors, windows, room names and sizes, sometimes filled rooms
    generated_documents/Other        pages of text, tables and headings, sometimes photographed on a desk
    generated_screens/Other          app and web screenshots: bars, panels, buttons, text
    generated_textures/Other         close-ups: wood, brick, tiles, carpet, plaster, blurred light

`make_pool` builds a folder of symbolic links to every source of the shared pool plus these, which the
trainer reads with `--pool` (the paths inside keep the form `<source>/<Class>/<file>`):

    python3 -m roomnet_training.synthetic --out cache/pool_v3 --per-kind 300
"""
from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from . import data

KINDS = {"floorplans": "FloorPlan", "documents": "Other", "screens": "Other", "textures": "Other"}
ROOM_WORDS = ["Kitchen", "Living Room", "Bedroom", "Bedroom 2", "Bathroom", "En-suite", "Hall", "Dining",
              "Reception", "Utility", "WC", "Study", "Landing", "Lounge", "Garage", "Store", "Master Bedroom"]
WORDS = ("the of and to in property agent room floor price offer rent lease terms date total energy rating "
         "council tax tenure freehold viewing contact sale approx gross internal area survey report page "
         "invoice amount due account reference name address phone email notes schedule deposit").split()
MATERIALS = [(150, 100, 60), (190, 150, 100), (170, 80, 60), (200, 200, 195), (120, 120, 125), (225, 215, 190),
             (90, 70, 55), (160, 170, 150), (210, 190, 170), (100, 110, 140)]
SIZES = [(320, 240), (240, 320), (300, 300), (400, 300), (300, 420), (360, 240)]


def _font(size: int):
    try:
        return ImageFont.load_default(size)
    except TypeError:  # Pillow without FreeType sizes
        return ImageFont.load_default()


def _text(rng: np.random.Generator, n: int) -> str:
    return " ".join(WORDS[i] for i in rng.integers(0, len(WORDS), n))


def _split_rooms(rng, box, depth):
    x0, y0, x1, y1 = box
    if depth == 0 or min(x1 - x0, y1 - y0) < 70:
        return [box]
    if (x1 - x0) >= (y1 - y0):
        cut = int(rng.uniform(0.35, 0.65) * (x1 - x0)) + x0
        return _split_rooms(rng, (x0, y0, cut, y1), depth - 1) + _split_rooms(rng, (cut, y0, x1, y1), depth - 1)
    cut = int(rng.uniform(0.35, 0.65) * (y1 - y0)) + y0
    return _split_rooms(rng, (x0, y0, x1, cut), depth - 1) + _split_rooms(rng, (x0, cut, x1, y1), depth - 1)


def floorplan(rng: np.random.Generator, w: int, h: int) -> Image.Image:
    paper = tuple(int(v) for v in rng.integers(235, 256, 3))
    img = Image.new("RGB", (w, h), paper)
    d = ImageDraw.Draw(img)
    m = int(rng.integers(12, 40))
    rooms = _split_rooms(rng, (m, m + 10, w - m, h - m), int(rng.integers(2, 5)))
    wall = int(rng.integers(2, 7))
    ink = tuple(int(v) for v in rng.integers(0, 70, 3))
    fill = rng.random() < 0.5
    for x0, y0, x1, y1 in rooms:
        colour = tuple(int(v) for v in rng.integers(200, 245, 3)) if fill else None
        d.rectangle((x0, y0, x1, y1), fill=colour, outline=ink, width=wall)
        # a door: a gap in one wall and its swing
        door = int(rng.integers(10, 18))
        if x1 - x0 > door * 3:
            dx = int(rng.integers(x0 + door, x1 - 2 * door))
            d.line((dx, y1, dx + door, y1), fill=colour or paper, width=wall + 1)
            d.arc((dx - door, y1 - door, dx + door, y1 + door), 270, 360, fill=ink, width=1)
        if rng.random() < 0.5 and y1 - y0 > 40:  # a window
            wy = int(rng.integers(y0 + 10, y1 - 25))
            d.rectangle((x0 - 2, wy, x0 + 2, wy + 15), fill=paper, outline=ink, width=1)
        font = _font(int(rng.integers(8, 13)))
        name = ROOM_WORDS[int(rng.integers(0, len(ROOM_WORDS)))]
        cx, cy = (x0 + x1) // 2, (y0 + y1) // 2
        d.text((cx, cy - 6), name, fill=ink, font=font, anchor="mm")
        if rng.random() < 0.7:
            dims = f"{rng.uniform(2, 6):.2f}m x {rng.uniform(2, 6):.2f}m"
            d.text((cx, cy + 6), dims, fill=ink, font=_font(8), anchor="mm")
        if rng.random() < 0.3:  # furniture outlines
            fx, fy = int(rng.integers(x0 + 5, max(x0 + 6, x1 - 30))), int(rng.integers(y0 + 5, max(y0 + 6, y1 - 30)))
            d.rectangle((fx, fy, fx + 20, fy + 14), outline=ink, width=1)
    d.text((w // 2, 6), ["GROUND FLOOR", "FIRST FLOOR", "Floor Plan", "Approx. Gross Internal Area"][
        int(rng.integers(0, 4))], fill=ink, font=_font(10), anchor="mt")
    return img


def document(rng: np.random.Generator, w: int, h: int) -> Image.Image:
    page = Image.new("RGB", (w, h), tuple(int(v) for v in rng.integers(238, 256, 3)))
    d = ImageDraw.Draw(page)
    y = int(rng.integers(8, 25))
    if rng.random() < 0.6:
        d.rectangle((0, 0, w, y + 14), fill=tuple(int(v) for v in rng.integers(0, 200, 3)))
        d.text((10, y // 2), _text(rng, 3).upper(), fill=(255, 255, 255), font=_font(12))
        y += 24
    ink = tuple(int(v) for v in rng.integers(0, 80, 3))
    size = int(rng.integers(8, 13))
    while y < h - 15:
        kind = rng.random()
        if kind < 0.15:  # a table
            rows, cols = int(rng.integers(2, 6)), int(rng.integers(2, 5))
            cw, rh = (w - 20) // cols, size + 6
            for r in range(rows):
                for c in range(cols):
                    d.rectangle((10 + c * cw, y + r * rh, 10 + (c + 1) * cw, y + (r + 1) * rh), outline=ink)
                    d.text((13 + c * cw, y + r * rh + 2), _text(rng, 1), fill=ink, font=_font(size - 1))
            y += rows * rh + 8
        elif kind < 0.25:  # a heading
            d.text((10, y), _text(rng, 3).title(), fill=ink, font=_font(size + 4))
            y += size + 10
        else:
            d.text((10, y), _text(rng, int(w / (size * 3.2))), fill=ink, font=_font(size))
            y += size + 4
    if rng.random() < 0.4:  # photographed on a desk: smaller, rotated, on a background
        desk = Image.new("RGB", (w, h), tuple(int(v) for v in rng.integers(60, 200, 3)))
        scale = rng.uniform(0.6, 0.85)
        small = page.resize((int(w * scale), int(h * scale)), Image.BILINEAR).rotate(
            float(rng.uniform(-15, 15)), expand=True, fillcolor=desk.getpixel((0, 0)))
        desk.paste(small, ((w - small.width) // 2, (h - small.height) // 2))
        page = desk.filter(ImageFilter.GaussianBlur(float(rng.uniform(0, 1.2))))
    return page


def screen(rng: np.random.Generator, w: int, h: int) -> Image.Image:
    dark = rng.random() < 0.3
    bg = tuple(int(v) for v in (rng.integers(20, 50, 3) if dark else rng.integers(225, 256, 3)))
    fg = (230, 230, 230) if dark else (30, 30, 30)
    img = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(img)
    accent = tuple(int(v) for v in rng.integers(0, 256, 3))
    bar = int(rng.integers(16, 34))
    d.rectangle((0, 0, w, bar), fill=accent)
    d.text((8, bar // 2), _text(rng, 2).title(), fill=(255, 255, 255), font=_font(11), anchor="lm")
    left = 0
    if rng.random() < 0.6:
        left = int(rng.integers(50, 100))
        d.rectangle((0, bar, left, h), fill=tuple(max(0, c - 15) for c in bg))
        for i in range(int(rng.integers(4, 10))):
            d.text((6, bar + 8 + i * 18), _text(rng, 1).title(), fill=fg, font=_font(10))
    y = bar + 10
    while y < h - 20:
        r = rng.random()
        if r < 0.25:  # a panel or image placeholder
            ph = int(rng.integers(30, 80))
            d.rounded_rectangle((left + 10, y, w - 10, y + ph), radius=6,
                                fill=tuple(int(v) for v in rng.integers(0, 256, 3)))
            y += ph + 8
        elif r < 0.45:  # buttons
            x = left + 10
            for _ in range(int(rng.integers(1, 4))):
                bw = int(rng.integers(40, 80))
                d.rounded_rectangle((x, y, x + bw, y + 20), radius=8, fill=accent)
                d.text((x + bw // 2, y + 10), _text(rng, 1), fill=(255, 255, 255), font=_font(9), anchor="mm")
                x += bw + 8
            y += 28
        else:
            d.text((left + 10, y), _text(rng, int((w - left) / 30)), fill=fg, font=_font(int(rng.integers(9, 13))))
            y += 16
    return img


def texture(rng: np.random.Generator, w: int, h: int) -> Image.Image:
    kind = int(rng.integers(0, 6))
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    noise = np.asarray(Image.fromarray((rng.random((h // 8 + 1, w // 8 + 1)) * 255).astype(np.uint8)).resize(
        (w, h), Image.BICUBIC), np.float32) / 255
    if kind == 0:  # wood grain
        v = np.sin((x * rng.uniform(0.05, 0.2)) + noise * rng.uniform(4, 12)) * 0.5 + 0.5
    elif kind == 1:  # brick / tiles
        bh, bw = int(rng.integers(12, 30)), int(rng.integers(24, 60))
        row = (y // bh).astype(int)
        shift = (row % 2) * (bw // 2) if rng.random() < 0.7 else 0
        v = (((y % bh) < 2) | (((x + shift) % bw) < 2)).astype(np.float32) * -0.6 + 0.8 + noise * 0.2
    elif kind == 2:  # carpet / fabric: fine noise
        v = rng.random((h, w)).astype(np.float32) * 0.5 + noise * 0.5
    elif kind == 3:  # marble / plaster
        v = np.sin(x * 0.03 + y * 0.02 + noise * rng.uniform(6, 15)) * 0.25 + 0.75
    elif kind == 4:  # a plain wall with a soft gradient
        v = 0.7 + 0.3 * (x / w) * rng.uniform(-1, 1) + noise * 0.08
    else:  # blurred lights (bokeh)
        v = np.full((h, w), 0.15, np.float32)
        for _ in range(int(rng.integers(5, 20))):
            cx, cy, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(8, 40)
            v += np.clip(1 - np.hypot(x - cx, y - cy) / r, 0, 1) * rng.uniform(0.3, 0.8)
    colour = np.array(MATERIALS[int(rng.integers(0, len(MATERIALS)))], np.float32) * rng.uniform(0.8, 1.15, 3)
    pixels = np.clip(v[..., None] * colour[None, None, :] * 1.1, 0, 255).astype(np.uint8)
    img = Image.fromarray(pixels)
    return img.filter(ImageFilter.GaussianBlur(float(rng.uniform(0, 1.5))))


DRAW = {"floorplans": floorplan, "documents": document, "screens": screen, "textures": texture}


def picture(kind: str, index: int) -> Image.Image:
    rng = np.random.default_rng([list(DRAW).index(kind), index])
    w, h = SIZES[int(rng.integers(0, len(SIZES)))]
    img = DRAW[kind](rng, w, h)
    scale = 224 / min(img.size)
    return img.resize((round(img.width * scale), round(img.height * scale)), Image.LANCZOS) if scale < 1 else img


def generate(out: Path, per_kind: int) -> dict[str, int]:
    counts = {}
    for kind, label in KINDS.items():
        folder = out / f"generated_{kind}" / label
        folder.mkdir(parents=True, exist_ok=True)
        for i in range(per_kind):
            target = folder / f"{kind}_{i:04d}.jpg"
            if not target.exists():
                picture(kind, i).save(target, quality=88)
        counts[f"generated_{kind}"] = per_kind
    return counts


def make_pool(out: Path, shared: Path = data.DEFAULT_POOL, per_kind: int = 300) -> dict[str, int]:
    """`out`: a link to every source folder of `shared`, plus the generated sources (drawn once, kept)."""
    out.mkdir(parents=True, exist_ok=True)
    for source in sorted(p for p in shared.iterdir() if p.is_dir()):
        link = out / source.name
        if not link.exists():
            link.symlink_to(source.resolve(), target_is_directory=True)
    return generate(out, per_kind)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--shared", type=Path, default=data.DEFAULT_POOL)
    p.add_argument("--per-kind", type=int, default=300)
    args = p.parse_args(argv)
    print(make_pool(args.out, args.shared, args.per_kind))


if __name__ == "__main__":
    main()
