import json

import numpy as np
import torch

from roomnet_training import CLASS_NAMES, pack, train_pack


def test_pack_round_trip_keeps_split_labels_and_pixels_close(tmp_path, pool):
    summary = pack.build(pool, tmp_path / "cache", tmp_path / "pack", size=96, quality=90, limit_pool=1)
    pixels, index = pack.load(tmp_path / "pack", workers=2)
    assert summary["photos"] == len(index["photos"]) == len(pixels)
    assert pixels.shape[1:] == (96, 96, 3) and pixels.dtype == np.uint8
    assert {p["label"] for p in index["photos"]} == set(range(len(CLASS_NAMES)))
    assert index["classes"] == list(CLASS_NAMES)
    # lossy, but still the same photo: a mean absolute error of a few grey levels
    cached = np.load(next((tmp_path / "cache").glob("pool_224_*.npy")))
    from PIL import Image
    shrunk = np.asarray(Image.fromarray(cached[0]).resize((96, 96), Image.BILINEAR), dtype=float)
    assert np.abs(shrunk - pixels[0]).mean() < 6


def test_augment_gives_model_input_of_the_right_shape_and_range():
    images = torch.randint(0, 256, (5, 3, 64, 64), dtype=torch.uint8)
    x = train_pack.augment(images, 48, torch.Generator().manual_seed(0), 0.25, 0.4, np.random.default_rng(0))
    assert x.shape == (5, 3, 48, 48) and x.min() >= -1 and x.max() <= 1
    assert not torch.equal(x[0], x[1])


def test_time_budgeted_lr_schedule_warms_up_then_decays_to_zero():
    lrs = [train_pack.lr_at(s, 1000, 1e-3, 100) for s in range(1000)]
    assert lrs[0] < lrs[99] == max(lrs) and lrs[-1] < 1e-6


def test_two_steps_from_a_pack_write_history_and_loadable_weights(tmp_path, pool):
    pack.build(pool, tmp_path / "cache", tmp_path / "pack", size=64, quality=80, limit_pool=1)
    out = tmp_path / "run"
    history = train_pack.main(["--pack", str(tmp_path / "pack"), "--out", str(out), "--steps", "2",
                               "--batch-size", "4", "--size", "192", "--device", "cpu"])
    assert history[-1]["step"] == 2 and np.isfinite(history[-1]["train_loss"])
    assert json.loads((out / "history.jsonl").read_text().splitlines()[-1])["step"] == 2
    from roomnet_training.model import RoomNet
    for name in ("raw.pt", "ema.pt"):
        RoomNet().load_state_dict(torch.load(out / name, weights_only=False)["model"])
    # fine-tuning starts from saved weights
    history = train_pack.main(["--pack", str(tmp_path / "pack"), "--out", str(tmp_path / "tuned"), "--steps", "1",
                               "--batch-size", "4", "--size", "192", "--device", "cpu", "--init", str(out / "raw.pt")])
    assert history[-1]["step"] == 1
