import json
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort

from roomnet_training import CLASS_NAMES, V3_CLASS_NAMES, presets

MODEL_DIR = Path(__file__).resolve().parents[2] / "model"
SHIPPED = MODEL_DIR / "roomnet.onnx"
V1 = MODEL_DIR / "v1" / "roomnet-v1.onnx"
V2 = MODEL_DIR / "v2" / "roomnet-v2.onnx"


def metadata(path: Path) -> dict:
    return {p.key: p.value for p in onnx.load(str(path)).metadata_props}


def test_shipped_model_is_within_the_size_limit():
    assert SHIPPED.stat().st_size <= 16 * 1024 * 1024


def test_shipped_model_metadata_says_how_to_use_it():
    meta = metadata(SHIPPED)
    assert json.loads(meta["class_names"]) == list(V3_CLASS_NAMES)
    assert meta["input_size"] == "224"
    assert meta["input_layout"] == "NCHW" and meta["channel_order"] == "RGB"
    assert meta["normalization"] == "x/255*2-1"
    assert abs(float(meta["pixel_scale"]) - 2 / 255) < 1e-12 and float(meta["pixel_offset"]) == -1.0
    assert meta["crop_rule"] == "center-square"
    assert meta["input_name"] == "input" and meta["output_name"] == "probabilities"
    assert meta["architecture"] == "lite0" and meta["embedding_name"] == "embedding"
    assert 0.05 < float(meta["temperature"]) < 20
    assert 0 <= float(meta["review_min_confidence"]) <= 1 and 0 <= float(meta["review_min_margin"]) <= 1
    assert meta["embedding_output"] == "embedding" and meta["unknown_output"] == "unknown_score"
    assert 0 < float(meta["unknown_threshold"]) <= float(meta["unknown_label_threshold"]) < 2
    assert meta["unknown_label"] in V3_CLASS_NAMES and meta["unknown_method"].startswith("kNN")


def test_shipped_model_gives_probabilities_embedding_and_unknown_score_for_any_batch_size():
    session = ort.InferenceSession(str(SHIPPED), providers=["CPUExecutionProvider"])
    for n in (1, 5):
        x = np.random.default_rng(n).uniform(-1, 1, (n, 3, presets.SIZE, presets.SIZE)).astype(np.float32)
        probs, embedding, score = session.run(["probabilities", "embedding", "unknown_score"], {"input": x})
        assert probs.shape == (n, len(V3_CLASS_NAMES)) and embedding.shape == (n, 1280) and score.shape == (n, 1)
        np.testing.assert_allclose(probs.sum(1), 1.0, atol=1e-5)
        assert np.isfinite(score).all() and (score >= -1e-6).all() and (score <= 2 + 1e-6).all()


def test_listing_rooms_keep_room_labels_and_drawings_outside_training_are_not_rooms(pool, tmp_path):
    """The shipped graph on real inputs: pool listing rooms score below the unknown threshold and keep room
    labels; drawn floor plans and documents that were not among the training drawings (index >= 300) get
    FloorPlan / Other or are flagged."""
    from roomnet_training import data, synthetic
    session = ort.InferenceSession(str(SHIPPED), providers=["CPUExecutionProvider"])
    meta = metadata(SHIPPED)
    rooms = [s for s in data.list_pool(pool) if s.source == "houses"][:8]
    x = np.stack([presets.preprocess_file(pool / s.path) for s in rooms])
    room_scores, = session.run(["unknown_score"], {"input": x})
    assert np.median(room_scores) < float(meta["unknown_threshold"])
    probs, = session.run(["probabilities"], {"input": x})
    assert (probs.argmax(1) < 6).mean() >= 0.75  # listing rooms keep room labels
    drawings = []
    for i, kind in enumerate(["floorplans", "documents"] * 3):
        path = tmp_path / f"{kind}_{i}.jpg"
        synthetic.picture(kind, 1000 + i).save(path, quality=88)
        drawings.append(presets.preprocess_file(path))
    probs, score = session.run(["probabilities", "unknown_score"], {"input": np.stack(drawings)})
    names = [V3_CLASS_NAMES[k] for k in probs.argmax(1)]
    caught = [n in ("FloorPlan", "Other") or s >= float(meta["unknown_threshold"]) for n, s in zip(names, score[:, 0])]
    assert all(caught), list(zip(names, score[:, 0]))


def test_model_v2_stays_beside_it_with_six_classes_and_no_unknown_output():
    """The previous model for `classify --model model/v2/roomnet-v2.onnx` and the card's side-by-side figures."""
    meta = metadata(V2)
    assert meta["model_version"] == "2026.11.27-lite0-cpu" and json.loads(meta["class_names"]) == list(CLASS_NAMES)
    assert "unknown_output" not in meta
    assert [o.name for o in onnx.load(str(V2)).graph.output] == ["probabilities", "embedding"]


def test_model_v1_stays_beside_it_with_the_interface_the_app_reads():
    """The baseline for figures and `classify --model`: RoomNet v1 keeps working (and the Java tests use it)."""
    meta = metadata(V1)
    assert meta["model_version"] == "2026.11.26-gpu2" and meta["output_name"] == "probabilities"
    assert "review_min_confidence" not in meta  # the app falls back to its fixed rule


def test_java_reference_scores_belong_to_the_shipped_model():
    import hashlib
    ref_dir = Path(__file__).resolve().parents[2] / "src/test/resources/org/roomnet/core/classify/reference"
    ref = json.loads((ref_dir / "reference_scores.json").read_text())
    assert ref["model_sha256"] == hashlib.sha256(SHIPPED.read_bytes()).hexdigest(), \
        "re-run training/export_onnx.py with --java-reference-dir after changing the model"
