"""Decision 0017's figures, through the command line as issue 16's acceptance asks: `learn --labels` into an
empty memory, then `classify --csv`, against `--no-memory`.

    mvn -B -q -Pcpu -DskipTests package
    python3 tests/benchmarks/memory_curve.py --work /tmp/memory-curve     # ~15-25 min on 2 cores

Scenarios (the pool's validation split, as training/roomnet_training/data.py draws it; v2 never trained on it):
- agency "harsh" (--scenarios harsh): grey, 72 px, low-contrast, JPEG-30 copies of the split, learned and
  classified like "grey".
- agency "grey": greyscale copies of the whole split (a grey portal's look). A fixed 400 of them are the photos the
  agent may review; the other 1,288 are classified after learning the first 0, 25, 50, 100, 200, 400 of the 400.
- agency "miniplaces": the split's 673 MiniPlaces photos (128 px web photos, v2's weakest source), 200 to learn
  from, 473 classified, after 0, 25, 50, 100, 200.
- in-domain: 200 colour photos of the split learned, the other 1,488 classified.
- new type: 30 photos of a type the model does not know, labelled with a new name, then the rest of that type
  and the whole colour split classified: r3d_floorplans/FloorPlan as "Street" (the pool has no street photos),
  and places365/Hallway as "Hallway" (noisy: 20-30 % are public halls).
- other kept (--scenarios other_kept): 400 places365 hallways (model v3 learned them as Other) classified with and
  without a memory of 200 in-domain photos: how many stay Other; and harsh copies of them beside a memory of 200
  harsh copies of rooms.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "training"))
from roomnet_training import CLASS_NAMES, data  # noqa: E402


JAR = ROOT / "target" / "roomnet.jar"


def jar(args: list[str], home: Path) -> str:
    cmd = ["java", "-Xmx1g", f"-Droomnet.home={home}", "-jar", str(JAR)] + args
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return done.stderr


def copy_photos(samples, pool: Path, folder: Path, grey: bool = False, harsh: bool = False) -> dict[str, str]:
    """Copies (or grey, or harsh copies) into folder; returns file name -> true label."""
    from PIL import Image, ImageEnhance
    folder.mkdir(parents=True, exist_ok=True)
    truth = {}
    for path, label in samples:
        name = path.replace("/", "__")
        if harsh:  # as memory_harsh_copies.py: grey, shorter side 72 px, contrast 0.6, JPEG quality 30
            with Image.open(pool / path) as im:
                im = im.convert("L")
                w, h = im.size
                s = 72 / min(w, h)
                im = im.resize((max(1, round(w * s)), max(1, round(h * s))), Image.BILINEAR)
                ImageEnhance.Contrast(im).enhance(0.6).save(folder / name, "JPEG", quality=30)
        elif grey:
            with Image.open(pool / path) as im:
                im.convert("L").save(folder / name, quality=90)
        else:
            shutil.copyfile(pool / path, folder / name)
        truth[name] = label
    return truth


def labels_csv(folder: Path, names: list[str], truth: dict[str, str], out: Path) -> Path:
    with out.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["file", "label"])
        for n in names:
            w.writerow([n, truth[n]])
    return out


def classify(folder: Path, home: Path, out: Path, memory: bool = True) -> dict[str, dict]:
    jar(["classify", str(folder), "--csv", str(out), "--force"] + ([] if memory else ["--no-memory"]), home)
    with out.open() as f:
        return {r["file"]: r for r in csv.DictReader(f)}


def accuracy(rows: dict[str, dict], truth: dict[str, str]) -> float:
    return sum(rows[n]["label"] == t for n, t in truth.items()) / len(truth)


def learn_and_classify(work: Path, tag: str, learn_dir: Path, names: list[str], truth_learn: dict[str, str],
                       test_dir: Path) -> dict[str, dict]:
    home = work / "homes" / tag
    shutil.rmtree(home, ignore_errors=True)
    if names:
        jar(["learn", str(learn_dir), "--labels", str(labels_csv(learn_dir, names, truth_learn,
                                                                     work / f"labels-{tag}.csv"))], home)
    return classify(test_dir, home, work / f"out-{tag}.csv")


def curve(work: Path, name: str, learn_dir, learn_truth, order, test_dir, test_truth, sizes, results):
    base = classify(test_dir, work / "homes" / "none", work / f"out-{name}-nomem.csv", memory=False)
    results[f"{name}_no_memory"] = accuracy(base, test_truth)
    for n in sizes:
        t = time.time()
        rows = learn_and_classify(work, f"{name}-{n}", learn_dir, order[:n], learn_truth, test_dir)
        results[f"{name}_{n}"] = accuracy(rows, test_truth)
        results[f"{name}_{n}_by_memory"] = sum(r["source"] == "memory" for r in rows.values())
        print(f"{name}: learned {n:3d} -> accuracy {results[f'{name}_{n}']:.4f} on {len(test_truth)} "
              f"(no memory {results[f'{name}_no_memory']:.4f}); {results[f'{name}_{n}_by_memory']} labelled by the memory "
              f"[{time.time() - t:.0f} s]", flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--pool", type=Path, default=data.DEFAULT_POOL)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--jar", type=Path, help="the roomnet.jar to run (default: target/roomnet.jar; copy it with "
                    "target/lib elsewhere to keep building while this runs)")
    ap.add_argument("--scenarios", default="grey,miniplaces,in_domain,new_types",
                    help="comma-separated: grey, miniplaces, in_domain, new_types, harsh, other_kept")
    ap.add_argument("--sizes", default="0,25,50,100,200,400",
                    help="comma-separated numbers of reviewed photos to learn for the agency curves (e.g. 0,200: "
                    "the acceptance points only); in-domain is always 200")
    a = ap.parse_args()
    sizes = [int(n) for n in a.sizes.split(",")]
    global JAR
    JAR = a.jar or JAR
    work, pool = a.work, a.pool
    work.mkdir(parents=True, exist_ok=True)
    rng = random.Random(a.seed)
    _, val = data.split(data.list_pool(pool))
    val = [(s.path, CLASS_NAMES[s.label]) for s in val]
    results = {"validation_photos": len(val)}

    shuffled = val[:]
    rng.shuffle(shuffled)
    todo = set(a.scenarios.split(","))
    if "harsh" in todo:  # agency 0: harsh copies (v2 ~70 %, like the sealed grey portal)
        harsh_learn = copy_photos(shuffled[:400], pool, work / "harsh-learn", harsh=True)
        harsh_test = copy_photos(shuffled[400:], pool, work / "harsh-test", harsh=True)
        curve(work, "harsh", work / "harsh-learn", harsh_learn, list(harsh_learn), work / "harsh-test", harsh_test,
              sizes, results)
    if "grey" in todo:
        # agency 1: grey copies of the split
        grey_learn = copy_photos(shuffled[:400], pool, work / "grey-learn", grey=True)
        grey_test = copy_photos(shuffled[400:], pool, work / "grey-test", grey=True)
        curve(work, "grey", work / "grey-learn", grey_learn, list(grey_learn), work / "grey-test", grey_test,
              sizes, results)

    if "miniplaces" in todo:
        # agency 2: the split's MiniPlaces photos
        mini = [v for v in shuffled if v[0].startswith("miniplaces/")]
        mini_learn = copy_photos(mini[:200], pool, work / "mini-learn")
        mini_test = copy_photos(mini[200:], pool, work / "mini-test")
        curve(work, "miniplaces", work / "mini-learn", mini_learn, list(mini_learn), work / "mini-test", mini_test,
              [n for n in sizes if n <= 200], results)

    if "in_domain" in todo:
        # in-domain: 200 colour photos learned, the rest classified
        dom_learn = copy_photos(shuffled[:200], pool, work / "dom-learn")
        dom_test = copy_photos(shuffled[200:], pool, work / "dom-test")
        curve(work, "in_domain", work / "dom-learn", dom_learn, list(dom_learn), work / "dom-test", dom_test, [200], results)

    if "new_types" in todo:
        # new types
        all_val = copy_photos(val, pool, work / "val-all")
        results["six_rooms_no_memory"] = accuracy(classify(work / "val-all", work / "homes" / "none",
                                                           work / "out-val-nomem.csv", memory=False), all_val)
        for source_dir, new_name, limit in [("r3d_floorplans/FloorPlan", "Street", 96), ("places365/Hallway", "Hallway", 400)]:
            files = sorted(f"{source_dir}/{p.name}" for p in (pool / source_dir).iterdir())[:limit]
            rng.shuffle(files)
            tag = new_name.lower()
            learn = copy_photos([(f, new_name) for f in files[:30]], pool, work / f"{tag}-learn")
            test = copy_photos([(f, new_name) for f in files[30:]], pool, work / f"{tag}-test")
            rows = learn_and_classify(work, f"{tag}-30", work / f"{tag}-learn", list(learn), learn, work / f"{tag}-test")
            results[f"new_{tag}_recall"] = accuracy(rows, test)
            results[f"new_{tag}_tested"] = len(test)
            six = classify(work / "val-all", work / "homes" / f"{tag}-30", work / f"out-val-{tag}.csv")
            results[f"six_rooms_with_{tag}"] = accuracy(six, all_val)
            results[f"six_rooms_called_{tag}"] = sum(r["label"] == new_name for r in six.values())
            print(f"new type {new_name} ({source_dir}): 30 learned -> {results[f'new_{tag}_recall']:.3f} of {len(test)} "
                  f"others labelled {new_name}; six-room accuracy {results[f'six_rooms_with_{tag}']:.4f} "
                  f"(no memory {results['six_rooms_no_memory']:.4f}), {results[f'six_rooms_called_{tag}']} called {new_name}",
                  flush=True)

    if "other_kept" in todo:
        # photos that should stay Other (v3 learned hallways as Other) beside an in-domain memory of 200 photos:
        # how many the memory takes out of Other (its familiarity rule must not empty Other)
        dom_learn = copy_photos(shuffled[:200], pool, work / "dom-learn")
        files = sorted(f"places365/Hallway/{p.name}" for p in (pool / "places365/Hallway").iterdir())[:400]
        halls = copy_photos([(f, "Other") for f in files], pool, work / "hall-all")
        base = classify(work / "hall-all", work / "homes" / "none", work / "out-hall-nomem.csv", memory=False)
        rows = learn_and_classify(work, "hall-dom-200", work / "dom-learn", list(dom_learn), dom_learn, work / "hall-all")
        results["hallways_other_no_memory"] = accuracy(base, halls)
        results["hallways_other_after_200_in_domain"] = accuracy(rows, halls)
        results["hallways_by_memory"] = sum(r["source"] == "memory" for r in rows.values())
        print(f"hallways labelled Other: {results['hallways_other_no_memory']:.4f} without memory, "
              f"{results['hallways_other_after_200_in_domain']:.4f} after learning 200 in-domain photos "
              f"({results['hallways_by_memory']} labelled by the memory, of {len(halls)})", flush=True)
        # the same with the harsh look: harsh copies of the hallways beside a memory of 200 harsh copies of rooms
        harsh_learn = copy_photos(shuffled[:200], pool, work / "harsh-learn", harsh=True)
        harsh_halls = copy_photos([(f, "Other") for f in files], pool, work / "hall-harsh", harsh=True)
        base = classify(work / "hall-harsh", work / "homes" / "none", work / "out-hall-harsh-nomem.csv", memory=False)
        rows = learn_and_classify(work, "hall-harsh-200", work / "harsh-learn", list(harsh_learn), harsh_learn,
                                  work / "hall-harsh")
        results["harsh_hallways_other_no_memory"] = accuracy(base, harsh_halls)
        results["harsh_hallways_other_after_200_harsh"] = accuracy(rows, harsh_halls)
        results["harsh_hallways_by_memory"] = sum(r["source"] == "memory" for r in rows.values())
        print(f"harsh hallways labelled Other: {results['harsh_hallways_other_no_memory']:.4f} without memory, "
              f"{results['harsh_hallways_other_after_200_harsh']:.4f} after learning 200 harsh rooms "
              f"({results['harsh_hallways_by_memory']} labelled by the memory, of {len(harsh_halls)})", flush=True)

    (work / "results.json").write_text(json.dumps(results, indent=1))
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
