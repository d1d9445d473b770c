import json
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort

from roomnet_training import CLASS_NAMES, presets

SHIPPED = Path(__file__).resolve().parents[2] / "model" / "roomnet.onnx"


def test_shipped_model_is_roomnet_sized():
    assert SHIPPED.stat().st_size <= 2 * 1024 * 1024


def test_shipped_model_metadata_says_how_to_use_it():
    meta = {p.key: p.value for p in onnx.load(str(SHIPPED)).metadata_props}
    assert json.loads(meta["class_names"]) == list(CLASS_NAMES)
    assert meta["input_size"] == "224"
    assert meta["input_layout"] == "NCHW" and meta["channel_order"] == "RGB"
    assert meta["normalization"] == "x/255*2-1"
    assert abs(float(meta["pixel_scale"]) - 2 / 255) < 1e-12 and float(meta["pixel_offset"]) == -1.0
    assert meta["crop_rule"] == "center-square"
    assert meta["input_name"] == "input" and meta["output_name"] == "probabilities"


def test_shipped_model_gives_probabilities_for_any_batch_size():
    session = ort.InferenceSession(str(SHIPPED), providers=["CPUExecutionProvider"])
    for n in (1, 5):
        x = np.random.default_rng(n).uniform(-1, 1, (n, 3, presets.SIZE, presets.SIZE)).astype(np.float32)
        probs = session.run(["probabilities"], {"input": x})[0]
        assert probs.shape == (n, len(CLASS_NAMES))
        np.testing.assert_allclose(probs.sum(1), 1.0, atol=1e-5)


def test_java_reference_scores_belong_to_the_shipped_model():
    import hashlib
    ref_dir = Path(__file__).resolve().parents[2] / "src/test/resources/org/roomnet/core/classify/reference"
    ref = json.loads((ref_dir / "reference_scores.json").read_text())
    assert ref["model_sha256"] == hashlib.sha256(SHIPPED.read_bytes()).hexdigest(), \
        "re-run training/export_onnx.py with --java-reference-dir after changing the model"
