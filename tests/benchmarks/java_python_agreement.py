"""Java/Python label agreement on the validation split: Python labels every validation photo with
presets.preprocess_file + ONNX Runtime; the Java CLI (`classify`, whichever decoder it uses) labels a flat
copy of the same photos; prints how many labels agree and how many are right on each side.

Usage (from the repository root, after `mvn -Pcpu -DskipTests package`):
    python3 tests/benchmarks/java_python_agreement.py [--model model/roomnet.onnx] [--java-option -D...]
"""
from __future__ import annotations

import argparse
import csv
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "training"))

from roomnet_training import CLASS_NAMES, data, presets  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--model", type=Path, default=ROOT / "model" / "roomnet.onnx")
    p.add_argument("--pool", type=Path, default=data.DEFAULT_POOL)
    p.add_argument("--java-option", action="append", default=[], help="JVM option for the Java run")
    args = p.parse_args()

    import onnxruntime as ort
    _, val = data.split(data.list_pool(args.pool))
    session = ort.InferenceSession(str(args.model), providers=["CPUExecutionProvider"])
    with tempfile.TemporaryDirectory() as tmp:
        shoot = Path(tmp) / "shoot"
        shoot.mkdir()
        names, truth, python_labels = [], [], []
        for i, s in enumerate(val):
            name = f"{i:05d}{Path(s.path).suffix.lower()}"
            shutil.copyfile(args.pool / s.path, shoot / name)
            x = presets.preprocess_file(args.pool / s.path)[None]
            scores = session.run(["probabilities"], {"input": x})[0][0]
            names.append(name)
            truth.append(CLASS_NAMES[s.label])
            python_labels.append(CLASS_NAMES[int(np.argmax(scores))])
        out = Path(tmp) / "java.csv"
        subprocess.run(["java", "-Xmx1g", *args.java_option, "-jar", str(ROOT / "target" / "roomnet.jar"), "classify",
                        str(shoot), "--csv", str(out), "--model", str(args.model), "--provider", "cpu"], check=True,
                       stderr=subprocess.DEVNULL)
        with out.open() as f:
            java = {row["file"]: row["label"] for row in csv.DictReader(f)}
    java_labels = [java.get(n, "") for n in names]
    agree = sum(a == b for a, b in zip(python_labels, java_labels))
    print(f"{len(names)} validation photos: Java and Python agree on {agree} ({100 * agree / len(names):.2f} %); "
          f"right: Java {sum(a == t for a, t in zip(java_labels, truth))}, "
          f"Python {sum(a == t for a, t in zip(python_labels, truth))}")


if __name__ == "__main__":
    main()
