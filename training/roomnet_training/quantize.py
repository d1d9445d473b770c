"""Try int8 versions of an exported model and measure what they cost and gain, beside the fp32 original.

Dynamic quantisation (weights int8, activations quantised on the fly) and static QDQ quantisation
(per-channel weights, activation ranges calibrated on training photos; 8-bit or 7-bit weights) with onnxruntime.quantization.
For each: size, validation accuracy on the exact 224 px pipeline, and onnxruntime CPU photos/s at the
app's batch size, all measured in one run.

    python3 -m roomnet_training.quantize --onnx ../model/roomnet.onnx --out runs/quantize
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from . import data
from .augment import to_input
from .predict import onnx_probabilities, validation_pixels


VARIANTS = ("int8-dynamic", "int8-static-qdq", "int8-static-qdq-7bit")


class _Calibration:
    """Feeds training photos (never validation ones) to the static quantiser."""

    def __init__(self, pixels: np.ndarray, input_name: str, batch: int = 16):
        import torch
        self.batches = iter([{input_name: to_input(torch.from_numpy(np.ascontiguousarray(pixels[i:i + batch]))).numpy()}
                             for i in range(0, len(pixels), batch)])

    def get_next(self):
        return next(self.batches, None)


def photos_per_second(model: Path, pixels: np.ndarray, batch: int = 16, threads: int = 0, repeats: int = 3) -> float:
    import onnxruntime as ort
    import torch
    options = ort.SessionOptions()
    if threads:
        options.intra_op_num_threads = threads
    session = ort.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
    name = session.get_inputs()[0].name
    x = to_input(torch.from_numpy(np.ascontiguousarray(pixels[:batch]))).numpy()
    session.run(None, {name: x})
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for _ in range(4):
            session.run(None, {name: x})
        best = min(best, time.perf_counter() - started)
    return 4 * batch / best


def main(argv=None):
    from onnxruntime.quantization import (CalibrationMethod, QuantFormat, QuantType, quantize_dynamic,
                                          quantize_static)
    from onnxruntime.quantization.shape_inference import quant_pre_process

    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--onnx", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--calibration-photos", type=int, default=256)
    p.add_argument("--variant", action="append", choices=VARIANTS,
                   help="the int8 variants to build (default: all); fp32 is always measured beside them")
    p.add_argument("--pool", type=Path, default=data.DEFAULT_POOL)
    p.add_argument("--cache-dir", type=Path, default=Path(__file__).resolve().parents[1] / "cache")
    args = p.parse_args(argv)
    args.variant = args.variant or list(VARIANTS)
    args.out.mkdir(parents=True, exist_ok=True)

    arrays = data.load_arrays(args.pool, args.cache_dir)
    train_rows = np.flatnonzero(~arrays.is_val)
    picked = np.random.default_rng(0).choice(train_rows, args.calibration_photos, replace=False)
    val_pixels, val_labels, _ = validation_pixels(args.pool, args.cache_dir)

    prepared = args.out / "prepared.onnx"
    quant_pre_process(str(args.onnx), str(prepared))
    variants = {"fp32": args.onnx}
    if "int8-dynamic" in args.variant:
        variants["int8-dynamic"] = args.out / "int8-dynamic.onnx"
        quantize_dynamic(str(prepared), str(variants["int8-dynamic"]), weight_type=QuantType.QInt8)
    for name, reduce_range in (("int8-static-qdq", False), ("int8-static-qdq-7bit", True)):
        if name not in args.variant:
            continue
        variants[name] = args.out / f"{name}.onnx"
        # reduce_range keeps weights to 7 bits: the u8 x s8 products of CPUs without VNNI (AVX2, older
        # AVX-512) then cannot saturate their 16-bit sums, so accuracy does not depend on the agent's CPU.
        quantize_static(str(prepared), str(variants[name]),
                        _Calibration(arrays.pixels[np.sort(picked)], "input"), quant_format=QuantFormat.QDQ,
                        per_channel=True, reduce_range=reduce_range, activation_type=QuantType.QUInt8,
                        weight_type=QuantType.QInt8, calibrate_method=CalibrationMethod.MinMax,
                        nodes_to_exclude=[], extra_options={"ActivationSymmetric": False})

    results = {}
    for name, path in variants.items():
        probs, _ = onnx_probabilities(path, val_pixels)
        results[name] = {"bytes": path.stat().st_size,
                         "val_accuracy": float((probs.argmax(1) == val_labels).mean()),
                         "photos_per_s_batch16": round(photos_per_second(path, val_pixels), 1)}
        print(json.dumps({name: results[name]}), flush=True)
    (args.out / "quantize.json").write_text(json.dumps(results, indent=2))
    return results


if __name__ == "__main__":
    main()
