import numpy as np

from roomnet_training import CLASS_NAMES, pack


def test_pack_round_trip_keeps_split_labels_and_pixels_close(tmp_path, pool):
    summary = pack.build(pool, tmp_path / "cache", tmp_path / "pack", size=96, quality=90, limit_pool=1)
    arrays = pack.load_arrays(tmp_path / "pack", workers=2)
    assert summary["photos"] == len(arrays.labels) == len(arrays.pixels)
    assert summary["validation"] == int(arrays.is_val.sum())
    assert arrays.pixels.shape[1:] == (96, 96, 3) and arrays.pixels.dtype == np.uint8
    assert set(arrays.labels.tolist()) == set(range(len(CLASS_NAMES)))
    # lossy, but still the same photo: a mean absolute error of a few grey levels
    cached = np.load(next((tmp_path / "cache").glob("pool_224_*.npy")))
    from PIL import Image
    shrunk = np.asarray(Image.fromarray(cached[0]).resize((96, 96), Image.BILINEAR), dtype=float)
    assert np.abs(shrunk - arrays.pixels[0]).mean() < 6
