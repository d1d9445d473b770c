"""A new classifier on a shipped model's frozen `embedding`: the cheap way to a new label set.

`fit` trains a multinomial logistic regression (full-batch L-BFGS, L2, class-balanced weights
count ** -power) on training-split embeddings; the L2 strength is picked on a fixed tenth of the training
split (never on validation). `swap_head` copies the graph with its classifier (the Gemm that reads
`embedding`) replaced by the new weights, the temperature baked in as before, so the graph still returns
`probabilities` (N, C) and `embedding` (N, 1280) and runs at the old speed.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

L2_GRID = (1e-4, 1e-3, 1e-2)


@dataclass(frozen=True)
class Head:
    weight: np.ndarray   # (C, E)
    bias: np.ndarray     # (C,)
    l2: float

    def logits(self, embedding: np.ndarray) -> np.ndarray:
        return embedding.astype(np.float32) @ self.weight.T + self.bias


def _train(x, y, weights, classes: int, l2: float, fixed: tuple[np.ndarray, np.ndarray] | None = None):
    """With `fixed` (weights, bias of the first classes, e.g. v2's six rooms) only the rows after them learn:
    the six rooms' scores stay the shipped model's, and the new labels learn where they take over."""
    import torch
    torch.manual_seed(0)
    xt, yt, wt = torch.from_numpy(x).double(), torch.from_numpy(y).long(), torch.from_numpy(weights).double()
    mean, std = xt.mean(0), xt.std(0).clamp_min(1e-6)
    xs = (xt - mean) / std
    first = 0 if fixed is None else len(fixed[1])
    fixed_logits = (xt @ torch.from_numpy(fixed[0]).double().T + torch.from_numpy(fixed[1]).double()
                    if fixed is not None else torch.zeros(len(y), 0, dtype=torch.double))
    w = torch.zeros(classes - first, x.shape[1], dtype=torch.double, requires_grad=True)
    b = torch.zeros(classes - first, dtype=torch.double, requires_grad=True)
    optimizer = torch.optim.LBFGS([w, b], lr=1, max_iter=200, history_size=20, line_search_fn="strong_wolfe")

    def closure():
        optimizer.zero_grad()
        logits = torch.cat([fixed_logits, xs @ w.T + b], 1)
        loss = (torch.nn.functional.cross_entropy(logits, yt, reduction="none") * wt).sum() / wt.sum()
        loss = loss + l2 * (w ** 2).sum()
        loss.backward()
        return loss

    optimizer.step(closure)
    # fold the standardisation into the weights: the graph applies them to the raw embedding
    weight = (w / std).detach().float().numpy()
    bias = (b - (w * mean / std).sum(1)).detach().float().numpy()
    if fixed is not None:
        weight, bias = np.concatenate([fixed[0], weight]), np.concatenate([fixed[1], bias])
    return weight.astype(np.float32), bias.astype(np.float32)


def balance(labels: np.ndarray, power: float) -> np.ndarray:
    counts = np.bincount(labels)
    return counts[labels].astype(np.float64) ** -power


def fit(embedding: np.ndarray, labels: np.ndarray, classes: int, power: float = 0.5,
        groups: np.ndarray | None = None, fixed: tuple[np.ndarray, np.ndarray] | None = None) -> tuple[Head, dict]:
    """`groups` (e.g. paths) decide the inner tenth used to pick L2; `fixed` keeps the first classes' weights
    (see _train). Returns the head and the inner scores."""
    keys = groups if groups is not None else np.arange(len(labels)).astype(str)
    inner = np.array([hashlib.sha256(f"head:{k}".encode()).digest()[0] < 26 for k in keys])
    scores = {}
    for l2 in L2_GRID:
        w, b = _train(embedding[~inner], labels[~inner], balance(labels[~inner], power), classes, l2, fixed)
        pred = (embedding[inner] @ w.T + b).argmax(1)
        recalls = [float((pred[labels[inner] == c] == c).mean()) for c in range(classes) if (labels[inner] == c).any()]
        scores[l2] = float(np.mean(recalls))
    best = max(L2_GRID, key=lambda v: (scores[v], v))
    w, b = _train(embedding, labels, balance(labels, power), classes, best, fixed)
    return Head(w, b, best), {"inner_mean_recall_by_l2": scores, "l2": best}


def swap_head(model_path: Path, out_path: Path, head: Head, temperature: float, metadata: dict[str, str]) -> Path:
    import onnx
    from onnx import numpy_helper

    proto = onnx.load(str(model_path))
    g = proto.graph
    gemm = [n for n in g.node if n.op_type == "Gemm" and n.input[0] == "embedding"]
    if len(gemm) != 1:
        raise ValueError(f"{model_path}: expected one Gemm reading `embedding`, found {len(gemm)}")
    weight_name, bias_name = gemm[0].input[1], gemm[0].input[2]
    trans_b = next((a.i for a in gemm[0].attribute if a.name == "transB"), 0)
    replacements = {weight_name: head.weight if trans_b else head.weight.T, bias_name: head.bias,
                    "inverse_temperature": np.array(1.0 / temperature, np.float32)}
    found = set()
    for i, init in enumerate(g.initializer):
        if init.name in replacements:
            g.initializer[i].CopyFrom(numpy_helper.from_array(
                np.ascontiguousarray(replacements[init.name]).astype(np.float32), init.name))
            found.add(init.name)
    if found != set(replacements):
        raise ValueError(f"{model_path}: initializers not found: {sorted(set(replacements) - found)}")
    output = next(o for o in g.output if o.name == "probabilities")
    del output.type.tensor_type.shape.dim[1:]
    output.type.tensor_type.shape.dim.add().dim_value = len(head.bias)
    del g.value_info[:]  # intermediate shapes (the old class count) are inferred again by the runtime
    props = {p.key: p.value for p in proto.metadata_props}
    props.update(metadata)
    props["temperature"] = repr(float(temperature))
    del proto.metadata_props[:]
    for key, value in props.items():
        entry = proto.metadata_props.add()
        entry.key, entry.value = key, value
    onnx.checker.check_model(proto)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    onnx.save(proto, str(out_path))
    return out_path
