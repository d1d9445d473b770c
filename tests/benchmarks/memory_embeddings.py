"""v2's `embedding` and `probabilities` for the validation split (colour and grey copies) and for photos of
types the model does not know, saved as one .npz: the figures behind decision 0017's choice of k and mix.

    cd training && PYTHONPATH=. python3 ../tests/benchmarks/memory_embeddings.py --out /tmp/memory-embeddings.npz
"""
from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import onnxruntime as ort

from roomnet_training import data, presets
from roomnet_training.predict import greyscale


def pixels_of(pool: Path, paths: list[str]) -> np.ndarray:
    return np.stack([np.clip(np.rint(presets.to_pixels_224(presets.load_rgb(pool / p), presets.SIZE)), 0, 255)
                     .astype(np.uint8) for p in paths])


def run(session, pixels: np.ndarray, batch: int = 64):
    probs, embs = [], []
    for i in range(0, len(pixels), batch):
        x = (pixels[i:i + batch].astype(np.float32) / 255 * 2 - 1).transpose(0, 3, 1, 2)
        p, e = session.run(["probabilities", "embedding"], {"input": np.ascontiguousarray(x)})
        probs.append(p)
        embs.append(e)
    return np.concatenate(probs), np.concatenate(embs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pool", type=Path, default=data.DEFAULT_POOL)
    ap.add_argument("--model", type=Path, default=Path(__file__).resolve().parents[2] / "model" / "roomnet.onnx")
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args()
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 2
    session = ort.InferenceSession(str(a.model), opts, providers=["CPUExecutionProvider"])
    _, val = data.split(data.list_pool(a.pool))
    px = pixels_of(a.pool, [s.path for s in val])
    p, e = run(session, px)
    gp, ge = run(session, greyscale(px))
    extra = {}
    for name, folder in [("hallway", "places365/Hallway"), ("floorplan", "r3d_floorplans/FloorPlan"),
                         ("dining", "places365/DiningRoom")]:
        files = sorted(f"{folder}/{f.name}" for f in (a.pool / folder).iterdir())[:400]
        extra[f"{name}_prob"], extra[f"{name}_emb"] = run(session, pixels_of(a.pool, files))
        extra[f"{name}_path"] = np.array(files)
    np.savez(a.out, val_prob=p, val_emb=e, grey_prob=gp, grey_emb=ge, val_label=np.array([s.label for s in val]),
             val_source=np.array([s.source for s in val]), val_path=np.array([s.path for s in val]), **extra)


if __name__ == "__main__":
    main()
