import json
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort

from roomnet_training import CLASS_NAMES, presets

MODEL_DIR = Path(__file__).resolve().parents[2] / "model"
SHIPPED = MODEL_DIR / "roomnet.onnx"
V1 = MODEL_DIR / "v1" / "roomnet-v1.onnx"


def metadata(path: Path) -> dict:
    return {p.key: p.value for p in onnx.load(str(path)).metadata_props}


def test_shipped_model_is_within_the_size_limit():
    assert SHIPPED.stat().st_size <= 16 * 1024 * 1024


def test_shipped_model_metadata_says_how_to_use_it():
    meta = metadata(SHIPPED)
    assert json.loads(meta["class_names"]) == list(CLASS_NAMES)
    assert meta["input_size"] == "224"
    assert meta["input_layout"] == "NCHW" and meta["channel_order"] == "RGB"
    assert meta["normalization"] == "x/255*2-1"
    assert abs(float(meta["pixel_scale"]) - 2 / 255) < 1e-12 and float(meta["pixel_offset"]) == -1.0
    assert meta["crop_rule"] == "center-square"
    assert meta["input_name"] == "input" and meta["output_name"] == "probabilities"
    assert meta["architecture"] == "lite0" and meta["embedding_name"] == "embedding"
    assert 0.05 < float(meta["temperature"]) < 20
    assert 0 <= float(meta["review_min_confidence"]) <= 1 and 0 <= float(meta["review_min_margin"]) <= 1


def test_shipped_model_gives_probabilities_and_the_embedding_for_any_batch_size():
    session = ort.InferenceSession(str(SHIPPED), providers=["CPUExecutionProvider"])
    for n in (1, 5):
        x = np.random.default_rng(n).uniform(-1, 1, (n, 3, presets.SIZE, presets.SIZE)).astype(np.float32)
        probs, embedding = session.run(["probabilities", "embedding"], {"input": x})
        assert probs.shape == (n, len(CLASS_NAMES)) and embedding.shape == (n, 1280)
        np.testing.assert_allclose(probs.sum(1), 1.0, atol=1e-5)


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
