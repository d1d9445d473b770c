import json

import numpy as np
import onnx
import torch

from roomnet_training import CLASS_NAMES, export_onnx, train
from roomnet_training.model import RoomNet


def test_two_step_training_run_on_a_handful_of_pool_photos_logs_and_checkpoints(tmp_path, pool):
    out = tmp_path / "run"
    history = train.main(["--pool", str(pool), "--cache-dir", str(tmp_path / "cache"), "--out", str(out),
                          "--limit-pool", "2", "--epochs", "1", "--epoch-samples", "8", "--batch-size", "4",
                          "--threads", "2"])
    assert len(history) == 1 and history[0]["step"] == 2
    assert np.isfinite(history[0]["train_loss"])
    assert (out / "checkpoint.pt").exists() and (out / "best.pt").exists()
    assert json.loads((out / "history.jsonl").read_text().splitlines()[0])["epoch"] == 1
    # resumable: a second epoch continues from the checkpoint
    history = train.main(["--pool", str(pool), "--cache-dir", str(tmp_path / "cache"), "--out", str(out),
                          "--limit-pool", "2", "--epochs", "2", "--epoch-samples", "8", "--batch-size", "4",
                          "--threads", "2", "--resume"])
    assert [h["epoch"] for h in history] == [1, 2] and history[-1]["step"] == 4


def test_export_has_dynamic_batch_metadata_and_matches_pytorch(tmp_path):
    torch.manual_seed(0)
    model = RoomNet().eval()
    path = export_onnx.export(model, tmp_path / "m.onnx", {"model_version": "test"})
    proto = onnx.load(str(path))
    assert proto.opset_import[0].version >= 17
    dim = proto.graph.input[0].type.tensor_type.shape.dim[0]
    assert dim.dim_param  # symbolic batch dimension
    batch = torch.from_numpy(np.random.default_rng(1).uniform(-1, 1, (3, 3, 224, 224)).astype(np.float32))
    assert export_onnx.parity(model, path, batch) <= 1e-4


def test_java_reference_scores_are_written_for_generated_images(tmp_path):
    model = RoomNet().eval()
    path = export_onnx.export(model, tmp_path / "m.onnx")
    ref = json.loads(export_onnx.write_java_reference(path, tmp_path / "ref").read_text())
    assert len(ref["scores"]) == 12  # six pictures, as PNG and as JPEG
    for scores in ref["scores"].values():
        assert len(scores) == len(CLASS_NAMES) and abs(sum(scores) - 1) < 1e-5
