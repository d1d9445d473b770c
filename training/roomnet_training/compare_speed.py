"""Photos per second of two ONNX models on the same batch, side by side in one process (onnxruntime, CPU).

The models take turns, round after round, so a busy machine slows both alike; the median round of each
is reported, and their ratio.

    python3 -m roomnet_training.compare_speed --a ../model/v2/roomnet-v2.onnx --b ../model/roomnet.onnx
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np


def main(argv=None):
    import onnxruntime as ort
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--a", type=Path, required=True)
    p.add_argument("--b", type=Path, required=True)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--rounds", type=int, default=15)
    args = p.parse_args(argv)
    x = np.random.default_rng(0).uniform(-1, 1, (args.batch, 3, 224, 224)).astype(np.float32)
    sessions = {m: ort.InferenceSession(str(m), providers=["CPUExecutionProvider"]) for m in (args.a, args.b)}
    for s in sessions.values():
        s.run(None, {"input": x})  # warm-up
    times = {m: [] for m in sessions}
    for _ in range(args.rounds):
        for m, s in sessions.items():
            started = time.perf_counter()
            s.run(None, {"input": x})  # every output, as the app asks for them
            times[m].append(time.perf_counter() - started)
    rate = {str(m): round(args.batch / float(np.median(t)), 2) for m, t in times.items()}
    result = {"photos_per_s": rate, "b_over_a": round(rate[str(args.b)] / rate[str(args.a)], 4),
              "batch": args.batch, "rounds": args.rounds}
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
