#!/usr/bin/env bash
# Runs the Spark job (docs/batch.md) on this machine in local mode, every core: no Spark install needed.
#   batch/run-local.sh <input folder> <output folder> [job options, e.g. --recursive --overwrite]
# Builds what is missing first (the app's jar into the local Maven repository, then this module), from a clean
# clone too. BATCH_XMX sets the heap (default 2g); JAVA_OPTS adds JVM options; SPARK_MASTER replaces local[*].
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
if [ $# -lt 2 ]; then
  echo "usage: $0 <input folder> <output folder> [options]   ($0 x y --help lists the options)" >&2
  exit 2
fi

app_jar="$root/target/roomnet.jar"
installed="$HOME/.m2/repository/org/roomnet/roomnet-organizer/0.1.0/roomnet-organizer-0.1.0.jar"
if [ ! -f "$app_jar" ] || [ ! -f "$installed" ] || ! cmp -s "$app_jar" "$installed"; then
  echo "building the app (core) into the local Maven repository ..." >&2
  (cd "$root" && mvn -q -B -Pcpu -DskipTests -Dcheckstyle.skip install) >&2
fi
if [ ! -f "$here/target/roomnet-batch.jar" ] || [ ! -d "$here/target/spark-lib" ] \
    || [ -n "$(find "$here/src/main" "$here/pom.xml" "$installed" -newer "$here/target/roomnet-batch.jar" -print -quit)" ]; then
  echo "building batch/ ..." >&2
  (cd "$here" && mvn -q -B -DskipTests -Dcheckstyle.skip package) >&2
fi

# shellcheck disable=SC2086
exec java @"$here/java17.args" -Xmx${BATCH_XMX:-2g} ${JAVA_OPTS:-} -Djava.awt.headless=true \
  -Dlog4j.configurationFile="$here/local/log4j2.properties" -Dspark.ui.enabled=false \
  -Dspark.master="${SPARK_MASTER:-local[*]}" -Droomnet.model="$root/model/roomnet.onnx" \
  -cp "$here/target/roomnet-batch.jar:$here/target/lib/*:$here/target/spark-lib/*" \
  org.roomnet.batch.BatchJob "$@"
