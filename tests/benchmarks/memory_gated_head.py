"""Decision 0017, point 4 (issue 16's agency target): a head refitted on the memory, used only when it wins on
the memory's own photos. The refitted head (logistic regression on the normalised embedding, the model's
log-probabilities as offset; memory_alternatives.py) lifted harsh copies +3.4 points after 200 photos but cost
0.2-1.4 points in-domain and on grey copies. Here the memory decides for itself: 5-fold cross-validation on the
learned photos compares the head (fitted on 4/5) with the chosen kNN mix (the other 4/5 as memory) on the held-out
fifth; the head is used (under the kNN mix) only when it is right on at least `margin` more of the memory's photos.
A memory of added types only (the new-type case) has nothing for the head: it stays off there by construction.

Simulation on the cached embeddings (v2's network = v3's backbone: the `embedding` output is the same; the
probabilities are v2's six, a stand-in for v3's six rows):
    cd training && PYTHONPATH=. python3 ../tests/benchmarks/memory_embeddings.py --out /tmp/memory-embeddings.npz
    cd training && python3 ../tests/benchmarks/memory_harsh_copies.py   # writes /tmp/harsh.npz
    python3 tests/benchmarks/memory_gated_head.py 0,0.01,0.03 25,50,200,400   # margins, memory sizes
"""
import sys

import numpy as np

sys.path.insert(0, 'tests/benchmarks')
from memory_tuning import combine, norm  # noqa: E402

KNN = (10, 0.05, 0.6, 0.8, 0.9)  # the shipped mix (decision 0017, point 3)


def fit_offset_lr(E, logp, Y, l2=0.05, steps=200, lr=0.05):
    n, D = E.shape
    C = logp.shape[1]
    W = np.zeros((D, C))
    b = np.zeros(C)
    Yo = np.eye(C)[Y]
    for _ in range(steps):
        z = logp + E @ W + b
        z -= z.max(1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(1, keepdims=True)
        g = p - Yo
        W -= lr * (E.T @ g / n + l2 * W)
        b -= lr * g.mean(0)
    return W, b


def head_probs(P, E, W, b):
    z = np.log(np.clip(P, 1e-6, 1)) + E @ W + b
    z -= z.max(1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(1, keepdims=True)


def scaled(E):
    return E * np.sqrt(E.shape[1])


def head_wins(P, E, Y, margin, folds=5, seed=0):
    """Cross-validated on the memory: photos the head gets right minus those the kNN mix gets right."""
    n = len(Y)
    if n < 2 * folds:
        return False, 0
    order = np.random.default_rng(seed).permutation(n)
    diff = 0
    for f in range(folds):
        held = order[f::folds]
        rest = np.setdiff1d(order, held)
        W, b = fit_offset_lr(scaled(E[rest]), np.log(np.clip(P[rest], 1e-6, 1)), Y[rest])
        h = combine(head_probs(P[held], scaled(E[held]), W, b), E[held], E[rest], Y[rest], P.shape[1], *KNN)
        k = combine(P[held], E[held], E[rest], Y[rest], P.shape[1], *KNN)
        diff += int((h.argmax(1) == Y[held]).sum()) - int((k.argmax(1) == Y[held]).sum())
    return diff >= margin * n, diff


def main():
    d = np.load('/tmp/memory-embeddings.npz')
    h = np.load('/tmp/harsh.npz')
    y = d['val_label']
    sets = [('harsh', h['prob'], norm(h['emb'])), ('grey', d['grey_prob'], norm(d['grey_emb'])),
            ('colour', d['val_prob'], norm(d['val_emb']))]
    margins = [float(m) for m in (sys.argv[1] if len(sys.argv) > 1 else '0.02').split(',')]
    sizes = [int(s) for s in (sys.argv[2] if len(sys.argv) > 2 else '50,200').split(',')]
    for name, P, E in sets:
        for n in sizes:
            base, knn, head, gated = [], [], [], {m: [] for m in margins}
            used = {m: 0 for m in margins}
            for sd in range(3):
                perm = np.random.default_rng(sd).permutation(len(y))
                L, T = perm[:n], perm[400:]
                k = combine(P[T], E[T], E[L], y[L], 6, *KNN)
                W, b = fit_offset_lr(scaled(E[L]), np.log(np.clip(P[L], 1e-6, 1)), y[L])
                hk = combine(head_probs(P[T], scaled(E[T]), W, b), E[T], E[L], y[L], 6, *KNN)
                base.append((P[T].argmax(1) == y[T]).mean())
                knn.append((k.argmax(1) == y[T]).mean())
                head.append((hk.argmax(1) == y[T]).mean())
                for m in margins:
                    on, _ = head_wins(P[L], E[L], y[L], m, seed=sd)
                    used[m] += on
                    gated[m].append(head[-1] if on else knn[-1])
            line = (f"{name:6s} n={n:3d}: model {np.mean(base) * 100:.2f}  kNN {np.mean(knn) * 100:.2f}  "
                    f"head+kNN {np.mean(head) * 100:.2f}  ")
            line += "  ".join(f"gated(margin {m}) {np.mean(gated[m]) * 100:.2f} [head on {used[m]}/3]" for m in margins)
            print(line, flush=True)


if __name__ == '__main__':
    main()
