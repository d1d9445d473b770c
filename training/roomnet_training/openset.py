"""Model v3's last mile: classifier, calibration, review rule and unknown detector, fitted and measured
together, and the graph that ships them.

From a base graph with `probabilities` and `embedding` (exported by export_onnx.py at temperature 1, or a
shipped model whose classifier is replaced with `--head fit`):
1. logits: the base graph's own (log-probabilities), or a logistic regression on its frozen embedding
   (head.py) fitted on the training split;
2. temperature on the validation split (calibrate.py);
3. the unknown detector (unknown.py) built from the training split's embeddings; its flag threshold
   flags `--unknown-budget` of the six rooms' validation photos, its relabel-as-Other threshold
   `--label-budget` of them;
4. the needs-review rule, fitted so that it and the detector together flag at most `--max-flagged` of
   the six rooms' validation photos;
5. the figures (figures.json) and, with --ship, the graph: new classifier and temperature, plus the
   `unknown_score` output and metadata (/work/notes/contract-v3.md).
`--holdout-folder Hallway` keeps that folder's photos out of every fit (classifier, bank, thresholds) and
measures them as unseen photos: the honest figure for "photos unlike any label".

    python3 -m roomnet_training.openset --base ../model/v2/roomnet.onnx --head fit --pool cache/pool_v3 \\
        --classes v3 --alias Hallway=Other --out runs/v3-head --ship runs/v3-head/roomnet.onnx --version v3
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import time
from pathlib import Path

import numpy as np

from . import CLASS_NAMES, parse_aliases, parse_classes
from . import head as heads
from . import openset_figures as figures
from . import unknown
from .calibrate import ReviewRule, expected_calibration_error, fit_review_rule, fit_temperature, softmax
from .embeddings import pool_outputs

SIX = len(CLASS_NAMES)


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--base", type=Path, required=True, help="ONNX graph with probabilities and embedding")
    p.add_argument("--head", choices=("own", "fit", "extend"), default="own",
                   help="own: the base graph's classifier (exported at T=1); fit: a new one on its embedding; "
                        "extend: keep the base classifier's rows (e.g. v2's six rooms) and learn the new labels' rows")
    p.add_argument("--pool", type=Path, required=True)
    p.add_argument("--cache-dir", type=Path, default=Path(__file__).resolve().parents[1] / "cache")
    p.add_argument("--classes", default="v3")
    p.add_argument("--alias", action="append", default=[])
    p.add_argument("--holdout-folder", action="append", default=[],
                   help="class folder kept out of every fit and measured as unseen (e.g. Hallway)")
    p.add_argument("--head-balance-power", type=float, default=0.5)
    p.add_argument("--bank-size", type=int, default=2048, help="rows (at most the training sample)")
    p.add_argument("--dims", type=int, default=128, help="PCA dimensions of the bank (1280: none)")
    p.add_argument("--k", type=int, default=5)
    p.add_argument("--selection", choices=("kmeans", "sample"), default="sample")
    p.add_argument("--unknown-budget", type=float, default=0.05)
    p.add_argument("--label-budget", type=float, default=0.01)
    p.add_argument("--max-flagged", type=float, default=0.15)
    p.add_argument("--out", type=Path, required=True, help="folder for figures.json")
    p.add_argument("--ship", type=Path, help="write the graph here")
    p.add_argument("--compare-banks", action="store_true",
                   help="also score compact banks (PCA dims x bank rows x k) against the full training sample "
                        "(rank correlation on the validation photos; no unseen photo is used) into banks.json")
    p.add_argument("--java-reference-dir", type=Path, help="with --ship: write the Java tests' reference scores")
    p.add_argument("--version", default="dev")
    p.add_argument("--trained-on", default="../shared/datasets/roomtypes + generated examples (see model/README.md)")
    return p.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    started = time.time()
    classes, aliases = parse_classes(args.classes), parse_aliases(args.alias)
    o = pool_outputs(args.base, args.pool, args.cache_dir, classes, aliases)
    held = np.isin(o.folder(), args.holdout_folder)
    train, val = ~o.is_val & ~held, o.is_val & ~held
    val_rows_in_grey = np.flatnonzero(o.is_val)  # grey arrays follow the validation photos in order
    grey_val = np.isin(val_rows_in_grey, np.flatnonzero(val))

    head_info = {}
    if args.head in ("fit", "extend"):
        fixed = _own_head(args.base) if args.head == "extend" else None
        head, head_info = heads.fit(o.embedding[train], o.labels[train], len(classes), args.head_balance_power,
                                    o.paths[train], fixed)
        logits, grey_logits = head.logits(o.embedding), head.logits(o.grey_embedding)
    else:
        if o.probabilities.shape[1] != len(classes):
            raise SystemExit(f"the base graph has {o.probabilities.shape[1]} classes, --classes {len(classes)}")
        logits = np.log(np.clip(o.probabilities, 1e-30, None))
        grey_logits = np.log(np.clip(o.grey_probabilities, 1e-30, None))

    temperature = fit_temperature(logits[val], o.labels[val])
    probs, grey_probs = softmax(logits, temperature), softmax(grey_logits, temperature)

    detector = unknown.build(o.embedding[train], o.labels[train], args.bank_size, args.dims, args.k, args.selection)
    scores, grey_scores = detector.score(o.embedding), detector.score(o.grey_embedding)
    six_val = val & (o.labels < SIX)
    threshold = float(np.quantile(scores[six_val], 1 - args.unknown_budget))
    label_threshold = max(threshold, float(np.quantile(scores[six_val], 1 - args.label_budget)))
    other = classes.index("Other") if "Other" in classes else None
    unknown_flags = scores >= threshold
    rule = fit_review_rule(probs[val], o.labels[val], args.max_flagged, unknown_flags[val], o.labels[val] < SIX)

    pred = figures.effective_labels(probs, scores, label_threshold, other)
    flagged = figures.flags(probs, scores, rule, threshold)
    result = {
        "base": str(args.base), "head": args.head, **head_info, "classes": list(classes), "aliases": aliases,
        "holdout_folders": args.holdout_folder, "train_photos": int(train.sum()), "val_photos": int(val.sum()),
        "temperature": temperature,
        "ece_after": expected_calibration_error(probs[val], o.labels[val]),
        "review_rule": {"min_confidence": rule.min_confidence, "min_margin": rule.min_margin},
        "unknown": {"threshold": threshold, "label_threshold": label_threshold, "label": "Other" if other else None,
                    **json.loads(unknown.describe(detector))},
        "val_top_class": figures.classification(o.labels[val], probs[val].argmax(1), classes, o.sources[val]),
        "val_shown_label": figures.classification(o.labels[val], pred[val], classes, o.sources[val]),
        "six_rooms_val": six_room_figures(o.labels[six_val], pred[six_val], flagged[six_val], o.sources[six_val]),
        "six_rooms_val_greyscale": six_room_figures(
            o.labels[six_val], figures.effective_labels(grey_probs, grey_scores, label_threshold, other)[
                grey_val & (o.labels[o.is_val] < SIX)], None, None),
        "non_six_val": {classes[c]: {"images": int((val & (o.labels == c)).sum()),
                                     "recall": round(float((pred[val & (o.labels == c)] == c).mean()), 4),
                                     "caught_if_wrong_share": round(float(figures.caught(
                                         pred[val & (o.labels == c)], flagged[val & (o.labels == c)], classes).mean()), 4)}
                        for c in range(SIX, len(classes)) if (val & (o.labels == c)).any()},
        "unknown_auroc_non_six_val_vs_six_val": round(unknown.auroc(scores[val & (o.labels >= SIX)], scores[six_val]), 4)
        if (val & (o.labels >= SIX)).any() else None,
    }
    if held.any():
        result["unseen"] = figures.unseen(pred[held], flagged[held], scores[held], scores[six_val], classes,
                                          o.sources[held])
    result["base_on_same_photos"] = (base_as_six_room_model(o, args.base, six_val, held)
                                     if o.probabilities.shape[1] == SIX else None)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.compare_banks:
        (args.out / "banks.json").write_text(json.dumps(compare_banks(o, train, val, held), indent=1))
    result["seconds"] = round(time.time() - started, 1)
    if args.ship:
        ship(args, o, head if args.head != "own" else None, temperature, rule, detector, threshold, label_threshold,
             other, classes, result)
        if args.java_reference_dir:
            from .export_onnx import write_java_reference
            result["ship"]["java_reference"] = str(write_java_reference(args.ship, args.java_reference_dir))
    (args.out / "figures.json").write_text(json.dumps(result, indent=1))
    print(json.dumps({k: result[k] for k in ("six_rooms_val", "non_six_val")} | {"unseen": result.get("unseen")}))
    return result


def compare_banks(o, train, val, held) -> list[dict]:
    """How closely compact banks rank the validation photos like the full one (1280 dims, every training
    photo of the sample, k=10), their size in the graph, and - for information only, not for the choice -
    the AUROC of non-six validation photos and of held-out photos against the six rooms' validation photos."""
    reference = unknown.build(o.embedding[train], o.labels[train], 10 ** 9, 1280, 10, "sample").score(o.embedding[val])
    six_val = val & (o.labels < SIX)
    rows = []
    for dims in (64, 128, 256):
        for bank in (1024, 2048, 10 ** 9):
            for selection in ("kmeans", "sample") if bank < 10 ** 9 else ("sample",):
                built = unknown.build(o.embedding[train], o.labels[train], bank, dims, 10, selection)
                if built.graph_bytes() > 3_200_000:
                    continue
                for k in (1, 5, 10):
                    det = dataclasses.replace(built, k=k)
                    s = det.score(o.embedding)
                    row = {"dims": dims, "bank": len(det.bank), "selection": selection, "k": k,
                           "graph_bytes": det.graph_bytes(), "rank_corr_with_full": round(_spearman(s[val], reference), 4),
                           "auroc_non_six_val": round(unknown.auroc(s[val & (o.labels >= SIX)], s[six_val]), 4)}
                    if held.any():
                        row["auroc_held_out"] = round(unknown.auroc(s[held], s[six_val]), 4)
                    rows.append(row)
    return rows


