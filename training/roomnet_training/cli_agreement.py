"""Does the Java app label the validation photos as this pipeline does? Measured through the real CLI.

    # all in one (a temporary copy; after `mvn -Pcpu -DskipTests package`):
    python3 -m roomnet_training.cli_agreement run --onnx ../model/roomnet.onnx [--java-option -Droomnet.fastJpeg=false]
    # or step by step, e.g. to time the Java run on its own:
    # 1. copy the held-out photos into one folder (names keep source and class, so the truth is known)
    python3 -m roomnet_training.cli_agreement copy --to /tmp/roomnet-val
    # 2. classify them with the app
    java -jar target/roomnet.jar classify /tmp/roomnet-val --csv /tmp/roomnet-val.csv
    # 3. compare with onnxruntime on the same files, pre-processed here (float pipeline, no uint8 cache)
    python3 -m roomnet_training.cli_agreement compare --csv /tmp/roomnet-val.csv --photos /tmp/roomnet-val \\
        --onnx ../model/roomnet.onnx
"""
from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np

from . import CLASS_NAMES, data, presets

SEPARATOR = "__"


def copy_validation(pool: Path, to: Path) -> int:
    to.mkdir(parents=True, exist_ok=True)
    _, val = data.split(data.list_pool(pool))
    for s in val:
        source, label, name = Path(s.path).parts
        shutil.copy2(pool / s.path, to / SEPARATOR.join((source, label, name)))
    return len(val)


def python_labels(folder: Path, names: list[str], model: Path, batch: int = 32) -> list[str]:
    import onnxruntime as ort
    session = ort.InferenceSession(str(model), providers=["CPUExecutionProvider"])
    meta = session.get_modelmeta().custom_metadata_map
    size, output = int(meta["input_size"]), meta["output_name"]
    labels = []
    for i in range(0, len(names), batch):
        x = np.stack([presets.preprocess_file(folder / n, size) for n in names[i:i + batch]])
        labels += [CLASS_NAMES[k] for k in session.run([output], {meta["input_name"]: x})[0].argmax(1)]
    return labels


def compare(csv_path: Path, photos: Path, model: Path) -> dict:
    with open(csv_path, newline="") as f:
        rows = list(csv.DictReader(f))
    names = [r["file"] for r in rows]
    java = [r["label"] for r in rows]
    truth = [n.split(SEPARATOR)[1] for n in names]
    python = python_labels(photos, names, model)
    differ = [n for n, j, pl in zip(names, java, python) if j != pl]
    return {"photos": len(rows), "agree": len(rows) - len(differ), "agreement": 1 - len(differ) / len(rows),
            "java_correct": sum(j == t for j, t in zip(java, truth)),
            "python_correct": sum(pl == t for pl, t in zip(python, truth)),
            "java_unreadable": sum(not j for j in java), "differing_files": differ[:20]}


def run_java(jar: Path, photos: Path, model: Path, csv_path: Path, java_options: list[str]) -> None:
    subprocess.run(["java", "-Xmx1g", *java_options, "-jar", str(jar), "classify", str(photos), "--csv", str(csv_path),
                    "--model", str(model), "--provider", "cpu"], check=True, stderr=subprocess.DEVNULL)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("copy")
    c.add_argument("--to", type=Path, required=True)
    c.add_argument("--pool", type=Path, default=data.DEFAULT_POOL)
    m = sub.add_parser("compare")
    m.add_argument("--csv", type=Path, required=True, help="the CLI's CSV of the copied folder")
    m.add_argument("--photos", type=Path, required=True, help="the copied folder")
    m.add_argument("--onnx", type=Path, required=True)
    r = sub.add_parser("run")
    r.add_argument("--onnx", type=Path, required=True)
    r.add_argument("--jar", type=Path, default=Path(__file__).resolve().parents[2] / "target" / "roomnet.jar")
    r.add_argument("--java-option", action="append", default=[], help="a JVM option for the Java run")
    r.add_argument("--pool", type=Path, default=data.DEFAULT_POOL)
    args = p.parse_args(argv)
    if args.command == "copy":
        print(json.dumps({"copied": copy_validation(args.pool, args.to), "to": str(args.to)}))
    elif args.command == "compare":
        print(json.dumps(compare(args.csv, args.photos, args.onnx), indent=1))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            photos, csv_path = Path(tmp) / "photos", Path(tmp) / "java.csv"
            copy_validation(args.pool, photos)
            run_java(args.jar, photos, args.onnx.resolve(), csv_path, args.java_option)
            print(json.dumps(compare(csv_path, photos, args.onnx), indent=1))


if __name__ == "__main__":
    main()
