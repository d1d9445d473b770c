"""A model's outputs for the photos of a pool, computed once: what the v3 head, the unknown detector and
their figures are fitted and measured on.

`pool_outputs` runs an ONNX graph (`probabilities` and `embedding`) over every validation photo, their
greyscale copies, and up to `train_cap` training photos of every (source, class folder) — the first ones
in a fixed hash order, so the subsample is deterministic. On a shared 2-core CPU a full pass over 16,000
photos takes most of an hour; a capped training sample is enough for a linear head and a compact bank.
Each part is kept in an .npz named after the graph's SHA-256 and the photos it holds, so later steps
take seconds, and the parts are computed in order of use (validation first).

    python3 -m roomnet_training.embeddings --model ../model/roomnet.onnx --pool cache/pool_v3 \\
        --classes v3 --alias Hallway=Other --train-cap 160
"""
from __future__ import annotations

import argparse
import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import data, parse_aliases, parse_classes
from .predict import greyscale


@dataclass(frozen=True)
class PoolOutputs:
    classes: tuple[str, ...]      # the listing's label set
    labels: np.ndarray            # (N,) ids in `classes`, for the photos held here
    sources: np.ndarray           # (N,) source names
    paths: np.ndarray             # (N,) pool-relative paths
    is_val: np.ndarray            # (N,) bool
    probabilities: np.ndarray     # (N, C_model) the graph's output (its own label set)
    embedding: np.ndarray         # (N, E)
    grey_probabilities: np.ndarray  # (N_val, C_model): greyscale copies of the validation photos, in order
    grey_embedding: np.ndarray      # (N_val, E)

    def folder(self) -> np.ndarray:
        """The class folder of each photo (e.g. Hallway, before an alias maps it)."""
        return np.array([Path(p).parts[1] for p in self.paths])


def run_graph(model: Path, pixels, rows: np.ndarray, grey: bool = False, batch: int = 32,
              log: str = "") -> tuple[np.ndarray, np.ndarray]:
    import onnxruntime as ort
    import torch
    from .augment import to_input

    session = ort.InferenceSession(str(model), providers=["CPUExecutionProvider"])
    probs, embs, started = [], [], time.time()
    for i in range(0, len(rows), batch):
        chunk = np.stack([pixels[r] for r in rows[i:i + batch]])
        x = to_input(torch.from_numpy(greyscale(chunk) if grey else chunk)).numpy()
        p, e = session.run(["probabilities", "embedding"], {"input": x})
        probs.append(p)
        embs.append(e)
        if log and (i // batch) % 10 == 0:
            done = i + len(x)
            print(json.dumps({log: done, "of": len(rows), "photos_per_s": round(done / (time.time() - started), 1)}),
                  flush=True)
    return np.concatenate(probs), np.concatenate(embs)


def train_sample(samples: list[data.Sample], train: np.ndarray, cap: int) -> np.ndarray:
    """Indices of at most `cap` training photos per (source, class folder), the first in a fixed hash order."""
    chosen, seen = [], {}
    order = sorted(np.flatnonzero(train), key=lambda i: hashlib.sha256(f"cap:{samples[i].path}".encode()).digest())
    for i in order:
        key = tuple(Path(samples[i].path).parts[:2])
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= cap:
            chosen.append(i)
    return np.array(sorted(chosen), dtype=int)


def _part(model: Path, model_hash: str, name: str, pixels_of, rows: np.ndarray, grey: bool, paths: list[str],
          cache_dir: Path) -> tuple[np.ndarray, np.ndarray]:
    key = hashlib.sha256(json.dumps([name, grey, [paths[r] for r in rows]]).encode()).hexdigest()[:16]
    target = cache_dir / f"outputs_{model_hash}_{name}_{key}.npz"
    if not target.exists():
        probs, emb = run_graph(model, pixels_of(), rows, grey, log=name)
        np.savez(target.with_suffix(".tmp.npz"), probabilities=probs, embedding=emb)
        target.with_suffix(".tmp.npz").replace(target)
    stored = np.load(target)
    return stored["probabilities"], stored["embedding"]


def pool_outputs(model: Path, pool: Path, cache_dir: Path, classes: tuple[str, ...],
                 aliases: dict[str, str] | None = None, train_cap: int = 160, val_fraction: float = 0.15,
                 parts: tuple[str, ...] = ("val", "train", "grey")) -> PoolOutputs:
    samples = data.list_pool(pool, classes, aliases)
    paths = [s.path for s in samples]
    model_hash = hashlib.sha256(model.read_bytes()).hexdigest()[:16]
    val_paths = {s.path for s in data.split(samples, val_fraction, 0)[1]}
    is_val = np.array([p in val_paths for p in paths])
    val_rows, train_rows = np.flatnonzero(is_val), train_sample(samples, ~is_val, train_cap)
    cache_dir.mkdir(parents=True, exist_ok=True)
    pixels = []

    def pixels_of():
        if not pixels:
            pixels.append(data.build_cache(samples, pool, cache_dir))
        return pixels[0]

    got = {}
    for part in parts:
        rows, grey = {"val": (val_rows, False), "train": (train_rows, False), "grey": (val_rows, True)}[part]
        got[part] = _part(model, model_hash, part, pixels_of, rows, grey, paths, cache_dir)
    rows = np.concatenate([val_rows, train_rows])
    empty = (np.zeros((0, 0), np.float32),) * 2
    (vp, ve), (tp, te) = got.get("val", empty), got.get("train", empty)
    gp, ge = got.get("grey", empty)
    return PoolOutputs(tuple(classes), np.array([samples[r].label for r in rows]),
                       np.array([samples[r].source for r in rows]), np.array([paths[r] for r in rows]),
                       np.r_[np.ones(len(val_rows), bool), np.zeros(len(train_rows), bool)],
                       np.concatenate([vp, tp]), np.concatenate([ve, te]), gp, ge)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model", type=Path, required=True)
    p.add_argument("--pool", type=Path, required=True)
    p.add_argument("--cache-dir", type=Path, default=Path(__file__).resolve().parents[1] / "cache")
    p.add_argument("--classes", default="v3")
    p.add_argument("--alias", action="append", default=[])
    p.add_argument("--train-cap", type=int, default=160)
    p.add_argument("--parts", default="val,train,grey")
    args = p.parse_args(argv)
    o = pool_outputs(args.model, args.pool, args.cache_dir, parse_classes(args.classes), parse_aliases(args.alias),
                     args.train_cap, parts=tuple(args.parts.split(",")))
    print(json.dumps({"photos": len(o.labels), "val": int(o.is_val.sum()), "grey": len(o.grey_embedding)}))


if __name__ == "__main__":
    main()
