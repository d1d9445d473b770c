#!/usr/bin/env bash
# Build the Linux app-image and .deb for RoomNet Organizer with the JDK's jpackage.
#
# Run from the repository root, after:   mvn -B -DskipTests package
# (which produces target/roomnet.jar + target/lib/*.jar), with model/roomnet.onnx present.
#
# Usage:  installer/build-linux.sh [app-image|deb|all]      (default: all)
#
# Environment (all optional):
#   ROOMNET_VERSION     package version (default 0.1.0; must start with a digit)
#   ROOMNET_MODEL       ONNX model to ship (default model/roomnet.onnx)
#   ROOMNET_MAINTAINER  Debian maintainer e-mail for the .deb (jpackage default otherwise)
#   JPACKAGE            jpackage binary (default: $JAVA_HOME/bin/jpackage, else from PATH)
#
# Output: target/installer/RoomNet Organizer/          (app-image)
#         target/installer/roomnet-organizer_<version>-1_<arch>.deb
#
# The package ships ONNX Runtime's natives for this machine's platform only (the jar holds them for every
# platform), and its menu entry is best-effort (installer/linux/postinst, prerm): a machine without a
# desktop menu system still installs it.
set -euo pipefail

APP_NAME="RoomNet Organizer"
PKG_NAME="roomnet-organizer"
VENDOR="RoomNet"
DESCRIPTION="Sorts property photos into room types (Backyard, Bathroom, Bedroom, Frontyard, Kitchen, LivingRoom)"
MAIN_JAR="roomnet.jar"
MAIN_CLASS="org.roomnet.Launcher"
VERSION="${ROOMNET_VERSION:-0.1.0}"
MODEL="${ROOMNET_MODEL:-model/roomnet.onnx}"
ICON="icons/roomnet-512.png"
RESOURCES="installer/linux"     # jpackage --resource-dir: our postinst and prerm replace its defaults

TARGET="target"
STAGING="$TARGET/jpackage-input"
DEST="$TARGET/installer"

WHAT="${1:-all}"
case "$WHAT" in
  app-image|deb|all) ;;
  -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
  *) echo "usage: $0 [app-image|deb|all]" >&2; exit 2 ;;
esac

die() { echo "error: $*" >&2; exit 1; }

# --- tools ------------------------------------------------------------------
if [[ -n "${JPACKAGE:-}" ]]; then
  :