def _spearman(a, b) -> float:
    ra, rb = a.argsort().argsort().astype(float), b.argsort().argsort().astype(float)
    return float(np.corrcoef(ra, rb)[0, 1])


def six_room_figures(true, pred, flagged, sources) -> dict:
    """The six rooms' photos as v2 was measured: accuracy, macro F1 and recall over the six classes (a six-room
    photo labelled DiningRoom/FloorPlan/Other counts as wrong), and the share flagged for review."""
    out = {"images": int(len(true)), "accuracy": round(float((pred == true).mean()), 4)}
    f1s, recall = [], {}
    for c in range(SIX):
        tp = ((pred == c) & (true == c)).sum()
        p_den, r_den = (pred == c).sum(), (true == c).sum()
        precision, rec = (tp / p_den if p_den else 0.0), (tp / r_den if r_den else 0.0)
        f1s.append(2 * precision * rec / (precision + rec) if precision + rec else 0.0)
        recall[CLASS_NAMES[c]] = round(float(rec), 4)
    out.update({"macro_f1": round(float(np.mean(f1s)), 4), "recall": recall,
                "labelled_non_six_share": round(float((pred >= SIX).mean()), 4)})
    if flagged is not None:
        out["flagged_share"] = round(float(flagged.mean()), 4)
        wrong = pred != true
        out["errors_flagged_share"] = round(float((flagged & wrong).sum() / max(wrong.sum(), 1)), 4)
    return out


