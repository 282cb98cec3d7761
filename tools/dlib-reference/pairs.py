#!/usr/bin/env python3
"""Scores embedding files on lfw-dev: the 10-fold pairs protocol and, less noisy, every same-person pair against
every different-person pair of the images (EER, TAR at FAR 1e-3, d').

Usage: pairs.py PAIRS EMBEDDINGS...
EMBEDDINGS: one image per line, the path relative to lfw-dev/images first and the 128 comma-separated floats last
(TAB-separated): the output of reference.cpp, or of `face embed` with the root stripped from the paths.
"""
import sys
import numpy as np


def load(path):
    out = {}
    for line in open(path):
        cols = line.rstrip('\n').split('\t')
        if cols[-1] == 'NOFACE':
            continue
        v = np.array([float(x) for x in cols[-1].split(',')])
        out[cols[0]] = v / np.linalg.norm(v)
    return out


def ten_fold(emb, pairs):
    s = np.array([emb[a] @ emb[b] if a in emb and b in emb else -1 for a, b, _ in pairs])
    y = np.array([label == '1' for *_, label in pairs])
    n = len(pairs) // 10
    accs = []
    for k in range(10):
        test = np.zeros(len(pairs), bool)
        test[k * n:(k + 1) * n] = True
        train = np.sort(s[~test])
        # as face eval-pairs: midpoints between neighbouring scores, the lowest of the best
        candidates = np.concatenate(([train[0] - 1e-6], (train[1:] + train[:-1]) / 2, [train[-1] + 1e-6]))
        best = max(candidates, key=lambda t: ((s[~test] >= t) == y[~test]).mean())
        accs.append(((s[test] >= best) == y[test]).mean())
    return np.mean(accs), np.std(accs)


def all_pairs(emb):
    keys = sorted(emb)
    e = np.array([emb[k] for k in keys])
    person = np.array([k.split('/')[0] for k in keys])
    upper = np.triu_indices(len(keys), 1)
    s = (e @ e.T)[upper]
    same = (person[:, None] == person[None, :])[upper]
    genuine, impostor = np.sort(s[same]), np.sort(s[~same])
    t3 = impostor[int(len(impostor) * (1 - 1e-3))]
    ts = np.linspace(0.7, 1.0, 3001)
    frr = np.searchsorted(genuine, ts) / len(genuine)
    far = 1 - np.searchsorted(impostor, ts) / len(impostor)
    i = np.argmin(abs(frr - far))
    dprime = (genuine.mean() - impostor.mean()) / np.sqrt((genuine.var() + impostor.var()) / 2)
    return len(genuine), len(impostor), (frr[i] + far[i]) / 2, (genuine > t3).mean(), dprime


if __name__ == '__main__':
    pairs = [line.rstrip('\n').split('\t') for line in open(sys.argv[1]) if line.strip()]
    for path in sys.argv[2:]:
        emb = load(path)
        acc, std = ten_fold(emb, pairs)
        g, i, eer, tar, dp = all_pairs(emb)
        print(f"{path}: pairs {100 * acc:.2f} % ± {100 * std:.2f}; all {g} same / {i} different pairs: "
              f"EER {100 * eer:.2f} %, TAR {100 * tar:.2f} % at FAR 1e-3, d' {dp:.3f}")
