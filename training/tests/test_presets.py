import numpy as np
from PIL import Image

from roomnet_training import presets


def test_resample_weights_are_normalised_and_local():
    for in_size, out_size in [(500, 224), (224, 224), (100, 224)]:
        m = presets.resample_matrix(in_size, out_size)
        assert m.shape == (out_size, in_size)
        np.testing.assert_allclose(m.sum(1), 1.0, atol=1e-12)


def test_identity_size_keeps_pixels():
    rgb = np.random.default_rng(0).uniform(0, 255, (224, 224, 3))
    np.testing.assert_allclose(presets.to_pixels_224(rgb), rgb, atol=1e-9)


def test_centre_crop_takes_the_middle_of_the_longer_side():
    rgb = np.zeros((100, 300, 3))
    rgb[:, 100:200] = 255  # the middle third is white
    out = presets.to_pixels_224(rgb)
    assert out.min() > 254


def test_preprocess_file_applies_exif_orientation_and_normalisation(tmp_path):
    img = np.zeros((40, 80, 3), np.uint8)
    img[:, :40] = 255  # left half white
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 CW to display: the white half ends up on top
    path = tmp_path / "o.jpg"
    Image.fromarray(img).save(path, exif=exif, quality=95)
    x = presets.preprocess_file(path)
    assert x.shape == (3, 224, 224) and x.dtype == np.float32
    assert -1.0 <= x.min() and x.max() <= 1.0
    assert x[:, :100].mean() > 0.8 and x[:, 124:].mean() < -0.8
