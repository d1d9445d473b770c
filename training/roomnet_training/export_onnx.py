"""Export a trained RoomNet to ONNX with self-describing metadata, and check parity with PyTorch.

The graph takes `input` (N, 3, 224, 224) float32 and returns `probabilities` (N, 6).
With --java-reference-dir it also writes generated test images and the scores this pipeline
computes for them, which the Java tests must reproduce (same pre-processing, same model).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import onnx
import torch
from torch import nn

from . import CLASS_NAMES, presets
from .model import RoomNet, parameter_count

OPSET = 17
INPUT_NAME = "input"
OUTPUT_NAME = "probabilities"


class WithSoftmax(nn.Module):
    def __init__(self, model: nn.Module):
        super().__init__()
        self.model = model

    def forward(self, x):
        return torch.softmax(self.model(x), dim=1)


def metadata(extra: dict[str, str] | None = None) -> dict[str, str]:
    props = {
        "model_name": "RoomNet",
        "class_names": json.dumps(list(CLASS_NAMES)),
        "input_name": INPUT_NAME,
        "output_name": OUTPUT_NAME,
        "output_kind": "probabilities",
        "input_size": str(presets.SIZE),
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


def export(model: RoomNet, path: Path, extra_metadata: dict[str, str] | None = None) -> Path:
    model.eval()
    wrapped = WithSoftmax(model).eval()
    dummy = torch.zeros(1, 3, presets.SIZE, presets.SIZE)
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.onnx.export(wrapped, (dummy,), str(path), opset_version=OPSET, input_names=[INPUT_NAME],
                      output_names=[OUTPUT_NAME], dynamic_axes={INPUT_NAME: {0: "batch"}, OUTPUT_NAME: {0: "batch"}},
                      dynamo=False)
    proto = onnx.load(str(path))
    del proto.metadata_props[:]
    for key, value in metadata(extra_metadata).items():
        entry = proto.metadata_props.add()
        entry.key, entry.value = key, value
    proto.producer_name = "roomnet-training"
    onnx.checker.check_model(proto)
    onnx.save(proto, str(path))
    return path


def parity(model: RoomNet, path: Path, batch: torch.Tensor) -> float:
    """Max abs difference of the probabilities, PyTorch vs onnxruntime, on the same batch."""
    import onnxruntime as ort
    model.eval()
    with torch.no_grad():
        expected = torch.softmax(model(batch), dim=1).numpy()
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    actual = session.run([OUTPUT_NAME], {INPUT_NAME: batch.numpy()})[0]
    return float(np.abs(expected - actual).max())


def reference_images(out_dir: Path) -> list[Path]:
    """Deterministic synthetic test pictures of several shapes (crop, upscale and downscale paths), each as
    PNG and as JPEG (decoded here by PIL's libjpeg-turbo; the Java test decodes it on both of its paths)."""
    from PIL import Image
    rng = np.random.default_rng(1234)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, (w, h) in enumerate([(320, 240), (240, 320), (224, 224), (150, 100), (500, 377), (97, 161)]):
        yy, xx = np.mgrid[0:h, 0:w] / max(w, h)
        base = np.stack([np.sin(xx * (3 + i) * np.pi), np.cos(yy * (2 + i) * np.pi), xx * yy], -1)
        noise = rng.normal(0, 0.15, (h, w, 3))
        img = np.clip((base * 0.5 + 0.5 + noise) * 255, 0, 255).astype(np.uint8)
        path = out_dir / f"reference_{i}_{w}x{h}.png"
        Image.fromarray(img).save(path)
        jpeg = path.with_suffix(".jpg")
        Image.fromarray(img).save(jpeg, quality=90)
        paths += [path, jpeg]
    return paths


def write_java_reference(model_path: Path, out_dir: Path) -> Path:
    import onnxruntime as ort
    session = ort.InferenceSession(str(model_path), providers=["CPUExecutionProvider"])
    scores = {}
    for path in reference_images(out_dir):
        x = presets.preprocess_file(path)[None]
        scores[path.name] = session.run([OUTPUT_NAME], {INPUT_NAME: x})[0][0].astype(float).tolist()
    target = out_dir / "reference_scores.json"
    target.write_text(json.dumps({"model_sha256": sha256(model_path), "class_names": list(CLASS_NAMES),
                                  "scores": scores}, indent=1))
    return target


def sha256(path: Path) -> str:
    import hashlib
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--checkpoint", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True, help="the .onnx file to write")
    p.add_argument("--java-reference-dir", type=Path, help="write reference images and scores for the Java tests")
    p.add_argument("--version", default="dev")
    p.add_argument("--trained-on", default="../shared/datasets/roomtypes training split (see model/README.md)")
    args = p.parse_args(argv)

    model = RoomNet()
    model.load_state_dict(torch.load(args.checkpoint, weights_only=False)["model"])
    export(model, args.out, {"model_version": args.version, "trained_on": args.trained_on})
    batch = torch.from_numpy(np.random.default_rng(0).uniform(-1, 1, (8, 3, presets.SIZE, presets.SIZE)).astype(np.float32))
    diff = parity(model, args.out, batch)
    print(json.dumps({"onnx": str(args.out), "bytes": args.out.stat().st_size, "parameters": parameter_count(model),
                      "parity_max_abs_diff": diff}))
    if diff > 1e-4:
        raise SystemExit(f"parity check failed: {diff} > 1e-4")
    if args.java_reference_dir:
        print("reference scores:", write_java_reference(args.out, args.java_reference_dir))


if __name__ == "__main__":
    main()
