"""Running a model on the validation photos, for evaluation, calibration and quantisation alike."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from . import data


def validation_pixels(pool: Path, cache_dir: Path, size: int = 224, val_fraction: float = 0.15, seed: int = 0,
                      classes: tuple[str, ...] = data.CLASS_NAMES, aliases: dict[str, str] | None = None):
    """The held-out photos through the exact pre-processing: (uint8 pixels NHWC, labels, sources)."""
    samples = data.list_pool(pool, classes, aliases)
    pixels = data.build_cache(samples, pool, cache_dir, size)
    index = {s.path: i for i, s in enumerate(samples)}
    _, val = data.split(samples, val_fraction, seed)
    return (np.stack([pixels[index[s.path]] for s in val]), np.array([s.label for s in val]),
            [s.source for s in val])


def greyscale(pixels: np.ndarray) -> np.ndarray:
    """Grey copies as a photo editor makes them (ITU-R 601 luma, PIL's "L"), back in three channels."""
    luma = pixels[..., 0] * 0.299 + pixels[..., 1] * 0.587 + pixels[..., 2] * 0.114
    return np.repeat(np.clip(np.rint(luma), 0, 255).astype(np.uint8)[..., None], 3, axis=-1)


def checkpoint_logits(checkpoint: Path, pixels: np.ndarray, batch_size: int = 64) -> np.ndarray:
    import torch
    from . import architectures
    from .augment import to_input

    model = architectures.from_checkpoint(torch.load(checkpoint, weights_only=False, map_location="cpu"))
    model = model.eval().to(memory_format=torch.channels_last)
    out = []
    with torch.inference_mode():
        for i in range(0, len(pixels), batch_size):
            x = to_input(torch.from_numpy(np.ascontiguousarray(pixels[i:i + batch_size])))
            out.append(model(x.contiguous(memory_format=torch.channels_last)).float().numpy())
    return np.concatenate(out)


def onnx_probabilities(model_path: Path, pixels: np.ndarray, batch_size: int = 64) -> tuple[np.ndarray, dict]:
    """The shipped graph's `probabilities` output, and its metadata."""
    import onnxruntime as ort
    import torch
    from .augment import to_input

    session = ort.InferenceSession(str(model_path), providers=["CPUExecutionProvider"])
    meta = session.get_modelmeta().custom_metadata_map
    name = session.get_inputs()[0].name
    output = meta.get("output_name", "probabilities")
    probs = [session.run([output], {name: to_input(torch.from_numpy(np.ascontiguousarray(pixels[i:i + batch_size]))).numpy()})[0]
             for i in range(0, len(pixels), batch_size)]
    return np.concatenate(probs), meta
