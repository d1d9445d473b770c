"""The one trainer on a handful of pool photos (no full training in a test), and what the export ships."""
import json

import numpy as np
import onnx
import onnxruntime as ort
import pytest
import torch

from roomnet_training import V3_CLASS_NAMES, architectures, export_onnx, pack, train
from roomnet_training.augment import Policy, augment
from roomnet_training.model import RoomNet


@pytest.fixture(scope="module")
def tiny_lite0_run(tmp_path_factory, pool):
    """Two cached-trunk steps on the v3 label set (Hallway photos teach Other): builds two views of trunk
    activations, trains the tail, saves raw and EMA."""
    root = tmp_path_factory.mktemp("lite0")
    history = train.main(["--pool", str(pool), "--cache-dir", str(root / "cache"), "--out", str(root / "run"),
                          "--classes", "v3", "--alias", "Hallway=Other",
                          "--limit-pool", "1", "--arch", "lite0", "--freeze-blocks", "11", "--cached-views", "2",
                          "--steps", "2", "--batch-size", "4", "--val-times", "1", "--threads", "2"])
    return root, history


def test_cached_trunk_run_trains_only_the_tail_and_logs(tiny_lite0_run):
    root, history = tiny_lite0_run
    assert history[-1]["step"] == 2 and np.isfinite(history[-1]["train_loss"])
    assert json.loads((root / "run" / "history.jsonl").read_text().splitlines()[-1])["step"] == 2
    trained = torch.load(root / "run" / "raw.pt", weights_only=False)
    assert trained["arch"] == "lite0" and trained["class_names"] == list(V3_CLASS_NAMES)
    assert trained["aliases"] == {"Hallway": "Other"} and trained["model"]["_fc.weight"].shape == (9, 1280)
    assert set(history[-1]["ema_val_recall"]) <= set(V3_CLASS_NAMES)
    imagenet = architectures.create("lite0").state_dict()
    assert torch.equal(trained["model"]["_blocks.5._expand_conv.weight"], imagenet["_blocks.5._expand_conv.weight"])
    assert not torch.equal(trained["model"]["_blocks.12._expand_conv.weight"], imagenet["_blocks.12._expand_conv.weight"])
    assert len(list((root / "cache").glob("trunk_lite0_k11_*/view*.done"))) == 2


def test_excluding_a_source_reuses_the_cached_trunk(tiny_lite0_run, pool):
    root, _ = tiny_lite0_run
    before = sorted(p.name for p in (root / "cache").glob("trunk_*"))
    history = train.main(["--pool", str(pool), "--cache-dir", str(root / "cache"), "--out", str(root / "no-mp"),
                          "--classes", "v3", "--alias", "Hallway=Other", "--limit-pool", "1", "--arch", "lite0",
                          "--freeze-blocks", "11", "--cached-views", "2",
                          "--steps", "1", "--batch-size", "4", "--val-times", "1", "--exclude-source", "miniplaces"])
    assert history[-1]["step"] == 1
    assert sorted(p.name for p in (root / "cache").glob("trunk_*")) == before


def test_export_bakes_in_the_temperature_and_ships_the_embedding(tiny_lite0_run, tmp_path):
    root, _ = tiny_lite0_run
    calibration = {"temperature": 1.7, "review_rule": {"min_confidence": 0.55, "min_margin": 0.1}}
    (tmp_path / "calibration.json").write_text(json.dumps(calibration))
    out = tmp_path / "m.onnx"
    export_onnx.main(["--checkpoint", str(root / "run" / "ema.pt"), "--out", str(out),
                      "--calibration", str(tmp_path / "calibration.json"), "--version", "test"])
    proto = onnx.load(str(out))
    assert proto.opset_import[0].version >= 17
    meta = {p.key: p.value for p in proto.metadata_props}
    assert float(meta["temperature"]) == 1.7 and meta["architecture"] == "lite0"
    assert float(meta["review_min_confidence"]) == 0.55 and float(meta["review_min_margin"]) == 0.1
    assert meta["input_name"] == "input" and meta["output_name"] == "probabilities"
    assert meta["embedding_name"] == "embedding" and json.loads(meta["class_names"]) == list(V3_CLASS_NAMES)
    assert meta["embedding_output"] == "embedding"
    assert out.stat().st_size <= 16 * 1024 * 1024

    session = ort.InferenceSession(str(out), providers=["CPUExecutionProvider"])
    x = np.random.default_rng(2).uniform(-1, 1, (3, 3, 224, 224)).astype(np.float32)
    probs, embedding = session.run(["probabilities", "embedding"], {"input": x})
    assert probs.shape == (3, 9) and embedding.shape == (3, 1280) and embedding.dtype == np.float32
    np.testing.assert_allclose(probs.sum(1), 1.0, atol=1e-5)

    model = architectures.from_checkpoint(torch.load(root / "run" / "ema.pt", weights_only=False))
    with torch.no_grad():
        logits = model.eval()(torch.from_numpy(x)).numpy()
    shifted = logits / 1.7
    expected = np.exp(shifted - shifted.max(1, keepdims=True))
    np.testing.assert_allclose(probs, expected / expected.sum(1, keepdims=True), atol=1e-4)


