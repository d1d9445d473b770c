"""The unknown detector: how unlike the training photos a photo is, from the model's `embedding`.

score(photo) = 1 - cos(z, its k-th nearest neighbour in a compact bank of training embeddings), with
z = normalise((embedding - mean) @ projection): centring on the training mean and, to keep the graph
small, a PCA projection. The bank is k-means centroids of each class's training embeddings (or a random
subsample of them), so a photo near any training class scores low and a photo far from all of them high.
`add_to_graph` computes the score inside the ONNX graph (output `unknown_score`, (N, 1)) and writes the
thresholds and a description into the metadata (see /work/notes/contract-v3.md).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

OUTPUT_NAME = "unknown_score"


@dataclass(frozen=True)
class Detector:
    mean: np.ndarray         # (E,)
    projection: np.ndarray   # (E, D): PCA basis (identity when D == E)
    bank: np.ndarray         # (B, D) unit rows
    k: int
    method: str

    def score(self, embedding: np.ndarray, chunk: int = 2048) -> np.ndarray:
        z = _unit((embedding.astype(np.float32) - self.mean) @ self.projection)
        out = []
        for i in range(0, len(z), chunk):
            sims = z[i:i + chunk] @ self.bank.T
            out.append(1.0 - np.partition(sims, -self.k, axis=1)[:, -self.k])
        return np.concatenate(out).astype(np.float32)

    def graph_bytes(self) -> int:
        return 4 * (self.mean.size + self.projection.size + self.bank.size)


def _unit(x: np.ndarray) -> np.ndarray:
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)


def pca(x: np.ndarray, dims: int) -> tuple[np.ndarray, np.ndarray]:
    mean = x.mean(0)
    if dims >= x.shape[1]:
        return mean.astype(np.float32), np.eye(x.shape[1], dtype=np.float32)
    _, _, vt = np.linalg.svd((x - mean).astype(np.float64), full_matrices=False)
    return mean.astype(np.float32), vt[:dims].T.astype(np.float32)


def kmeans(x: np.ndarray, n: int, rng: np.random.Generator, iterations: int = 25) -> np.ndarray:
    """Spherical k-means (cosine) on unit rows, k-means++ seeding; returns unit centroids."""
    if len(x) <= n:
        return x.copy()
    centres = [x[rng.integers(len(x))]]
    closest = 1 - x @ centres[0]
    for _ in range(n - 1):
        weights = np.clip(closest, 0, None) ** 2
        centres.append(x[rng.choice(len(x), p=weights / weights.sum()) if weights.sum() > 0 else rng.integers(len(x))])
        closest = np.minimum(closest, 1 - x @ centres[-1])
    c = np.stack(centres)
    for _ in range(iterations):
        assign = (x @ c.T).argmax(1)
        sums = np.zeros_like(c)
        np.add.at(sums, assign, x)
        filled = np.bincount(assign, minlength=n) > 0
        c[filled] = _unit(sums[filled])  # an empty cluster keeps its centre
    return c.astype(np.float32)


def build(train_embedding: np.ndarray, train_labels: np.ndarray, bank_size: int, dims: int, k: int,
          selection: str = "kmeans", seed: int = 0) -> Detector:
    """A bank of about `bank_size` rows shared out over the classes in proportion to the square root of
    their training counts (scarce classes keep enough rows to have k near neighbours of their own)."""
    rng = np.random.default_rng(seed)
    mean, projection = pca(train_embedding, dims)
    z = _unit((train_embedding - mean) @ projection)
    classes, counts = np.unique(train_labels, return_counts=True)
    share = np.sqrt(counts) / np.sqrt(counts).sum()
    rows = []
    for c, s in zip(classes, share):
        members = z[train_labels == c]
        n = max(2 * k, int(round(s * bank_size)))
        rows.append(kmeans(members, n, rng) if selection == "kmeans" else
                    members[rng.choice(len(members), min(n, len(members)), replace=False)])
    bank = np.concatenate(rows).astype(np.float32)
    kind = "k-means centroids of" if selection == "kmeans" else "randomly sampled"
    method = (f"kNN k={k} cosine over {len(bank)} {kind} training embeddings (per class, sqrt share), centred"
              + (f", PCA {dims}" if dims < train_embedding.shape[1] else ""))
    return Detector(mean, projection, bank, k, method)


def auroc(positive: np.ndarray, negative: np.ndarray) -> float:
    """P(score of a positive > score of a negative), ties half (Mann-Whitney)."""
    scores = np.concatenate([positive, negative])
    _, inverse, counts = np.unique(scores, return_inverse=True, return_counts=True)
    ranks = (np.cumsum(counts) - (counts - 1) / 2)[inverse]
    n_pos, n_neg = len(positive), len(negative)
    return float((ranks[:n_pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def add_to_graph(model_path: Path, out_path: Path, detector: Detector, metadata: dict[str, str],
                 embedding_name: str = "embedding") -> Path:
    """Copies the graph with the `unknown_score` output appended (computed from `embedding_name`) and the
    given metadata entries added or replaced."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    proto = onnx.load(str(model_path))
    g = proto.graph
    if any(o.name == OUTPUT_NAME for o in g.output):
        raise ValueError(f"{model_path} already has an {OUTPUT_NAME} output")
    consts = {"unknown_mean": detector.mean.astype(np.float32),
              "unknown_projection": detector.projection.astype(np.float32),
              "unknown_bank_t": np.ascontiguousarray(detector.bank.T.astype(np.float32)),
              "unknown_eps": np.array(1e-12, np.float32), "unknown_one": np.array(1.0, np.float32),
              "unknown_k": np.array([detector.k], np.int64),
              "unknown_start": np.array([detector.k - 1], np.int64), "unknown_end": np.array([detector.k], np.int64),
              "unknown_axis": np.array([1], np.int64)}
    g.initializer.extend(numpy_helper.from_array(v, n) for n, v in consts.items())
    g.node.extend([
        helper.make_node("Sub", [embedding_name, "unknown_mean"], ["unknown_centred"]),
        helper.make_node("MatMul", ["unknown_centred", "unknown_projection"], ["unknown_z"]),
        helper.make_node("ReduceL2", ["unknown_z"], ["unknown_norm"], axes=[1], keepdims=1),
        helper.make_node("Max", ["unknown_norm", "unknown_eps"], ["unknown_norm_safe"]),
        helper.make_node("Div", ["unknown_z", "unknown_norm_safe"], ["unknown_unit"]),
        helper.make_node("MatMul", ["unknown_unit", "unknown_bank_t"], ["unknown_similarity"]),
        helper.make_node("TopK", ["unknown_similarity", "unknown_k"], ["unknown_top", "unknown_top_index"], axis=1),
        helper.make_node("Slice", ["unknown_top", "unknown_start", "unknown_end", "unknown_axis"], ["unknown_kth"]),
        helper.make_node("Sub", ["unknown_one", "unknown_kth"], [OUTPUT_NAME]),
    ])
    g.output.append(helper.make_tensor_value_info(OUTPUT_NAME, TensorProto.FLOAT, ["batch", 1]))
    props = {p.key: p.value for p in proto.metadata_props}
    props.update(metadata)
    del proto.metadata_props[:]
    for key, value in props.items():
        entry = proto.metadata_props.add()
        entry.key, entry.value = key, value
    onnx.checker.check_model(proto)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    onnx.save(proto, str(out_path))
    return out_path


def metadata(detector: Detector, threshold: float, label: str | None = None,
             label_threshold: float | None = None) -> dict[str, str]:
    props = {"unknown_output": OUTPUT_NAME, "unknown_threshold": repr(float(threshold)),
             "unknown_method": detector.method}
    if label is not None:
        if label_threshold is None or label_threshold < threshold:
            raise ValueError("unknown_label_threshold must be given and at least unknown_threshold")
        props.update({"unknown_label": label, "unknown_label_threshold": repr(float(label_threshold))})
    return props


def describe(detector: Detector) -> str:
    return json.dumps({"bank_rows": int(len(detector.bank)), "dims": int(detector.projection.shape[1]),
                       "k": detector.k, "graph_bytes": detector.graph_bytes(), "method": detector.method})