elif [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/jpackage" ]]; then
  JPACKAGE="$JAVA_HOME/bin/jpackage"
elif command -v jpackage >/dev/null 2>&1; then
  JPACKAGE="$(command -v jpackage)"
else
  die "jpackage not found. It ships with full JDKs 14+ (use JDK 17+, e.g. Debian/Ubuntu: apt-get install openjdk-17-jdk); set JAVA_HOME or JPACKAGE."
fi
[[ -x "$JPACKAGE" ]] || die "JPACKAGE=$JPACKAGE is not executable"

command -v zip >/dev/null 2>&1 && command -v unzip >/dev/null 2>&1 \
  || die "staging needs zip and unzip (to keep only this platform's ONNX Runtime natives): sudo apt-get install -y zip unzip"

if [[ "$WHAT" != "app-image" ]]; then
  missing=()
  command -v fakeroot  >/dev/null 2>&1 || missing+=(fakeroot)
  command -v dpkg-deb  >/dev/null 2>&1 || missing+=(dpkg-deb)
  if (( ${#missing[@]} )); then
    die "building the .deb needs: ${missing[*]}. Install them with: sudo apt-get install -y fakeroot dpkg   (or run '$0 app-image' to build only the app-image)"
  fi
fi

# --- inputs -----------------------------------------------------------------
[[ -f pom.xml && -d icons ]] || die "run this from the repository root (where pom.xml is)"
[[ -f "$TARGET/$MAIN_JAR" ]] || die "$TARGET/$MAIN_JAR not found; build it first: mvn -B -DskipTests package"
compgen -G "$TARGET/lib/*.jar" >/dev/null || die "$TARGET/lib/*.jar not found; build it first: mvn -B -DskipTests package"
[[ -f "$MODEL" ]] || die "model $MODEL not found (train/export it, or set ROOMNET_MODEL=/path/to/roomnet.onnx)"
[[ -f "$ICON" ]] || die "icon $ICON not found (regenerate with icons/render.sh)"
[[ -f "$RESOURCES/postinst" && -f "$RESOURCES/prerm" ]] || die "$RESOURCES/postinst and prerm not found"
[[ "$VERSION" =~ ^[0-9] ]] || die "version '$VERSION' must start with a digit (e.g. 0.1.0)"

# --- staging: everything here ends up in <app>/lib/app ($APPDIR) --------------
echo "==> staging $STAGING"
rm -rf "$STAGING"
mkdir -p "$STAGING/lib" "$DEST"
cp "$TARGET/$MAIN_JAR" "$STAGING/"
cp "$TARGET"/lib/*.jar "$STAGING/lib/"
cp "$MODEL" "$STAGING/roomnet.onnx"

# ONNX Runtime's jar carries its natives for every platform (linux-x64, linux-aarch64, osx-aarch64 with debug
# symbols, win-x64): about half of the package. It loads ai/onnxruntime/native/<os-arch>/ only, so the others go.
case "$(uname -m)" in
  x86_64|amd64)  ORT_PLATFORM=linux-x64 ;;
  aarch64|arm64) ORT_PLATFORM=linux-aarch64 ;;
  *) die "no ONNX Runtime natives for $(uname -m)" ;;
esac
for jar in "$STAGING"/lib/onnxruntime*.jar; do
  [[ -e "$jar" ]] || die "no ONNX Runtime jar in $TARGET/lib"
  platforms=$(unzip -Z1 "$jar" 'ai/onnxruntime/native/*' | cut -d/ -f4 | sort -u | sed '/^$/d')
  grep -qx "$ORT_PLATFORM" <<<"$platforms" || die "$(basename "$jar") has no natives for $ORT_PLATFORM"
  before=$(stat -c %s "$jar")
  for platform in $platforms; do
    [[ "$platform" == "$ORT_PLATFORM" ]] || zip -q -d "$jar" "ai/onnxruntime/native/$platform/*"
  done
  echo "    $(basename "$jar"): natives for $ORT_PLATFORM only, $((before / 1000000)) MB -> $(( $(stat -c %s "$jar") / 1000000 )) MB"
done

# Options shared by both package types. The single quotes keep $APPDIR literal:
# the jpackage launcher expands it at run time to <install dir>/lib/app.
common=(
  --name "$APP_NAME"
  --app-version "$VERSION"
  --vendor "$VENDOR"
  --description "$DESCRIPTION"
  --icon "$ICON"
  --dest "$DEST"
)

build_app_image() {
  local image="$DEST/$APP_NAME"
  echo "==> app-image -> $image"
  rm -rf "$image"   # jpackage refuses to overwrite an existing app-image
  # shellcheck disable=SC2016  # '$APPDIR' must stay literal: the launcher expands it
  "$JPACKAGE" --type app-image "${common[@]}" \
    --input "$STAGING" \
    --main-jar "$MAIN_JAR" \
    --main-class "$MAIN_CLASS" \
    --java-options -Xmx2g \
    --java-options '-Droomnet.model=$APPDIR/roomnet.onnx'
  echo "    run it with: \"$image/bin/$APP_NAME\""
}

build_deb() {
  echo "==> deb -> $DEST"
  rm -f "$DEST/${PKG_NAME}_"*.deb
  local extra=()
  [[ -n "${ROOMNET_MAINTAINER:-}" ]] && extra+=(--linux-deb-maintainer "$ROOMNET_MAINTAINER")
  # Package the app-image built above, so the .deb contains exactly that image.
  "$JPACKAGE" --type deb "${common[@]}" \
    --app-image "$DEST/$APP_NAME" \
    --linux-package-name "$PKG_NAME" \
    --linux-shortcut \
    --linux-menu-group Graphics \
    --resource-dir "$RESOURCES" \
    ${extra[@]+"${extra[@]}"}
  ls -l "$DEST"/"${PKG_NAME}"_*.deb
}

case "$WHAT" in
  app-image) build_app_image ;;
  deb|all)   build_app_image; build_deb ;;   # the .deb always wraps a fresh app-image
esac
echo "==> done: $DEST"
