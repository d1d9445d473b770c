"""Evaluate a RoomNet (PyTorch checkpoint or exported ONNX) on the held-out validation split.

Writes metrics.json (overall accuracy, macro F1, per-class and per-source figures, confusion
matrix) and PNG plots: accuracy over training, per-class precision/recall/F1, confusion matrix.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from . import CLASS_NAMES, data, parse_aliases
from .predict import checkpoint_logits, greyscale, onnx_probabilities, validation_pixels


def confusion(true: np.ndarray, pred: np.ndarray, k: int = len(CLASS_NAMES)) -> np.ndarray:
    m = np.zeros((k, k), dtype=int)
    np.add.at(m, (true, pred), 1)
    return m


def per_class(m: np.ndarray, classes: tuple[str, ...] = CLASS_NAMES) -> dict:
    out = {}
    for c, name in enumerate(classes):
        tp = m[c, c]
        precision = tp / m[:, c].sum() if m[:, c].sum() else 0.0
        recall = tp / m[c].sum() if m[c].sum() else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[name] = {"precision": float(precision), "recall": float(recall), "f1": float(f1),
                     "support": int(m[c].sum())}
    return out


def metrics(true: np.ndarray, pred: np.ndarray, sources: list[str], names: tuple[str, ...] = CLASS_NAMES) -> dict:
    k = len(names)
    m = confusion(true, pred, k)
    classes = per_class(m, names)
    by_source = {}
    for source in sorted(set(sources)):
        mask = np.array([s == source for s in sources])
        sm = confusion(true[mask], pred[mask], k)
        by_source[source] = {
            "images": int(mask.sum()),
            "accuracy": float(np.trace(sm) / sm.sum()),
            "recall": {names[c]: float(sm[c, c] / sm[c].sum()) for c in range(k) if sm[c].sum()},
        }
    return {
        "images": int(len(true)),
        "accuracy": float(np.trace(m) / m.sum()),
        "macro_f1": float(np.mean([c["f1"] for c in classes.values() if c["support"]])),
        "per_class": classes,
        "per_source": by_source,
        "confusion_matrix": {"rows_true_cols_pred": list(names), "counts": m.tolist()},
    }


def plot(result: dict, history: list[dict], out_dir: Path) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    if history:
        fig, ax = plt.subplots(figsize=(6, 4))
        samples = [h["samples_seen"] for h in history]
        ax.plot(samples, [h["train_accuracy"] for h in history], marker="o", label="train (augmented)")
        ax.plot(samples, [h["val_accuracy"] for h in history], marker="o", label="validation")
        ax.set_xlabel("training photos seen"); ax.set_ylabel("accuracy"); ax.set_ylim(0, 1)
        ax.grid(alpha=.3); ax.legend(); ax.set_title("RoomNet accuracy over training")
        fig.tight_layout(); fig.savefig(out_dir / "accuracy.png", dpi=100); plt.close(fig)

    names = result["confusion_matrix"]["rows_true_cols_pred"]
    K = len(names)
    fig, ax = plt.subplots(figsize=(7, 4))
    x = np.arange(K)
    for i, key in enumerate(("precision", "recall", "f1")):
        ax.bar(x + (i - 1) * 0.27, [result["per_class"][n][key] for n in names], 0.27, label=key)
    ax.set_xticks(x, names, rotation=20); ax.set_ylim(0, 1); ax.legend(); ax.grid(axis="y", alpha=.3)
    ax.set_title(f"Per class (accuracy {result['accuracy']:.3f}, macro F1 {result['macro_f1']:.3f})")
    fig.tight_layout(); fig.savefig(out_dir / "per_class.png", dpi=100); plt.close(fig)

    m = np.array(result["confusion_matrix"]["counts"])
    fig, ax = plt.subplots(figsize=(6, 5))
    ax.imshow(m / np.maximum(m.sum(1, keepdims=True), 1), cmap="Blues", vmin=0, vmax=1)
    for i in range(K):
        for j in range(K):
            ax.text(j, i, str(m[i, j]), ha="center", va="center", fontsize=8)
    ax.set_xticks(range(K), names, rotation=30); ax.set_yticks(range(K), names)
    ax.set_xlabel("predicted"); ax.set_ylabel("true"); ax.set_title("Confusion matrix (validation)")
    fig.tight_layout(); fig.savefig(out_dir / "confusion.png", dpi=100); plt.close(fig)


def chain_histories(paths: list[Path]) -> list[dict]:
    """Join the logs of runs that continue each other (a fine-tune after a first run) on one axis."""
    history, offset = [], 0
    for path in paths:
        entries = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        for entry in entries:
            history.append({**entry, "samples_seen": entry["samples_seen"] + offset})
        if history:
            offset = history[-1]["samples_seen"]
    return history


def calibration_figures(probs: np.ndarray, labels: np.ndarray, meta: dict) -> dict:
    """ECE as shipped and, where the graph bakes in a temperature, before it (softmax(T * log p) undoes it)."""
    from .calibrate import ReviewRule, expected_calibration_error, softmax

    temperature = float(meta.get("temperature", "1.0"))
    raw = softmax(np.log(np.clip(probs.astype(np.float64), 1e-30, None)) * temperature)
    figures = {"temperature": temperature, "ece_bins": 15,
               "ece_shipped": expected_calibration_error(probs, labels),
               "ece_without_temperature": expected_calibration_error(raw, labels)}
    if "review_min_confidence" in meta:
        rule = ReviewRule(float(meta["review_min_confidence"]), float(meta["review_min_margin"]))
        figures["review_rule"] = {"min_confidence": rule.min_confidence, "min_margin": rule.min_margin,
                                  **rule.score(probs, labels)}
    return figures


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--onnx", type=Path, help="evaluate this exported model (what ships)")
    p.add_argument("--checkpoint", type=Path, help="or this PyTorch checkpoint")
    p.add_argument("--history", type=Path, nargs="+", default=[],
                   help="history.jsonl of the run, for the accuracy plot; several for runs that continue each other")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--pool", type=Path, default=data.DEFAULT_POOL)
    p.add_argument("--cache-dir", type=Path, default=Path(__file__).resolve().parents[1] / "cache")
    p.add_argument("--size", type=int, default=224, help="the model's input size (lite1: 240, lite2: 260)")
    p.add_argument("--alias", action="append", default=[], help="FOLDER=CLASS as in training, e.g. Hallway=Other")
    args = p.parse_args(argv)

    if args.onnx:
        import onnx
        names = tuple(json.loads({q.key: q.value for q in onnx.load(str(args.onnx)).metadata_props}["class_names"]))
    else:
        import torch
        from .architectures import class_names
        names = class_names(torch.load(args.checkpoint, weights_only=False, map_location="cpu"))
    pixels, true, sources = validation_pixels(args.pool, args.cache_dir, args.size, classes=names,
                                              aliases=parse_aliases(args.alias))
    if args.onnx:
        probs, meta = onnx_probabilities(args.onnx, pixels)
        grey_probs, _ = onnx_probabilities(args.onnx, greyscale(pixels))
    else:
        from .calibrate import softmax
        probs, meta = softmax(checkpoint_logits(args.checkpoint, pixels)), {}
        grey_probs = softmax(checkpoint_logits(args.checkpoint, greyscale(pixels)))
    result = metrics(true, probs.argmax(1), sources, names)
    grey = metrics(true, grey_probs.argmax(1), sources, names)
    result["greyscale_copies"] = {"accuracy": grey["accuracy"], "macro_f1": grey["macro_f1"],
                                  "recall": {n: c["recall"] for n, c in grey["per_class"].items()}}
    result["calibration"] = calibration_figures(probs, true, meta)
    result["model"] = str(args.onnx or args.checkpoint)
    result["model_version"] = meta.get("model_version")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "metrics.json").write_text(json.dumps(result, indent=2))
    np.save(args.out / "val_probabilities.npy", probs)
    plot(result, chain_histories(args.history), args.out)
    print(json.dumps({k: result[k] for k in ("images", "accuracy", "macro_f1")}
                     | {"greyscale_accuracy": grey["accuracy"], **result["calibration"]}))
    print({n: round(c["recall"], 3) for n, c in result["per_class"].items()})
    return result


if __name__ == "__main__":
    main()
