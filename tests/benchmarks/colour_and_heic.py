"""Issue 17's acceptance checks through the CLI, for one or more jars (e.g. the jar before and after):
grey photos' labels against the training pipeline, a grey export's brightness, Adobe RGB and Display P3
exports against their sRGB originals, HEIC twins of JPEGs. Prints JSON.

    python3 tests/benchmarks/colour_and_heic.py --jar new=target/roomnet.jar [--jar old=/tmp/old/roomnet.jar]

Needs heif-enc (libheif-examples) for the HEIC part; Adobe RGB uses /usr/share/color/icc/ghostscript/a98.icc
where installed (Debian libgs-common), else the profile of training/roomnet_training/icc.py.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageCms

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "training"))
from roomnet_training import cli_agreement, icc  # noqa: E402

POOL = ROOT.parent / "shared/datasets/roomtypes"
MODEL = ROOT / "model/roomnet.onnx"
A98 = Path("/usr/share/color/icc/ghostscript/a98.icc")


def listing_photos(count: int) -> list[Path]:
    files = sorted(p for src in ("houses", "propmix_mls") for p in (POOL / src).rglob("*.jpg"))
    return [files[int(i * len(files) / count)] for i in range(count)]


def prepare(work: Path, grey_count: int, count: int) -> None:
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    profiles = {"adobe": A98.read_bytes() if A98.exists() else icc.adobe_rgb(), "p3": icc.display_p3()}
    for kind in ("grey600", "grey", "adobe", "p3", "heic", "jpeg"):
        (work / kind).mkdir(parents=True)
    for p in listing_photos(grey_count):  # names as cli_agreement expects: source__Class__name
        src, label, name = p.relative_to(POOL).parts
        with Image.open(p) as im:
            im.convert("L").save(work / "grey600" / cli_agreement.SEPARATOR.join((src, label, name)), quality=88)
    for p in listing_photos(count):
        name = p.parent.name + "_" + p.stem
        with Image.open(p) as im:
            rgb = im.convert("RGB")
        rgb.save(work / "jpeg" / (name + ".jpg"), quality=95)
        rgb.convert("L").save(work / "grey" / (name + ".jpg"), quality=95)
        for kind, prof in profiles.items():
            space = ImageCms.ImageCmsProfile(io.BytesIO(prof))
            ImageCms.profileToProfile(rgb, srgb, space, outputMode="RGB").save(
                work / kind / (name + ".jpg"), quality=95, icc_profile=prof)
        if shutil.which("heif-enc"):
            subprocess.run(["heif-enc", "-q", "90", "-o", str(work / "heic" / (name + ".heic")),
                            str(work / "jpeg" / (name + ".jpg"))], check=True, capture_output=True)


def java(jar: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["java", "-Xmx1g", "-jar", jar, *args, "--model", str(MODEL), "--provider", "cpu"],
                          capture_output=True, text=True)


def export(work: Path, tag: str, jar: str, kind: str) -> Path:
    out = work / f"out-{kind}-{tag}"
    java(jar, "export-listing", str(work / kind), "--into", str(out), "--preset", "web", "--names", "{n}-{name}")
    return out


def original_of(work: Path, kind: str, exported: Path) -> Path:
    return work / kind / (exported.stem.split("-", 1)[1] + ".jpg")


def labels(work: Path, tag: str, jar: str, kind: str) -> dict[str, tuple[str, str]]:
    out = work / f"{kind}-{tag}.csv"
    java(jar, "classify", str(work / kind), "--csv", str(out), "--force")
    with open(out, newline="") as f:
        return {Path(r["file"]).stem: (r["label"], r["error"]) for r in csv.DictReader(f)}


def measure(work: Path, tag: str, jar: str) -> dict:
    r = {}
    java(jar, "classify", str(work / "grey600"), "--csv", str(work / f"grey600-{tag}.csv"), "--force")
    agreement = cli_agreement.compare(work / f"grey600-{tag}.csv", work / "grey600", MODEL)
    r["grey_labels_vs_training_pipeline"] = {k: agreement[k] for k in ("photos", "agree", "agreement")}
    change = []
    for e in sorted(export(work, tag, jar, "grey").glob("*.jpg")):
        before = np.asarray(Image.open(original_of(work, "grey", e)).convert("L"), np.float64).mean()
        change.append(np.asarray(Image.open(e).convert("RGB"), np.float64).mean() / before - 1)
    r["grey_export_brightness_change"] = {"photos": len(change), "mean": float(np.mean(change)),
                                          "max_abs": float(np.max(np.abs(change)))} if change else None
    for kind in ("adobe", "p3"):
        diffs = []
        for e in sorted(export(work, tag, jar, kind).glob("*.jpg")):
            original = np.asarray(Image.open(original_of(work, "jpeg", e)).convert("RGB"), np.float64)
            diffs.append(np.abs(np.asarray(Image.open(e).convert("RGB"), np.float64) - original).mean())
        r[f"{kind}_export_levels_off_srgb"] = {"photos": len(diffs), "mean": float(np.mean(diffs)),
                                              "worst_photo": float(np.max(diffs))} if diffs else None
    if any((work / "heic").iterdir()):
        jpeg, heic = labels(work, tag, jar, "jpeg"), labels(work, tag, jar, "heic")
        out = export(work, tag, jar, "heic")
        exported = sorted(out.glob("*.jpg")) if out.exists() else []
        r["heic"] = {"photos": len(heic), "label_of_jpeg_twin": sum(1 for k, v in heic.items() if v[0] and v[0] == jpeg[k][0]),
                     "errors": sorted({v[1] for v in heic.values() if v[1]})[:3], "exported": len(exported),
                     "exported_as_jpeg": all(e.read_bytes()[:2] == b"\xff\xd8" for e in exported)}
    return r


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--jar", action="append", required=True, help="tag=path of a roomnet.jar (repeatable)")
    p.add_argument("--work", type=Path, default=ROOT / "tests/benchmarks/work/colour")
    p.add_argument("--grey-photos", type=int, default=600)
    p.add_argument("--photos", type=int, default=40)
    args = p.parse_args()
    if args.work.exists():
        shutil.rmtree(args.work)
    prepare(args.work, args.grey_photos, args.photos)
    print(json.dumps({tag: measure(args.work, tag, jar) for tag, jar in (j.split("=", 1) for j in args.jar)}, indent=1))


if __name__ == "__main__":
    main()