def test_roomnet_still_trains_from_a_pack_and_fine_tunes_from_saved_weights(tmp_path, pool):
    """`--arch roomnet` keeps model v1's figures reproducible through the same trainer and data path."""
    pack.build(pool, tmp_path / "cache", tmp_path / "pack", size=64, quality=80, limit_pool=1)
    out = tmp_path / "run"
    history = train.main(["--pack", str(tmp_path / "pack"), "--out", str(out), "--arch", "roomnet", "--steps", "2",
                          "--batch-size", "4", "--val-times", "1", "--device", "cpu"])
    assert history[-1]["step"] == 2 and np.isfinite(history[-1]["train_loss"])
    RoomNet().load_state_dict(torch.load(out / "ema.pt", weights_only=False)["model"])
    history = train.main(["--pack", str(tmp_path / "pack"), "--out", str(tmp_path / "tuned"), "--arch", "roomnet",
                          "--steps", "1", "--batch-size", "4", "--val-times", "1", "--device", "cpu",
                          "--init", str(out / "raw.pt")])
    assert history[-1]["step"] == 1


def test_roomnet_export_keeps_the_v1_interface(tmp_path):
    torch.manual_seed(0)
    model = RoomNet().eval()
    path = export_onnx.export(model, tmp_path / "m.onnx", {"model_version": "test"})
    assert [o.name for o in onnx.load(str(path)).graph.output] == ["probabilities"]
    assert onnx.load(str(path)).graph.input[0].type.tensor_type.shape.dim[0].dim_param  # dynamic batch
    batch = torch.from_numpy(np.random.default_rng(1).uniform(-1, 1, (3, 3, 224, 224)).astype(np.float32))
    assert max(export_onnx.parity(model, path, batch).values()) <= 1e-4
    ref = json.loads(export_onnx.write_java_reference(path, tmp_path / "ref").read_text())
    # 6 pictures: PNG + JPEG, grey, Adobe RGB and Display P3 JPEGs, Adobe RGB and P3 PNGs, a 16-bit grey PNG
    assert len(ref["scores"]) == 48 and all(abs(sum(s) - 1) < 1e-5 for s in ref["scores"].values())


def test_augment_gives_model_input_of_the_right_shape_range_and_variety():
    images = torch.randint(0, 256, (5, 3, 64, 64), dtype=torch.uint8)
    x = augment(images, 48, torch.Generator().manual_seed(0), Policy(grey_share=1.0), np.random.default_rng(0))
    assert x.shape == (5, 3, 48, 48) and x.min() >= -1 and x.max() <= 1
    assert not torch.equal(x[0], x[1])
    torch.testing.assert_close(x[:, 0], x[:, 1])  # grey_share 1: every photo grey


def test_lr_schedule_warms_up_then_decays_to_zero():
    factors = [train.lr_factor(s, 1000, 100) for s in range(1000)]
    assert factors[0] < factors[99] == max(factors) == 1.0 and factors[-1] < 1e-5


def test_sampling_weights_balance_classes_and_zero_excluded_photos():
    labels = np.array([0, 1, 1, 1, 1])
    weights = train.sampling_weights(labels, 1.0, np.array([True, True, True, True, False]))
    assert weights[4] == 0
    assert abs(float(weights[0]) - float(weights[1:4].sum())) < 1e-9  # fully balanced at power 1
