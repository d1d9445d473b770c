"""Decision 0017's comparison on the harsh copies (memory_harsh_copies.py) and the split (memory_embeddings.py):
the kNN mix at several ramps, and a head refitted on the memory (logistic regression on the embedding with the
model's log-probabilities as offset). Learn N of the first 400 of a random order, test on the rest.

    python3 tests/benchmarks/memory_alternatives.py
"""
import sys

import numpy as np

sys.path.insert(0, 'tests/benchmarks')
from memory_tuning import combine, norm  # noqa: E402

d = np.load('/tmp/memory-embeddings.npz')
h = np.load('/tmp/harsh.npz')
y = d['val_label']
hp, he = h['prob'], norm(h['emb'])
for params in [(10, 0.05, 0.6, 0.8, 0.9), (10, 0.05, 0.55, 0.8, 0.9), (10, 0.05, 0.5, 0.7, 0.9), (10, 0.05, 0.5, 0.8, 1.0),
               (10, 0.05, 0.4, 0.6, 0.9), (10, 0.05, 0.0, 0.01, 0.5)]:
    out = []
    for n in [25, 50, 100, 200, 400]:
        acc, base = [], []
        for sd in range(3):
            perm = np.random.default_rng(sd).permutation(len(y))
            L, T = perm[:n], perm[400:]
            acc.append((combine(hp[T], he[T], he[L], y[L], 6, *params).argmax(1) == y[T]).mean())
            base.append((hp[T].argmax(1) == y[T]).mean())
        out.append(f"{n}:{np.mean(base)*100:.1f}->{np.mean(acc)*100:.1f}")
    print('harsh kNN', params, ' '.join(out))


def fit_offset_lr(E, logp, Y, l2=1e-2, steps=300, lr=0.5):
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


for name, P, E in [('harsh', h['prob'], norm(h['emb'])), ('grey', d['grey_prob'], norm(d['grey_emb'])),
                   ('colour', d['val_prob'], norm(d['val_emb']))]:
    E = E * np.sqrt(E.shape[1])
    logp = np.log(np.clip(P, 1e-6, 1))
    out = []
    for n in [25, 50, 100, 200, 400]:
        acc, base = [], []
        for sd in range(2):
            perm = np.random.default_rng(sd).permutation(len(y))
            L, T = perm[:n], perm[400:]
            W, b = fit_offset_lr(E[L], logp[L], y[L], l2=0.05, steps=200, lr=0.05)
            acc.append(((logp[T] + E[T] @ W + b).argmax(1) == y[T]).mean())
            base.append((P[T].argmax(1) == y[T]).mean())
        out.append(f"{n}:{np.mean(base)*100:.1f}->{np.mean(acc)*100:.1f}")
    print('refitted head', name, ' '.join(out), flush=True)