def base_as_six_room_model(o, base: Path, six_val, held) -> dict:
    """The base graph as shipped (model v2: six classes, its own rule) on the same photos, for the card."""
    import onnx
    meta = {p.key: p.value for p in onnx.load(str(base)).metadata_props}
    rule = ReviewRule(float(meta.get("review_min_confidence", 0.0)), float(meta.get("review_min_margin", 0.0)))
    pred, flagged = o.probabilities.argmax(1), rule.flags(o.probabilities)
    non_six_val = o.is_val & (o.labels >= SIX)
    out = {"model_version": meta.get("model_version"), "review_rule": [rule.min_confidence, rule.min_margin],
           "six_rooms_val": six_room_figures(o.labels[six_val], pred[six_val], flagged[six_val], o.sources[six_val]),
           "non_six_val_flagged_share": round(float(flagged[non_six_val].mean()), 4)}
    if held.any():
        out["unseen_flagged_share"] = round(float(flagged[held].mean()), 4)
    return out


def ship(args, o, head, temperature, rule, detector, threshold, label_threshold, other, classes, result) -> None:
    import onnxruntime as ort
    tmp = args.out / "with_head.onnx"
    meta = {"class_names": json.dumps(list(classes)), "model_version": args.version, "trained_on": args.trained_on,
            "review_min_confidence": repr(rule.min_confidence), "review_min_margin": repr(rule.min_margin),
            "embedding_output": "embedding", "embedding_name": "embedding"}
    if head is None:
        head = heads.Head(*_own_head(args.base), l2=0.0)
    heads.swap_head(args.base, tmp, head, temperature, meta)
    unknown.add_to_graph(tmp, args.ship, detector, unknown.metadata(
        detector, threshold, classes[other] if other is not None else None, label_threshold if other is not None else None))
    tmp.unlink()
    # parity: the shipped graph against this pipeline's numbers (classifier, temperature, detector in numpy)
    import torch
    from .augment import to_input
    from .data import build_cache, list_pool
    samples = list_pool(args.pool, classes, parse_aliases(args.alias))[::250]
    x = to_input(torch.from_numpy(np.ascontiguousarray(build_cache(samples, args.pool, args.cache_dir / "parity")))).numpy()
    session = ort.InferenceSession(str(args.ship), providers=["CPUExecutionProvider"])
    p, e, s = session.run(["probabilities", "embedding", "unknown_score"], {"input": x})
    result["ship"] = {"path": str(args.ship), "bytes": args.ship.stat().st_size, "parity_photos": len(x),
                      "parity_probabilities": float(np.abs(p - softmax(head.logits(e), temperature)).max()),
                      "parity_unknown_score": float(np.abs(s[:, 0] - detector.score(e)).max())}
    if max(result["ship"]["parity_probabilities"], result["ship"]["parity_unknown_score"]) > 1e-4:
        raise SystemExit(f"parity check failed: {result['ship']}")


def _own_head(base: Path):
    import onnx
    from onnx import numpy_helper
    proto = onnx.load(str(base))
    gemm = next(n for n in proto.graph.node if n.op_type == "Gemm" and n.input[0] == "embedding")
    inits = {i.name: numpy_helper.to_array(i) for i in proto.graph.initializer}
    weight = inits[gemm.input[1]]
    trans_b = next((a.i for a in gemm.attribute if a.name == "transB"), 0)
    return (weight if trans_b else weight.T), inits[gemm.input[2]]


if __name__ == "__main__":
    main()
