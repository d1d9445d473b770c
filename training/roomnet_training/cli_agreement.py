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

from . import data, parse_aliases, presets

SEPARATOR = "__"


def model_metadata(model: Path) -> dict:
    import onnx
    return {p.key: p.value for p in onnx.load(str(model)).metadata_props}


def copy_validation(pool: Path, to: Path, classes: tuple[str, ...] = data.CLASS_NAMES,
                    aliases: dict[str, str] | None = None) -> int:
    """The validation photos of the model's label set; names keep source, class (after aliases) and file."""
    to.mkdir(parents=True, exist_ok=True)
    _, val = data.split(data.list_pool(pool, classes, aliases))
    for s in val:
        source, _, name = Path(s.path).parts
        shutil.copy2(pool / s.path, to / SEPARATOR.join((source, classes[s.label], name)))
    return len(val)


def python_labels(folder: Path, names: list[str], model: Path, batch: int = 32, unknown_rule: bool = True) -> list[str]:
    """The label the app shows: the top class, or the model's `unknown_label` where its `unknown_score`
    reaches `unknown_label_threshold` (when the metadata has them and unknown_rule is on)."""
    import onnxruntime as ort
    session = ort.InferenceSession(str(model), providers=["CPUExecutionProvider"])
    meta = session.get_modelmeta().custom_metadata_map
    size, output, classes = int(meta["input_size"]), meta["output_name"], json.loads(meta["class_names"])
    relabel = unknown_rule and "unknown_label" in meta
    outputs = [output, meta["unknown_output"]] if relabel else [output]
    labels = []
    for i in range(0, len(names), batch):
        x = np.stack([presets.preprocess_file(folder / n, size) for n in names[i:i + batch]])
        result = session.run(outputs, {meta["input_name"]: x})
        top = [classes[k] for k in result[0].argmax(1)]
        if relabel:
            limit = float(meta["unknown_label_threshold"])
            top = [meta["unknown_label"] if s >= limit else t for t, s in zip(top, result[1][:, 0])]
        labels += top
    return labels


def compare(csv_path: Path, photos: Path, model: Path, unknown_rule: bool = True) -> dict:
    with open(csv_path, newline="") as f:
        rows = list(csv.DictReader(f))
    names = [r["file"] for r in rows]
    java = [r["label"] for r in rows]
    truth = [n.split(SEPARATOR)[1] for n in names]
    python = python_labels(photos, names, model, unknown_rule=unknown_rule)
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
    c.add_argument("--onnx", type=Path, help="copy the photos of this model's label set (default: the six)")
    for q in (c, r):
        q.add_argument("--alias", action="append", default=[], help="FOLDER=CLASS as in training, e.g. Hallway=Other")
    for q in (m, r):
        q.add_argument("--no-unknown-rule", action="store_true",
                       help="compare top classes only (for a Java build that does not apply unknown_label)")
    args = p.parse_args(argv)
    if args.command == "copy":
        classes = tuple(json.loads(model_metadata(args.onnx)["class_names"])) if args.onnx else data.CLASS_NAMES
        print(json.dumps({"copied": copy_validation(args.pool, args.to, classes, parse_aliases(args.alias)),
                          "to": str(args.to)}))
    elif args.command == "compare":
        print(json.dumps(compare(args.csv, args.photos, args.onnx, not args.no_unknown_rule), indent=1))
    else:
        classes = tuple(json.loads(model_metadata(args.onnx)["class_names"]))
        with tempfile.TemporaryDirectory() as tmp:
            photos, csv_path = Path(tmp) / "photos", Path(tmp) / "java.csv"
            copy_validation(args.pool, photos, classes, parse_aliases(args.alias))
            run_java(args.jar, photos, args.onnx.resolve(), csv_path, args.java_option)
            print(json.dumps(compare(csv_path, photos, args.onnx, not args.no_unknown_rule), indent=1))


if __name__ == "__main__":
    main()
