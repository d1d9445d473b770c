"""The v3 head on a frozen embedding, the unknown detector and the graph that ships them (no training)."""
import json

import numpy as np
import onnx
import onnxruntime as ort
import pytest
from onnx import TensorProto, helper, numpy_helper

from roomnet_training import calibrate, head, openset_figures, unknown

E = 16


def tiny_graph(path, classes=6, seed=0):
    """The shape of a shipped graph's end: input -> embedding -> Gemm -> * inverse_temperature -> Softmax."""
    rng = np.random.default_rng(seed)
    inits = [numpy_helper.from_array(rng.normal(size=(classes, E)).astype(np.float32), "w"),
             numpy_helper.from_array(np.zeros(classes, np.float32), "b"),
             numpy_helper.from_array(np.array(1.0, np.float32), "inverse_temperature")]
    nodes = [helper.make_node("Relu", ["input"], ["embedding"]),
             helper.make_node("Gemm", ["embedding", "w", "b"], ["logits"], transB=1),
             helper.make_node("Mul", ["logits", "inverse_temperature"], ["scaled"]),
             helper.make_node("Softmax", ["scaled"], ["probabilities"], axis=1)]
    graph = helper.make_graph(nodes, "tiny", [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["batch", E])],
                              [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["batch", classes]),
                               helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["batch", E])],
                              inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8)
    entry = model.metadata_props.add()
    entry.key, entry.value = "class_names", json.dumps([f"c{i}" for i in range(classes)])
    onnx.save(model, str(path))
    return path


def clusters(n_per, centres, rng, spread=0.3):
    x = np.concatenate([c + spread * rng.normal(size=(n_per, E)) for c in centres]).astype(np.float32)
    return np.abs(x), np.repeat(np.arange(len(centres)), n_per)


def test_detector_scores_far_photos_higher_and_the_graph_computes_the_same_score(tmp_path):
    rng = np.random.default_rng(1)
    centres = [np.eye(E)[i] * 3 for i in range(3)]
    x, y = clusters(60, centres, rng)
    for selection, dims in (("kmeans", 8), ("sample", E)):
        det = unknown.build(x, y, bank_size=30, dims=dims, k=3, selection=selection)
        near, _ = clusters(20, centres, rng)
        far, _ = clusters(20, [np.eye(E)[i] * 3 for i in range(5, 8)], rng)
        assert unknown.auroc(det.score(far), det.score(near)) > 0.95
        # brute force: 1 - the k-th largest cosine similarity to the bank
        z = (near - det.mean) @ det.projection
        z /= np.linalg.norm(z, axis=1, keepdims=True)
        np.testing.assert_allclose(det.score(near), 1 - np.sort(z @ det.bank.T, axis=1)[:, -3], atol=1e-5)

        out = unknown.add_to_graph(tiny_graph(tmp_path / "base.onnx"), tmp_path / f"{selection}.onnx", det,
                                   unknown.metadata(det, 0.2, "c5", 0.4))
        session = ort.InferenceSession(str(out), providers=["CPUExecutionProvider"])
        batch = np.concatenate([near[:3], far[:2]])
        score, = session.run(["unknown_score"], {"input": batch})
        assert score.shape == (5, 1) and score.dtype == np.float32
        np.testing.assert_allclose(score[:, 0], det.score(batch), atol=1e-5)
        meta = {p.key: p.value for p in onnx.load(str(out)).metadata_props}
        assert meta["unknown_output"] == "unknown_score" and float(meta["unknown_threshold"]) == 0.2
        assert meta["unknown_label"] == "c5" and float(meta["unknown_label_threshold"]) == 0.4
        assert meta["class_names"] == json.dumps([f"c{i}" for i in range(6)]) and "kNN k=3" in meta["unknown_method"]


def test_label_threshold_below_the_flag_threshold_is_refused():
    det = unknown.Detector(np.zeros(E, np.float32), np.eye(E, dtype=np.float32), np.eye(E, dtype=np.float32), 2, "m")
    with pytest.raises(ValueError):
        unknown.metadata(det, 0.3, "Other", 0.2)


def test_auroc_counts_ties_as_half():
    assert unknown.auroc(np.array([2.0, 3.0]), np.array([0.0, 1.0])) == 1.0
    assert unknown.auroc(np.array([1.0]), np.array([1.0])) == 0.5
    assert unknown.auroc(np.array([0.0]), np.array([1.0, 2.0])) == 0.0


def test_new_head_is_learned_and_swapped_into_the_graph(tmp_path):
    rng = np.random.default_rng(2)
    x, y = clusters(20, [np.eye(E)[i] * 3 for i in range(9)], rng)
    fitted, info = head.fit(x, y, 9)
    assert (fitted.logits(x).argmax(1) == y).mean() > 0.95 and info["l2"] in head.L2_GRID
    out = head.swap_head(tiny_graph(tmp_path / "six.onnx"), tmp_path / "nine.onnx", fitted, 0.5,
                         {"class_names": json.dumps([f"n{i}" for i in range(9)])})
    probs, = ort.InferenceSession(str(out), providers=["CPUExecutionProvider"]).run(["probabilities"], {"input": x[:7]})
    assert probs.shape == (7, 9)
    np.testing.assert_allclose(probs, calibrate.softmax(fitted.logits(x[:7]), 0.5), atol=1e-5)
    meta = {p.key: p.value for p in onnx.load(str(out)).metadata_props}
    assert float(meta["temperature"]) == 0.5 and len(json.loads(meta["class_names"])) == 9


def test_review_rule_budget_holds_for_the_union_with_the_detector():
    rng = np.random.default_rng(3)
    probs = rng.dirichlet(np.ones(4) * 0.5, 400)
    labels = rng.integers(0, 4, 400)
    already = rng.random(400) < 0.08
    rule = calibrate.fit_review_rule(probs, labels, 0.15, already)
    assert (rule.flags(probs) | already).mean() <= 0.15
    alone = calibrate.fit_review_rule(probs, labels, 0.15)
    assert alone.flags(probs).mean() > rule.flags(probs).mean()  # the detector's flags use part of the budget
    rows = labels < 2
    within = calibrate.fit_review_rule(probs, labels, 0.15, already, rows)
    assert (within.flags(probs) | already)[rows].mean() <= 0.15


def test_a_non_six_photo_is_caught_when_labelled_other_or_flagged():
    classes = ("A", "B", "Other")
    pred = np.array([2, 0, 1, 0])
    flagged = np.array([False, True, False, False])
    assert openset_figures.caught(pred, flagged, classes).tolist() == [True, True, False, False]
    scores = np.array([0.9, 0.1, 0.5, 0.2])
    assert openset_figures.effective_labels(np.eye(3)[[0, 1, 1, 0]], scores, 0.5, 2).tolist() == [2, 1, 2, 0]


def test_extending_a_head_keeps_the_old_rows_and_learns_the_new_labels():
    rng = np.random.default_rng(4)
    x, y = clusters(20, [np.eye(E)[i] * 3 for i in range(4)], rng)
    old_w, old_b = np.eye(E, dtype=np.float32)[:2] * 2, np.zeros(2, np.float32)  # knows classes 0 and 1
    extended, _ = head.fit(x, y, 4, fixed=(old_w, old_b))
    assert extended.weight.shape == (4, E)
    np.testing.assert_array_equal(extended.weight[:2], old_w)
    np.testing.assert_array_equal(extended.bias[:2], old_b)
    assert (extended.logits(x).argmax(1)[y >= 2] == y[y >= 2]).mean() > 0.9
