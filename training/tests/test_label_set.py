"""The label set comes from the data: --classes, folder aliases, and the drawn examples."""
import numpy as np
import pytest
from PIL import Image

from roomnet_training import CLASS_NAMES, V3_CLASS_NAMES, data, parse_aliases, parse_classes, synthetic


def _pool(root, layout):
    for source, folders in layout.items():
        for folder, n in folders.items():
            (root / source / folder).mkdir(parents=True)
            for i in range(n):
                Image.new("RGB", (8, 8), (i, 0, 0)).save(root / source / folder / f"{source}_{i}.jpg")
    return root


def test_named_and_listed_label_sets():
    assert parse_classes("six") == CLASS_NAMES
    assert parse_classes("v3") == V3_CLASS_NAMES and V3_CLASS_NAMES[:6] == CLASS_NAMES
    assert parse_classes("Kitchen, Other") == ("Kitchen", "Other")
    with pytest.raises(ValueError):
        parse_classes("Kitchen,kitchen")
    assert parse_aliases(["Hallway=Other"]) == {"Hallway": "Other"}
    with pytest.raises(ValueError):
        parse_aliases(["Hallway"])


def test_six_class_listing_ignores_the_new_folders(tmp_path):
    pool = _pool(tmp_path, {"a": {"Kitchen": 2, "DiningRoom": 3, "Hallway": 1}, "b": {"FloorPlan": 2, "Bedroom": 1}})
    six = data.list_pool(pool)
    assert [(s.source, CLASS_NAMES[s.label]) for s in six] == [("a", "Kitchen")] * 2 + [("b", "Bedroom")]


def test_v3_listing_labels_new_folders_and_maps_hallway_to_other(tmp_path):
    pool = _pool(tmp_path, {"a": {"Kitchen": 2, "DiningRoom": 3, "Hallway": 1, "Garage": 4}, "b": {"FloorPlan": 2}})
    samples = data.list_pool(pool, V3_CLASS_NAMES, {"Hallway": "Other"})
    names = [V3_CLASS_NAMES[s.label] for s in samples]
    assert names.count("DiningRoom") == 3 and names.count("FloorPlan") == 2 and names.count("Other") == 1
    assert names.count("Kitchen") == 2 and len(samples) == 8  # Garage is in no label and has no alias
    assert V3_CLASS_NAMES.index("Kitchen") == 4  # ids 0-5 unchanged
    without_alias = data.list_pool(pool, V3_CLASS_NAMES)
    assert len(without_alias) == 7  # Hallway unlabelled: left out (the "unseen" hold-out)
    with pytest.raises(ValueError):
        data.list_pool(pool, CLASS_NAMES, {"Hallway": "Other"})


def test_drawn_examples_are_deterministic_and_pool_sized(tmp_path):
    for kind in synthetic.KINDS:
        a, b = synthetic.picture(kind, 3), synthetic.picture(kind, 3)
        assert np.array_equal(np.asarray(a), np.asarray(b))
        assert not np.array_equal(np.asarray(a), np.asarray(synthetic.picture(kind, 4)))
        assert min(a.size) <= 224 and np.asarray(a).std() > 5  # not a blank picture
    shared = _pool(tmp_path / "shared", {"houses": {"Kitchen": 1}})
    counts = synthetic.make_pool(tmp_path / "pool", shared, per_kind=2)
    assert counts == {f"generated_{k}": 2 for k in synthetic.KINDS}
    samples = data.list_pool(tmp_path / "pool", V3_CLASS_NAMES)
    names = [V3_CLASS_NAMES[s.label] for s in samples]
    assert names.count("FloorPlan") == 2 and names.count("Other") == 6 and names.count("Kitchen") == 1
