"""Pre-processing, defined once for training, evaluation, export metadata and the Java app.

The Java classifier reimplements exactly these steps (org.roomnet.core.imaging.Preprocessor) and a
test compares its scores with reference scores computed here.

1. EXIF orientation applied, converted to sRGB: transparency flattened on white; an RGB or palette photo
   with an embedded ICC profile (Adobe RGB, Display P3, ...; JPEG, PNG, TIFF, WebP) through LittleCMS (PIL
   ImageCms) to sRGB; grey copied into R, G and B unchanged, 16-bit grey by its high byte (value >> 8);
   anything else by PIL's convert("RGB"). The Java app does the same (org.roomnet.core.imaging.SrgbPixels).
2. Centre crop to a square: side = min(w, h), offset = (longer - side) // 2 on the longer axis.
3. Resize to SIZE x SIZE with an antialiased triangle (bilinear) filter: output pixel i samples the
   input around centre (i + 0.5) * scale with weights max(0, 1 - |x - centre| / support),
   support = max(scale, 1), weights normalised to sum 1 (PIL's BILINEAR, computed in float64).
4. Scale to [-1, 1] as x / 255 * 2 - 1; layout NCHW, channel order RGB.
"""
from __future__ import annotations

import io
import math
from functools import lru_cache

import numpy as np
from PIL import Image, ImageCms, ImageOps

SIZE = 224
CROP_RULE = "center-square"
NORMALIZATION = "x/255*2-1"


@lru_cache(maxsize=512)
def resample_matrix(in_size: int, out_size: int) -> np.ndarray:
    """(out_size, in_size) matrix of normalised triangle-filter weights."""
    scale = in_size / out_size
    support = max(scale, 1.0)
    weights = np.zeros((out_size, in_size), dtype=np.float64)
    for i in range(out_size):
        centre = (i + 0.5) * scale
        lo = max(0, int(math.floor(centre - support)))
        hi = min(in_size, int(math.ceil(centre + support)))
        for j in range(lo, hi):
            weights[i, j] = max(0.0, 1.0 - abs((j + 0.5 - centre) / support))
        total = weights[i].sum()
        if total > 0:
            weights[i] /= total
    return weights


def center_square(rgb: np.ndarray) -> np.ndarray:
    h, w = rgb.shape[:2]
    side = min(h, w)
    top, left = (h - side) // 2, (w - side) // 2
    return rgb[top:top + side, left:left + side]


def resize_square(rgb: np.ndarray, size: int = SIZE) -> np.ndarray:
    """HWC float64 square image -> (size, size, 3) float64, values still 0..255."""
    rows = resample_matrix(rgb.shape[0], size)
    cols = resample_matrix(rgb.shape[1], size)
    return np.einsum("ij,jkc,lk->ilc", rows, rgb, cols, optimize=True)


_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
SIXTEEN_BIT_GREY = ("I;16", "I;16L", "I;16B", "I;16N", "I")


def to_srgb(im: Image.Image) -> Image.Image:
    """The picture as 8-bit sRGB: transparency flattened on white; 16-bit grey by its high byte (PIL's
    convert would clip every value over 255 to white); an embedded RGB profile of a colour picture converted
    (perceptual intent, as Java's ColorConvertOp takes a matrix/TRC profile's), after the flattening; an
    unreadable profile is taken for sRGB (the Java side warns: SrgbPixels.PROFILE_UNREADABLE)."""
    profile = im.info.get("icc_profile")
    colour = im.mode not in ("1", "L", "LA", "La") and im.mode not in SIXTEEN_BIT_GREY
    if im.mode in ("RGBA", "LA", "PA", "La", "RGBa") or "transparency" in im.info:
        # transparency flattened on white, as the Java side does (SrgbPixels)
        im = Image.alpha_composite(Image.new("RGBA", im.size, (255, 255, 255, 255)), im.convert("RGBA")).convert("RGB")
    elif im.mode in SIXTEEN_BIT_GREY:
        # 16-bit grey (PNG, TIFF; older PIL opens a 16-bit PNG as "I"): the high byte, as Java keeps it
        im = Image.fromarray((np.asarray(im).astype(np.int64) >> 8).clip(0, 255).astype(np.uint8))
    elif im.mode == "P":
        im = im.convert("RGB")
    if colour and im.mode == "RGB" and profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            if source.profile.xcolor_space.strip() == "RGB":
                return ImageCms.profileToProfile(im, source, _SRGB, outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass
    return im.convert("RGB")


def load_rgb(path) -> np.ndarray:
    with Image.open(path) as im:
        im = ImageOps.exif_transpose(im)
        return np.asarray(to_srgb(im), dtype=np.float64)


def to_pixels_224(rgb: np.ndarray, size: int = SIZE) -> np.ndarray:
    """Crop and resize, values 0..255 as float64 HWC."""
    return resize_square(center_square(rgb), size)


def normalize(pixels_hwc: np.ndarray) -> np.ndarray:
    """HWC 0..255 -> CHW float32 in [-1, 1]."""
    return (pixels_hwc / 255.0 * 2.0 - 1.0).transpose(2, 0, 1).astype(np.float32)


def preprocess_file(path, size: int = SIZE) -> np.ndarray:
    """The full inference pre-processing of one file: CHW float32."""
    return normalize(to_pixels_224(load_rgb(path), size))
