"""Activations of a frozen trunk for a few augmented views of every training photo, computed once.

For training on a CPU: with the stem and the first K blocks of EfficientNet-Lite frozen, a training step
needs only the tail (a third of the multiply-adds at K=11), and the trunk runs once per view instead of
once per step. Each view is one float16 file, so an interrupted build resumes at the view it was on; the
folder name is a hash of everything the activations depend on, so later runs (another learning rate, the
variant without a source) reuse them.
"""
from __future__ import annotations

import hashlib
import json
import time
from dataclasses import asdict
from pathlib import Path

import numpy as np
import torch

from .augment import Policy, augment


def _key(arch: str, freeze_blocks: int, policy: Policy, seed: int, paths: list[str], size: int) -> str:
    """Everything the activations depend on but the view count: a run with more views reuses the first ones."""
    blob = json.dumps([arch, freeze_blocks, asdict(policy), seed, size, paths])
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


@torch.inference_mode()
def _run_trunk(model, pixels: np.ndarray, order: np.ndarray, freeze_blocks: int, size: int, out: np.ndarray,
               policy: Policy | None, seed: int, batch: int, label: str) -> None:
    generator = torch.Generator().manual_seed(seed)
    host_rng = np.random.default_rng(seed)
    started = time.time()
    for start in range(0, len(order), batch):
        rows = order[start:start + batch]
        images = torch.from_numpy(np.ascontiguousarray(pixels[rows])).permute(0, 3, 1, 2)
        if policy is None:
            x = images.float().div_(255).mul_(2).sub_(1).contiguous(memory_format=torch.channels_last)
        else:
            x = augment(images, size, generator, policy, host_rng)
        out[rows] = model.trunk(x, freeze_blocks).float().contiguous().numpy().astype(np.float16)
        done = start + len(rows)
        if done % (batch * 20) < batch or done == len(order):
            rate = done / (time.time() - started)
            print(json.dumps({"trunk_cache": label, "done": done, "of": len(order), "photos_per_s": round(rate, 1),
                              "eta_s": round((len(order) - done) / rate)}), flush=True)


def build(model, pixels: np.ndarray, train_rows: np.ndarray, val_rows: np.ndarray, paths: list[str], arch: str,
          freeze_blocks: int, views: int, policy: Policy, seed: int, size: int, cache_dir: Path,
          batch: int = 64) -> tuple[torch.Tensor, torch.Tensor]:
    """Returns (train activations (views, n_train, C, H, W), clean validation activations (n_val, C, H, W)),
    both float16. View 0 is the evaluation view mirrored at random; views 1.. follow `policy`."""
    model.eval()
    folder = cache_dir / f"trunk_{arch}_k{freeze_blocks}_{_key(arch, freeze_blocks, policy, seed, paths, size)}"
    folder.mkdir(parents=True, exist_ok=True)
    with torch.inference_mode():
        shape = tuple(model.trunk(torch.zeros(1, 3, size, size), freeze_blocks).shape[1:])

    def cached(name: str, rows: np.ndarray, view_policy: Policy | None, view_seed: int) -> np.ndarray:
        path, done = folder / f"{name}.npy", folder / f"{name}.done"
        if not done.exists():
            out = np.lib.format.open_memmap(path, mode="w+", dtype=np.float16, shape=(len(rows), *shape))
            # A shuffled order per view: the low-resolution share hits the first photos of each batch.
            order = np.random.default_rng(view_seed).permutation(len(rows))
            local = _LocalRows(pixels, rows)
            _run_trunk(model, local, order, freeze_blocks, size, out, view_policy, view_seed, batch, name)
            out.flush()
            del out
            done.touch()
        return np.load(path, mmap_mode="r")

    train = [cached(f"view{v}", train_rows, Policy.identity_with_flip() if v == 0 else policy, seed * 1000 + v)
             for v in range(views)]
    val = cached("val_clean", val_rows, None, 0)
    return torch.from_numpy(np.stack(train)), torch.from_numpy(np.array(val))


class _LocalRows:
    """Indexes a subset of the pixel array by local row numbers, without copying it."""

    def __init__(self, pixels: np.ndarray, rows: np.ndarray):
        self.pixels, self.rows = pixels, rows

    def __getitem__(self, local):
        return self.pixels[self.rows[local]]
