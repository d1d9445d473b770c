import io

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


def test_a_grey_jpeg_is_copied_into_red_green_and_blue(tmp_path):
    grey = np.tile(np.linspace(10, 245, 64).astype(np.uint8), (48, 1))
    path = tmp_path / "grey.jpg"
    Image.fromarray(grey).save(path, quality=95)
    stored = np.asarray(Image.open(path), dtype=np.float64)
    rgb = presets.load_rgb(path)
    for c in range(3):
        np.testing.assert_array_equal(rgb[..., c], stored)


def _chart():
    """Saturated bars over a ramp: an unconverted Adobe RGB or P3 copy is far off on it."""
    bars = np.array([[255, 0, 0], [0, 255, 0], [0, 0, 255], [0, 255, 255], [255, 0, 255], [255, 255, 0]])
    img = np.repeat(np.repeat(bars[None], 40, 0), 20, 1).astype(np.float64)
    img = img * np.linspace(1, 0.4, 40)[:, None, None] + np.linspace(0, 30, 120)[None, :, None]
    return np.clip(img, 0, 255).astype(np.uint8)


def test_adobe_rgb_and_display_p3_jpegs_are_converted_to_srgb(tmp_path):
    from PIL import ImageCms
    from roomnet_training import icc
    original = _chart()
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    for name, profile in (("adobe", icc.adobe_rgb()), ("p3", icc.display_p3())):
        space = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        numbers = ImageCms.profileToProfile(Image.fromarray(original), srgb, space, outputMode="RGB")
        assert np.abs(np.asarray(numbers, np.float64) - original).mean() > 6  # the chart tells them apart
        path = tmp_path / f"{name}.jpg"
        numbers.save(path, quality=95, subsampling=0, icc_profile=profile)
        assert np.abs(presets.load_rgb(path) - original).mean() < 2.5, name


def test_adobe_rgb_and_display_p3_pngs_are_converted_to_srgb(tmp_path):
    """Issue 17: a PNG's iCCP profile is converted as a JPEG's is (the Java side reads the chunk itself)."""
    from PIL import ImageCms
    from roomnet_training import icc
    original = _chart()
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    for name, profile in (("adobe", icc.adobe_rgb()), ("p3", icc.display_p3())):
        space = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        numbers = ImageCms.profileToProfile(Image.fromarray(original), srgb, space, outputMode="RGB")
        path = tmp_path / f"{name}.png"
        numbers.save(path, icc_profile=profile)
        assert np.abs(np.asarray(numbers, np.float64) - original).mean() > 6
        assert np.abs(presets.load_rgb(path) - original).mean() < 1.5, name


def test_sixteen_bit_grey_keeps_its_high_byte(tmp_path):
    """Issue 17: PIL's own conversion clips 16-bit grey at 255 (nearly all white); both sides keep value >> 8."""
    high = np.tile(np.linspace(0, 255, 64).astype(np.uint16), (48, 1))
    low = (np.arange(48 * 64).reshape(48, 64) * 37 % 256).astype(np.uint16)
    path = tmp_path / "grey16.png"
    Image.fromarray(high << 8 | low).save(path)
    assert Image.open(path).mode.startswith("I")
    assert np.asarray(Image.open(path).convert("RGB")).mean() > 250  # what PIL alone gives
    rgb = presets.load_rgb(path)
    for c in range(3):
        np.testing.assert_array_equal(rgb[..., c], high)


def test_an_unreadable_profile_is_taken_for_srgb(tmp_path):
    original = _chart()
    path = tmp_path / "junk.jpg"
    Image.fromarray(original).save(path, quality=95, subsampling=0, icc_profile=b"\0" * 300)
    assert np.abs(presets.load_rgb(path) - original).mean() < 2.5


def test_transparency_is_flattened_on_white(tmp_path):
    """Issue 17: as the Java side (SrgbPixels), transparent pixels become white, not the black PIL's convert leaves."""
    from PIL import Image
    from roomnet_training import presets
    rgba = np.zeros((48, 64, 4), np.uint8)
    rgba[:, 32:48, 3] = 128
    rgba[:, 48:, 3] = 255
    path = tmp_path / "alpha.png"
    Image.fromarray(rgba, "RGBA").save(path)
    rgb = presets.load_rgb(path)
    assert rgb[5, 5].tolist() == [255, 255, 255]
    assert abs(rgb[5, 40, 0] - 127) <= 1
    assert rgb[5, 60].tolist() == [0, 0, 0]
