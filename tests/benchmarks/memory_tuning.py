"""How decision 0017 chose the memory's k, vote temperature, similarity ramp and weight: simulated on v2's
embeddings of the validation split (memory_embeddings.py), with the same formula as MemoryBlend.java.

    cd training && PYTHONPATH=. python3 ../tests/benchmarks/memory_embeddings.py --out /tmp/memory-embeddings.npz
    python3 tests/benchmarks/memory_tuning.py /tmp/memory-embeddings.npz

Prints, per setting, the change in accuracy (points) for grey copies after learning N of them, for MiniPlaces
photos after 50/200, in-domain after 200, and for a new type (30 floor plans): the share of the other floor plans
labelled with it and the change in six-room accuracy. Averages over 3 random draws.
"""
from __future__ import annotations

import sys

import numpy as np


def norm(e):
    return e / np.linalg.norm(e, axis=1, keepdims=True)


def combine(P, E, memE, memY, nlab, k, tau, lo, hi, amax):
    n = len(P)
    mixed = np.zeros((n, nlab))
    mixed[:, :P.shape[1]] = P
    if len(memE) == 0:
        return mixed
    S = E @ memE.T
    kk = min(k, S.shape[1])
    idx = np.argpartition(-S, kk - 1, axis=1)[:, :kk]
    s = np.take_along_axis(S, idx, 1)
    w = np.exp((s - s.max(1, keepdims=True)) / tau)
    vote = np.zeros((n, nlab))
    for j in range(kk):
        np.add.at(vote, (np.arange(n), memY[idx[:, j]]), w[:, j])
    vote /= vote.sum(1, keepdims=True)
    a = amax * np.clip((s.max(1) - lo) / (hi - lo), 0, 1)[:, None]
    return (1 - a) * mixed + a * vote


def scenarios(d, params, seeds=3):
    vp, ve, gp, ge, y = d["val_prob"], norm(d["val_emb"]), d["grey_prob"], norm(d["grey_emb"]), d["val_label"]
    fp, fe = d["floorplan_prob"], norm(d["floorplan_emb"])
    src = d["val_source"]
    res = {}

    def gain(P, E, labels, pool, n):
        acc, base = [], []
        for sd in range(seeds):
            perm = np.random.default_rng(sd).permutation(pool)
            L, T = perm[:n], perm[n:]
            acc.append((combine(P[T], E[T], E[L], labels[L], 6, *params).argmax(1) == labels[T]).mean())
            base.append((P[T].argmax(1) == labels[T]).mean())
        return (np.mean(acc) - np.mean(base)) * 100

    for n in [25, 50, 100, 200, 400]:
        res[f"grey{n}"] = gain(gp, ge, y, np.arange(len(y)), n)
    for n in [50, 200]:
        res[f"mini{n}"] = gain(vp, ve, y, np.where(src == "miniplaces")[0], n)
    res["indomain200"] = gain(vp, ve, y, np.arange(len(y)), 200)
    rec, drop = [], []
    for sd in range(seeds):
        perm = np.random.default_rng(sd).permutation(len(fe))
        L, T = perm[:30], perm[30:]
        rec.append((combine(fp[T], fe[T], fe[L], np.full(30, 6), 7, *params).argmax(1) == 6).mean())
        drop.append(((combine(vp, ve, fe[L], np.full(30, 6), 7, *params).argmax(1) == y).mean()
                     - (vp.argmax(1) == y).mean()) * 100)
    res["new_type_recall"] = np.mean(rec) * 100
    res["new_type_six_room_change"] = np.mean(drop)
    return res


def main():
    d = np.load(sys.argv[1])
    grid = [(k, tau, lo, hi, amax) for k in [5, 10] for tau in [0.05] for lo, hi in
            [(0.5, 0.6), (0.5, 0.7), (0.55, 0.7), (0.55, 0.8), (0.6, 0.8), (0.5, 0.8)] for amax in [0.6, 0.8, 0.9, 1.0]]
    for params in grid:
        r = scenarios(d, params)
        print("k=%d tau=%.2f ramp=%.2f..%.2f w_max=%.2f  " % params
              + " ".join(f"{k}={v:+.2f}" if "recall" not in k else f"{k}={v:.1f}" for k, v in r.items()), flush=True)


if __name__ == "__main__":
    main()
