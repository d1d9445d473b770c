"""Build a compact data pack of the pool for a GPU machine whose working tree may hold only 64 MiB.

Every photo goes through the shipped pre-processing (centre square, triangle-filter resize: the
decoded cache of data.py), is shrunk to --size px and stored as lossy WebP in one file, images.bin,
with index.json listing path, source, class, validation flag, offset and length of each photo.
At 192 px and quality 80 the 11,288 photos take about 50 MiB.
"""
from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import numpy as np
from PIL import Image

from . import CLASS_NAMES, data

INDEX = "index.json"
IMAGES = "images.bin"


def encode(pixels_224: np.ndarray, size: int, quality: int) -> bytes:
    image = Image.fromarray(np.asarray(pixels_224))
    if image.width != size:
        image = image.resize((size, size), Image.BILINEAR)
    buffer = io.BytesIO()
    image.save(buffer, "WEBP", quality=quality, method=6)
    return buffer.getvalue()


def build(pool: Path, cache_dir: Path, out: Path, size: int, quality: int,
          val_fraction: float = 0.15, seed: int = 0, limit_pool: int = 0) -> dict:
    samples = data.list_pool(pool)
    if limit_pool:
        samples = data.limit_per_group(samples, limit_pool)
    pixels = data.build_cache(samples, pool, cache_dir)
    _, val = data.split(samples, val_fraction, seed)
    val_paths = {s.path for s in val}
    out.mkdir(parents=True, exist_ok=True)
    entries, offset = [], 0
    with open(out / IMAGES, "wb") as blob:
        for s, pix in zip(samples, pixels):
            payload = encode(pix, size, quality)
            blob.write(payload)
            entries.append({"path": s.path, "source": s.source, "label": s.label,
                            "val": s.path in val_paths, "offset": offset, "length": len(payload)})
            offset += len(payload)
    index = {"classes": list(CLASS_NAMES), "size": size, "format": "webp", "quality": quality,
             "val_fraction": val_fraction, "seed": seed, "photos": entries}
    (out / INDEX).write_text(json.dumps(index))
    return {"photos": len(entries), "validation": sum(e["val"] for e in entries), "bytes": offset}


def load(pack: Path, workers: int = 8):
    """Decode a pack: (pixels uint8 (N, size, size, 3), index dict)."""
    from concurrent.futures import ThreadPoolExecutor

    index = json.loads((pack / INDEX).read_text())
    blob = (pack / IMAGES).read_bytes()

    def decode(entry):
        raw = blob[entry["offset"]:entry["offset"] + entry["length"]]
        with Image.open(io.BytesIO(raw)) as im:
            return np.asarray(im.convert("RGB"))

    with ThreadPoolExecutor(max_workers=workers) as pool:
        pixels = np.stack(list(pool.map(decode, index["photos"])))
    return pixels, index


def load_arrays(pack: Path, workers: int = 8) -> data.PoolArrays:
    pixels, index = load(pack, workers)
    photos = index["photos"]
    return data.PoolArrays(pixels, np.array([p["label"] for p in photos]), np.array([p["source"] for p in photos]),
                           np.array([p["val"] for p in photos]), tuple(p["path"] for p in photos))


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--pool", type=Path, default=data.DEFAULT_POOL)
    p.add_argument("--cache-dir", type=Path, default=Path(__file__).resolve().parents[1] / "cache")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--size", type=int, default=192)
    p.add_argument("--quality", type=int, default=80)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--val-fraction", type=float, default=0.15)
    p.add_argument("--limit-pool", type=int, default=0)
    args = p.parse_args(argv)
    summary = build(args.pool, args.cache_dir, args.out, args.size, args.quality,
                    args.val_fraction, args.seed, args.limit_pool)
    print(json.dumps(summary))
    return summary


if __name__ == "__main__":
    main()
