"""The photo pool: listing, the validation split, and a decoded cache for fast CPU training."""
from __future__ import annotations

import hashlib
import json
import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, asdict
from pathlib import Path

import numpy as np

from . import CLASS_NAMES
from . import presets

DEFAULT_POOL = Path(__file__).resolve().parents[3] / "shared" / "datasets" / "roomtypes"
_HOUSES_LISTING = re.compile(r"houses_(\d+)_")
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".webp"}


@dataclass(frozen=True)
class Sample:
    path: str          # relative to the pool root
    source: str
    label: int
    group: str         # photos of one group never straddle train and validation


def list_pool(root: Path = DEFAULT_POOL, classes: tuple[str, ...] = CLASS_NAMES,
              aliases: dict[str, str] | None = None) -> list[Sample]:
    """Every photo in a class folder of `classes` (or a folder that `aliases` maps to one of them); other
    folders are ignored, so the six-class listing of a pool that also holds DiningRoom etc. is unchanged."""
    aliases = aliases or {}
    unknown = set(aliases.values()) - set(classes)
    if unknown:
        raise ValueError(f"aliases name classes not in the label set: {sorted(unknown)}")
    label_of = {name: i for i, name in enumerate(classes)}
    samples = []
    for source_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        for folder in sorted(p.name for p in source_dir.iterdir() if p.is_dir()):
            name = aliases.get(folder, folder)
            if name not in label_of:
                continue
            label, class_dir = label_of[name], source_dir / folder
            for f in sorted(class_dir.iterdir()):
                if f.suffix.lower() not in IMAGE_SUFFIXES:
                    continue
                match = _HOUSES_LISTING.match(f.name) if source_dir.name == "houses" else None
                group = f"houses/{match.group(1)}" if match else f"{source_dir.name}/{f.name}"
                samples.append(Sample(str(f.relative_to(root)), source_dir.name, label, group))
    return samples


def _fraction(key: str, seed: int) -> float:
    digest = hashlib.sha256(f"{seed}:{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def split(samples: list[Sample], val_fraction: float = 0.15, seed: int = 0):
    """Deterministic split by group hash: whole `houses` listings held out, and the same share of
    every source and class elsewhere (each non-houses photo is its own group)."""
    train, val = [], []
    for s in samples:
        (val if _fraction(s.group, seed) < val_fraction else train).append(s)
    return train, val


def limit_per_group(samples: list[Sample], n: int) -> list[Sample]:
    """The first n photos of every (source, class): a small but complete pool for smoke tests."""
    kept, seen = [], {}
    for s in samples:
        key = (s.source, s.label)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= n:
            kept.append(s)
    return kept


@dataclass(frozen=True)
class PoolArrays:
    """Every photo of a pool as the trainer sees it, whichever store it came from (decoded cache or pack)."""
    pixels: np.ndarray       # (N, S, S, 3) uint8 centre squares
    labels: np.ndarray       # (N,) class ids
    sources: np.ndarray      # (N,) source names
    is_val: np.ndarray       # (N,) bool
    paths: tuple[str, ...]


def load_arrays(pool: Path, cache_dir: Path, val_fraction: float = 0.15, seed: int = 0,
                limit_pool: int = 0, size: int = presets.SIZE, classes: tuple[str, ...] = CLASS_NAMES,
                aliases: dict[str, str] | None = None) -> PoolArrays:
    samples = list_pool(pool, classes, aliases)
    if limit_pool:
        samples = limit_per_group(samples, limit_pool)
    pixels = build_cache(samples, pool, cache_dir, size)
    val_paths = {s.path for s in split(samples, val_fraction, seed)[1]}
    return PoolArrays(pixels, np.array([s.label for s in samples]), np.array([s.source for s in samples]),
                      np.array([s.path in val_paths for s in samples]), tuple(s.path for s in samples))


def _decode(args) -> np.ndarray:
    root, rel, size = args
    return np.clip(np.rint(presets.to_pixels_224(presets.load_rgb(Path(root) / rel), size)), 0, 255).astype(np.uint8)


def build_cache(samples: list[Sample], root: Path, cache_dir: Path, size: int = presets.SIZE,
                workers: int = os.cpu_count() or 1) -> np.ndarray:
    """Decode, crop and resize every photo once (uint8 HWC); reused across runs when unchanged."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(json.dumps([asdict(s) for s in samples] + [size]).encode()).hexdigest()[:16]
    array_path = cache_dir / f"pool_{size}_{key}.npy"
    if array_path.exists():
        return np.load(array_path, mmap_mode="r")
    jobs = [(str(root), s.path, size) for s in samples]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pixels = np.stack(list(pool.map(_decode, jobs, chunksize=32)))
    np.save(array_path, pixels)
    return pixels
