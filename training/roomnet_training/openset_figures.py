"""The figures of a model with an unknown detector, on the validation split and on held-out "unseen" photos.

Everything here is plain numpy on arrays the pipeline already has (labels, probabilities, unknown scores),
so the same function measures the shipped model, the hold-out run and model v2 on the same photos.
"""
from __future__ import annotations

import numpy as np

from . import CLASS_NAMES
from .calibrate import ReviewRule
from .unknown import auroc

SIX = len(CLASS_NAMES)


def classification(true: np.ndarray, pred: np.ndarray, classes: tuple[str, ...], sources: np.ndarray) -> dict:
    k = len(classes)
    m = np.zeros((k, k), int)
    np.add.at(m, (true, pred), 1)
    per_class = {}
    for c, name in enumerate(classes):
        if not m[c].sum():
            continue
        precision = m[c, c] / m[:, c].sum() if m[:, c].sum() else 0.0
        recall = m[c, c] / m[c].sum()
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[name] = {"precision": round(float(precision), 4), "recall": round(float(recall), 4),
                           "f1": round(float(f1), 4), "support": int(m[c].sum())}
    by_source = {}
    for source in sorted(set(sources.tolist())):
        rows = sources == source
        by_source[source] = {"images": int(rows.sum()), "accuracy": round(float((true[rows] == pred[rows]).mean()), 4),
                             "recall": {classes[c]: round(float((pred[rows & (true == c)] == c).mean()), 4)
                                        for c in range(k) if (rows & (true == c)).any()}}
    return {"images": int(len(true)), "accuracy": round(float((true == pred).mean()), 4),
            "macro_f1": round(float(np.mean([c["f1"] for c in per_class.values()])), 4),
            "per_class": per_class, "per_source": by_source,
            "confusion_matrix": {"rows_true_cols_pred": list(classes), "counts": m.tolist()}}


def flags(probs: np.ndarray, scores: np.ndarray | None, rule: ReviewRule | None, threshold: float | None) -> np.ndarray:
    flagged = rule.flags(probs) if rule else np.zeros(len(probs), bool)
    if scores is not None and threshold is not None:
        flagged |= scores >= threshold
    return flagged


def effective_labels(probs: np.ndarray, scores: np.ndarray | None, label_threshold: float | None,
                     other: int | None) -> np.ndarray:
    """The label the app shows: the top class, or the unknown label where the score reaches its threshold."""
    pred = probs.argmax(1)
    if scores is not None and label_threshold is not None and other is not None:
        pred = np.where(scores >= label_threshold, other, pred)
    return pred


def caught(pred: np.ndarray, flagged: np.ndarray, classes: tuple[str, ...]) -> np.ndarray:
    """A photo that is none of the six rooms is caught when labelled Other or flagged for review."""
    other = classes.index("Other") if "Other" in classes else -1
    return (pred == other) | flagged


def unseen(pred, flagged, scores, six_val_scores, classes, groups: np.ndarray) -> dict:
    hit = caught(pred, flagged, classes)
    out = {"images": int(len(pred)), "caught_share": round(float(hit.mean()), 4),
           "labelled_other_share": round(float((pred == classes.index("Other")).mean()), 4) if "Other" in classes else 0.0,
           "flagged_share": round(float(flagged.mean()), 4),
           "labels": {classes[c]: int((pred == c).sum()) for c in np.unique(pred)}}
    if scores is not None and six_val_scores is not None:
        at5 = np.quantile(six_val_scores, 0.95)
        out["unknown_auroc_vs_six_room_val"] = round(auroc(scores, six_val_scores), 4)
        out["unknown_caught_at_5pct_six_room_budget"] = round(float((scores >= at5).mean()), 4)
    out["by_group"] = {g: round(float(hit[groups == g].mean()), 4) for g in sorted(set(groups.tolist()))}
    return out
