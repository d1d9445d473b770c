"""RoomNet training pipeline: network, data, training, evaluation and ONNX export."""

CLASS_NAMES = ("Backyard", "Bathroom", "Bedroom", "Frontyard", "Kitchen", "LivingRoom")
# Model v3: the six (ids 0-5 unchanged), then the labels for what is none of them.
V3_CLASS_NAMES = CLASS_NAMES + ("DiningRoom", "FloorPlan", "Other")
CLASS_SETS = {"six": CLASS_NAMES, "v3": V3_CLASS_NAMES}


def parse_classes(spec: str) -> tuple[str, ...]:
    """A named label set ("six", "v3") or a comma-separated list of class names, ids in that order."""
    names = CLASS_SETS.get(spec) or tuple(n.strip() for n in spec.split(",") if n.strip())
    if not names or len(set(n.lower() for n in names)) != len(names):
        raise ValueError(f"--classes needs distinct class names, got {spec!r}")
    return tuple(names)


def parse_aliases(specs: list[str]) -> dict[str, str]:
    """FOLDER=CLASS pairs: photos in a pool folder FOLDER are labelled CLASS (e.g. Hallway=Other)."""
    aliases = {}
    for spec in specs:
        folder, sep, name = spec.partition("=")
        if not sep or not folder or not name:
            raise ValueError(f"--alias needs FOLDER=CLASS, got {spec!r}")
        aliases[folder] = name
    return aliases
