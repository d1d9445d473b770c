"""Export a trained network to ONNX with self-describing metadata, and check parity with PyTorch.

The graph takes `input` (N, 3, S, S) float32 and returns `probabilities` (N, 6): softmax(logits / T), with
the temperature T of calibrate.py baked in; EfficientNet models also return `embedding` (N, 1280), the
pooled backbone features. The metadata says what the Java app needs to pre-process (size, crop, scaling),
the class names, the temperature and the needs-review rule fitted with it.
With --java-reference-dir it also writes the scores this pipeline computes for generated reference pictures;
the Java tests draw the same pictures and must reproduce the scores (same pre-processing, same model).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import onnx
import torch
from torch import nn

from . import CLASS_NAMES, architectures, presets
from .model import parameter_count

OPSET = 17
INPUT_NAME = "input"
OUTPUT_NAME = "probabilities"
EMBEDDING_NAME = "embedding"


class Deployed(nn.Module):
    """What ships: calibrated probabilities, and the embedding where the network has one."""

    def __init__(self, model: nn.Module, temperature: float = 1.0):
        super().__init__()
        self.model = model
        self.with_embedding = architectures.has_embedding(model)
        self.register_buffer("inverse_temperature", torch.tensor(1.0 / temperature))

    def forward(self, x):
        if self.with_embedding:
            logits, embedding = self.model.forward_with_embedding(x)
            return torch.softmax(logits * self.inverse_temperature, dim=1), embedding
        return torch.softmax(self.model(x) * self.inverse_temperature, dim=1)

    def output_names(self) -> list[str]:
        return [OUTPUT_NAME, EMBEDDING_NAME] if self.with_embedding else [OUTPUT_NAME]


def metadata(extra: dict[str, str] | None = None, size: int = presets.SIZE,
             classes: tuple[str, ...] = CLASS_NAMES) -> dict[str, str]:
    props = {
        "model_name": "RoomNet",
        "class_names": json.dumps(list(classes)),
        "input_name": INPUT_NAME,
        "output_name": OUTPUT_NAME,
        "output_kind": "probabilities",
        "input_size": str(size),
        "input_layout": "NCHW",
        "channel_order": "RGB",
        "normalization": presets.NORMALIZATION,
        "pixel_scale": repr(2.0 / 255.0),
        "pixel_offset": "-1.0",
        "crop_rule": presets.CROP_RULE,
        "resize_filter": "triangle-antialiased",
        "exif_orientation": "applied",
    }
    props.update(extra or {})
    return props


def export(model: nn.Module, path: Path, extra_metadata: dict[str, str] | None = None, size: int = presets.SIZE,
           temperature: float = 1.0, classes: tuple[str, ...] = CLASS_NAMES) -> Path:
    wrapped = Deployed(model.eval(), temperature).eval()
    dummy = torch.zeros(1, 3, size, size)
    path.parent.mkdir(parents=True, exist_ok=True)
    names = wrapped.output_names()
    torch.onnx.export(wrapped, (dummy,), str(path), opset_version=OPSET, input_names=[INPUT_NAME],
                      output_names=names, dynamic_axes={n: {0: "batch"} for n in [INPUT_NAME, *names]},
                      dynamo=False)
    proto = onnx.load(str(path))
    del proto.metadata_props[:]
    extra = {"temperature": repr(float(temperature)), **(extra_metadata or {})}
    if wrapped.with_embedding:
        extra["embedding_name"] = EMBEDDING_NAME
        extra["embedding_output"] = EMBEDDING_NAME
    for key, value in metadata(extra, size, classes).items():
        entry = proto.metadata_props.add()
        entry.key, entry.value = key, value
    proto.producer_name = "roomnet-training"
    onnx.checker.check_model(proto)
    onnx.save(proto, str(path))
    return path


def parity(model: nn.Module, path: Path, batch: torch.Tensor, temperature: float = 1.0) -> dict[str, float]:
    """Max abs difference of every output, PyTorch vs onnxruntime, on the same batch."""
    import onnxruntime as ort
    wrapped = Deployed(model.eval(), temperature).eval()
    with torch.no_grad():
        expected = wrapped(batch)
    expected = [t.numpy() for t in (expected if isinstance(expected, tuple) else (expected,))]
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    actual = session.run(wrapped.output_names(), {INPUT_NAME: batch.numpy()})
    return {name: float(np.abs(e - a).max()) for name, e, a in zip(wrapped.output_names(), expected, actual)}


REFERENCE_SIZES = [(320, 240), (240, 320), (224, 224), (150, 100), (500, 377), (97, 161)]


def reference_pixels(index: int, width: int, height: int) -> np.ndarray:
    """Synthetic test picture `index` as (height, width, 3) uint8, from integer arithmetic only, so that the
    Java tests draw the same pixels (org.roomnet.testing.ReferencePictures) instead of committing files:
    triangle waves plus hash noise (crop, upscale and downscale paths, and JPEG artefacts, get exercised)."""
    y, x = np.mgrid[0:height, 0:width].astype(np.int64)

    def triangle(v, cycles, period):
        t = (v * (index + cycles) * 510 // period) % 510
        return np.where(t < 256, t, 509 - t)

    base = np.stack([triangle(x, 2, width), triangle(y, 3, height), x * y * 255 // (width * height)], -1)
    channel = np.arange(3, dtype=np.int64)[None, None, :]
    h = ((x[..., None] * 73856093) ^ (y[..., None] * 19349663) ^ ((channel + 1) * 83492791)
         ^ ((index + 1) * 2654435761)) & 0xFFFFFFFF
    h ^= h >> 13
    h = (h * 0x5BD1E995) & 0xFFFFFFFF
    h ^= h >> 15
    return np.clip(base + (h % 61) - 30, 0, 255).astype(np.uint8)


def reference_images(out_dir: Path) -> list[Path]:
    """Each reference picture as PNG and as JPEG quality 90 (libjpeg-turbo through PIL; ImageIO's encoder at
    quality 0.9 gives the same decoded pixels, which is what lets the Java tests write their own copies); and
    as JPEGs that exercise the conversion to sRGB: its red channel as a grey JPEG ("_grey"), and its numbers
    tagged as Adobe RGB ("_adobe") and as Display P3 ("_p3") with the profiles of icc.py; and as PNGs (lossless,
    so both sides read the same numbers): its numbers tagged the same ("_adobe.png", "_p3.png", iCCP), and a 16-bit
    grey picture whose high byte is the red channel and low byte the green ("_grey16.png")."""
    from PIL import Image
    from . import icc
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, (w, h) in enumerate(REFERENCE_SIZES):
        pixels = reference_pixels(i, w, h)
        img = Image.fromarray(pixels)
        path = out_dir / f"reference_{i}_{w}x{h}.png"
        img.save(path)
        jpeg = path.with_suffix(".jpg")
        img.save(jpeg, quality=90)
        paths += [path, jpeg]
        grey = out_dir / f"reference_{i}_{w}x{h}_grey.jpg"
        Image.fromarray(pixels[..., 0]).save(grey, quality=90)
        paths.append(grey)
        for name, profile in (("adobe", icc.adobe_rgb()), ("p3", icc.display_p3())):
            tagged = out_dir / f"reference_{i}_{w}x{h}_{name}.jpg"
            img.save(tagged, quality=90, icc_profile=profile)
            tagged_png = tagged.with_suffix(".png")
            img.save(tagged_png, icc_profile=profile)
            paths += [tagged, tagged_png]
        grey16 = out_dir / f"reference_{i}_{w}x{h}_grey16.png"
        Image.fromarray(pixels[..., 0].astype(np.uint16) << 8 | pixels[..., 1]).save(grey16)
        paths.append(grey16)
    return paths


def write_java_reference(model_path: Path, out_dir: Path, size: int = presets.SIZE) -> Path:
    """reference_scores.json in out_dir: this pipeline's scores for every reference picture (the pictures
    themselves are drawn again by the Java tests, not stored)."""
    import tempfile
    import onnxruntime as ort
    session = ort.InferenceSession(str(model_path), providers=["CPUExecutionProvider"])
    scores = {}
    with tempfile.TemporaryDirectory() as pictures:
        for path in reference_images(Path(pictures)):
            x = presets.preprocess_file(path, size)[None]
            scores[path.name] = session.run([OUTPUT_NAME], {INPUT_NAME: x})[0][0].astype(float).tolist()
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "reference_scores.json"
    classes = json.loads(session.get_modelmeta().custom_metadata_map["class_names"])
    target.write_text(json.dumps({"model_sha256": sha256(model_path), "class_names": classes,
                                  "scores": scores}, indent=1))
    return target


def sha256(path: Path) -> str:
    import hashlib
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--checkpoint", type=Path, required=True, help="raw.pt / ema.pt / checkpoint.pt of train.py")
    p.add_argument("--out", type=Path, required=True, help="the .onnx file to write")
    p.add_argument("--calibration", type=Path, help="calibration.json of calibrate.py: temperature and review rule")
    p.add_argument("--java-reference-dir", type=Path, help="write reference images and scores for the Java tests")
    p.add_argument("--version", default="dev")
    p.add_argument("--trained-on", default="../shared/datasets/roomtypes training split (see model/README.md)")
    args = p.parse_args(argv)

    state = torch.load(args.checkpoint, weights_only=False, map_location="cpu")
    arch = state.get("arch", "roomnet")
    model = architectures.from_checkpoint(state)
    size = architectures.input_size(arch)
    extra = {"model_version": args.version, "trained_on": args.trained_on, "architecture": arch}
    temperature = 1.0
    if args.calibration:
        calibration = json.loads(args.calibration.read_text())
        temperature = calibration["temperature"]
        rule = calibration["review_rule"]
        extra.update({"review_min_confidence": repr(rule["min_confidence"]),
                      "review_min_margin": repr(rule["min_margin"])})
    export(model, args.out, extra, size, temperature, architectures.class_names(state))
    batch = torch.from_numpy(np.random.default_rng(0).uniform(-1, 1, (8, 3, size, size)).astype(np.float32))
    diffs = parity(model, args.out, batch, temperature)
    print(json.dumps({"onnx": str(args.out), "bytes": args.out.stat().st_size, "parameters": parameter_count(model),
                      "architecture": arch, "temperature": temperature, "parity_max_abs_diff": diffs}))
    if max(diffs.values()) > 1e-4:
        raise SystemExit(f"parity check failed: {diffs} > 1e-4")
    if args.java_reference_dir:
        print("reference scores:", write_java_reference(args.out, args.java_reference_dir, size))


if __name__ == "__main__":
    main()
