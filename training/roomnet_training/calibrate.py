"""Calibrated confidence and the needs-review rule, both fitted on the validation split.

* Temperature scaling: one scalar T minimising the validation negative log-likelihood of softmax(logits / T);
  the export bakes it into the graph, so the app's confidences are calibrated probabilities.
* Expected calibration error, 15 equal-width bins of the top probability, before and after.
* The needs-review rule "top probability < c, or top minus second < m": the (c, m) that catches the most
  wrong labels while flagging at most --max-flagged of the photos. It goes into the model's metadata, so a
  model and its rule travel together.
Every fitted figure is also given cross-fitted (fit on one half of the validation photos, measured on the
other, both ways), because a rule tuned and scored on the same photos flatters itself.

    python3 -m roomnet_training.calibrate --checkpoint runs/lite0-cpu/ema.pt --out runs/lite0-cpu/calibration.json
"""
from __future__ import annotations

import argparse
import json
import math
from dataclasses import dataclass, asdict
from pathlib import Path

import numpy as np

ECE_BINS = 15


def softmax(logits: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    z = logits / temperature
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def nll(logits: np.ndarray, labels: np.ndarray, temperature: float) -> float:
    p = softmax(logits.astype(np.float64), temperature)
    return float(-np.log(np.clip(p[np.arange(len(labels)), labels], 1e-12, None)).mean())


def fit_temperature(logits: np.ndarray, labels: np.ndarray, lo: float = 0.05, hi: float = 20.0) -> float:
    """Golden-section search on log T (the NLL is unimodal in T)."""
    a, b = math.log(lo), math.log(hi)
    g = (math.sqrt(5) - 1) / 2
    c, d = b - g * (b - a), a + g * (b - a)
    for _ in range(80):
        if nll(logits, labels, math.exp(c)) < nll(logits, labels, math.exp(d)):
            b, d = d, c
            c = b - g * (b - a)
        else:
            a, c = c, d
            d = a + g * (b - a)
    return float(math.exp((a + b) / 2))


def expected_calibration_error(probs: np.ndarray, labels: np.ndarray, bins: int = ECE_BINS) -> float:
    confidence = probs.max(axis=1)
    correct = probs.argmax(axis=1) == labels
    edges = np.linspace(0.0, 1.0, bins + 1)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        inside = (confidence > lo) & (confidence <= hi)
        if inside.any():
            total += inside.mean() * abs(confidence[inside].mean() - correct[inside].mean())
    return float(total)


@dataclass(frozen=True)
class ReviewRule:
    min_confidence: float
    min_margin: float

    def flags(self, probs: np.ndarray) -> np.ndarray:
        top2 = np.sort(probs, axis=1)[:, -2:]
        return (top2[:, 1] < self.min_confidence) | (top2[:, 1] - top2[:, 0] < self.min_margin)

    def score(self, probs: np.ndarray, labels: np.ndarray) -> dict:
        flagged = self.flags(probs)
        wrong = probs.argmax(axis=1) != labels
        return {"flagged_share": float(flagged.mean()),
                "errors": int(wrong.sum()),
                "errors_caught_share": float((flagged & wrong).sum() / wrong.sum()) if wrong.any() else 1.0,
                "errors_missed": int((~flagged & wrong).sum())}


def fit_review_rule(probs: np.ndarray, labels: np.ndarray, max_flagged: float,
                    already_flagged: np.ndarray | None = None, budget_rows: np.ndarray | None = None) -> ReviewRule:
    """The rule on a 0.01 grid that catches the most errors within the flagging budget (fewest flags on ties).

    With `already_flagged` (e.g. the unknown detector's flags) the budget holds for the union of both, and
    errors already flagged count as caught either way; with `budget_rows` the budget is a share of those
    photos only (e.g. the six rooms' photos), while errors are counted over all of them."""
    already = np.zeros(len(labels), bool) if already_flagged is None else already_flagged
    rows = np.ones(len(labels), bool) if budget_rows is None else budget_rows
    wrong = probs.argmax(axis=1) != labels
    top2 = np.sort(probs, axis=1)[:, -2:]
    best, best_key = ReviewRule(0.0, 0.0), (-1, 0.0)
    for c in np.round(np.arange(0.30, 1.00, 0.01), 2):
        for m in np.round(np.arange(0.0, 0.61, 0.01), 2):
            rule = ReviewRule(float(c), float(m))
            flagged = (top2[:, 1] < rule.min_confidence) | (top2[:, 1] - top2[:, 0] < rule.min_margin) | already
            share = float(flagged[rows].mean())
            if share > max_flagged:
                continue
            key = (int((flagged & wrong).sum()), -share)
            if key > best_key:
                best, best_key = rule, key
    return best


def halves(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    order = np.random.default_rng(seed).permutation(n)
    return order[: n // 2], order[n // 2:]


def calibrate(logits: np.ndarray, labels: np.ndarray, max_flagged: float = 0.15) -> dict:
    temperature = fit_temperature(logits, labels)
    before, after = softmax(logits), softmax(logits, temperature)
    rule = fit_review_rule(after, labels, max_flagged)
    a, b = halves(len(labels))
    cross_ece, cross_rule = [], []
    for fit, held in ((a, b), (b, a)):
        t = fit_temperature(logits[fit], labels[fit])
        cross_ece.append(expected_calibration_error(softmax(logits[held], t), labels[held]))
        r = fit_review_rule(softmax(logits[fit], t), labels[fit], max_flagged)
        cross_rule.append(r.score(softmax(logits[held], t), labels[held]))
    return {
        "images": int(len(labels)),
        "accuracy": float((logits.argmax(1) == labels).mean()),
        "temperature": temperature,
        "nll_before": nll(logits, labels, 1.0), "nll_after": nll(logits, labels, temperature),
        "ece_bins": ECE_BINS,
        "ece_before": expected_calibration_error(before, labels),
        "ece_after": expected_calibration_error(after, labels),
        "ece_after_cross_fitted": float(np.mean(cross_ece)),
        "review_rule": asdict(rule),
        "review_rule_max_flagged": max_flagged,
        "review_rule_on_validation": rule.score(after, labels),
        "review_rule_cross_fitted": {k: float(np.mean([r[k] for r in cross_rule])) for k in cross_rule[0]},
    }


def main(argv=None):
    import torch
    from . import architectures, data, parse_aliases
    from .predict import checkpoint_logits, validation_pixels

    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--checkpoint", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True, help="calibration.json to write")
    p.add_argument("--max-flagged", type=float, default=0.15, help="the needs-review rule's flagging budget")
    p.add_argument("--pool", type=Path, default=data.DEFAULT_POOL)
    p.add_argument("--alias", action="append", help="FOLDER=CLASS as in training (default: the checkpoint's)")
    p.add_argument("--cache-dir", type=Path, default=Path(__file__).resolve().parents[1] / "cache")
    args = p.parse_args(argv)
    state = torch.load(args.checkpoint, weights_only=False, map_location="cpu")
    aliases = parse_aliases(args.alias) if args.alias is not None else state.get("aliases", {})
    pixels, labels, _ = validation_pixels(args.pool, args.cache_dir, classes=architectures.class_names(state),
                                          aliases=aliases)
    result = calibrate(checkpoint_logits(args.checkpoint, pixels), labels, args.max_flagged)
    result["checkpoint"] = str(args.checkpoint)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2))
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
