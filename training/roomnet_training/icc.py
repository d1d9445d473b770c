"""Small matrix/TRC ICC v2 display profiles made here, so the tests need no third-party profile file:
Adobe RGB (1998) and Display P3 from their published primaries (D65 white, Bradford-adapted to the D50
connection space). org.roomnet.testing.IccProfiles (the Java tests) writes the same bytes."""
from __future__ import annotations

import struct

import numpy as np

D50 = (0.9642, 1.0, 0.8249)
D65_XY = (0.3127, 0.3290)
BRADFORD = np.array([[0.8951, 0.2664, -0.1614], [-0.7502, 1.7135, 0.0367], [0.0389, -0.0685, 1.0296]])


def _xyz_of(x: float, y: float) -> np.ndarray:
    return np.array([x / y, 1.0, (1 - x - y) / y])


def adapted_matrix(primaries) -> np.ndarray:
    """RGB to XYZ (D65) from the primaries, then Bradford to D50."""
    p = np.stack([_xyz_of(*xy) for xy in primaries], axis=1)
    white = _xyz_of(*D65_XY)
    rgb_to_xyz = p * np.linalg.solve(p, white)[None, :]
    scale = np.diag((BRADFORD @ np.array(D50)) / (BRADFORD @ white))
    return np.linalg.inv(BRADFORD) @ scale @ BRADFORD @ rgb_to_xyz


def _s15(v: float) -> bytes:
    return struct.pack(">i", int(round(v * 65536)))


def _xyz(v) -> bytes:
    return b"XYZ " + bytes(4) + b"".join(_s15(c) for c in v)


def _text_description(s: str) -> bytes:
    a = s.encode("ascii") + b"\0"
    return b"desc" + bytes(4) + struct.pack(">I", len(a)) + a + bytes(4 + 4 + 2 + 1 + 67)


def _text(s: str) -> bytes:
    return b"text" + bytes(4) + s.encode("ascii") + b"\0"


def _curve_gamma(u8fixed8: int) -> bytes:
    return b"curv" + bytes(4) + struct.pack(">IH", 1, u8fixed8)


def _curve_srgb() -> bytes:
    params = (2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045)
    return b"para" + bytes(4) + struct.pack(">HH", 3, 0) + b"".join(_s15(v) for v in params)


def _build(description: str, primaries, trc: bytes) -> bytes:
    m = adapted_matrix(primaries)
    tags = [_text_description(description), _text("No copyright, use freely"), _xyz(_xyz_of(*D65_XY)),
            _xyz(m[:, 0]), _xyz(m[:, 1]), _xyz(m[:, 2]), trc]
    names = [b"desc", b"cprt", b"wtpt", b"rXYZ", b"gXYZ", b"bXYZ", b"rTRC", b"gTRC", b"bTRC"]
    tag_of = [0, 1, 2, 3, 4, 5, 6, 6, 6]
    offsets, at = [], 128 + 4 + 12 * len(names)
    for t in tags:
        offsets.append(at)
        at += (len(t) + 3) & ~3
    out = bytearray(at)
    header = struct.pack(">III", at, 0, 0x02100000) + b"mntrRGB XYZ " + struct.pack(">6H", 2026, 1, 1, 0, 0, 0) + b"acsp"
    out[0:len(header)] = header
    out[64:80] = struct.pack(">I", 0) + b"".join(_s15(v) for v in D50)
    table = struct.pack(">I", len(names)) + b"".join(
        n + struct.pack(">II", offsets[tag_of[i]], len(tags[tag_of[i]])) for i, n in enumerate(names))
    out[128:128 + len(table)] = table
    for off, t in zip(offsets, tags):
        out[off:off + len(t)] = t
    return bytes(out)


def adobe_rgb() -> bytes:
    """Adobe RGB (1998): gamma 563/256."""
    return _build("Adobe RGB (1998) compatible, RoomNet test", [(0.64, 0.33), (0.21, 0.71), (0.15, 0.06)],
                  _curve_gamma(0x0233))


def display_p3() -> bytes:
    """Display P3: the sRGB tone curve."""
    return _build("Display P3 compatible, RoomNet test", [(0.680, 0.320), (0.265, 0.690), (0.150, 0.060)],
                  _curve_srgb())
