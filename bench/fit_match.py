"""Fit the match decision (compare.MATCH_BIAS / MATCH_WEIGHTS) on the development part of MSRP.

A plain logistic regression by batch gradient descent over `compare.match_features`, in pure
Python so that anyone can rerun it without extra packages. Only dev rows (index % 5 != 4, the
same rule as bench/accuracy.py) are used for fitting; the held-out accuracy is printed for
information. Paste the printed constants into src/newsterm/compare.py.

    python bench/fit_match.py [--iterations 6000]
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

from newsterm.claims.prepared import as_date, prepare
from newsterm.claims.similarity import match_features

ROOT = Path(__file__).resolve().parents[1]
MSRP = ROOT.parent / "shared" / "eval" / "msrp_train.jsonl"


def _load() -> tuple[list[str], list[tuple[list[float], int, str]]]:
    names: list[str] = []
    rows = []
    with open(MSRP, encoding="utf-8") as handle:
        for index, line in enumerate(handle):
            row = json.loads(line)
            a = prepare(row["a"], as_date(row.get("date_a")))
            b = prepare(row["b"], as_date(row.get("date_b")))
            features = match_features(a, b)
            names = list(features)
            part = "held" if index % 5 == 4 else "dev"
            rows.append((list(features.values()), int(row["label"] == "match"), part))
    return names, rows


def _fit(data: list[tuple[list[float], int]], iterations: int, rate: float) -> list[float]:
    width = len(data[0][0])
    weights = [0.0] * (width + 1)
    for _ in range(iterations):
        grad = [0.0] * (width + 1)
        for x, y in data:
            z = weights[0] + sum(w * v for w, v in zip(weights[1:], x, strict=True))
            error = 1 / (1 + math.exp(-z)) - y
            grad[0] += error
            for k, v in enumerate(x):
                grad[k + 1] += error * v
        weights = [
            w - rate * (g / len(data) + (1e-3 * w if k else 0.0))
            for k, (w, g) in enumerate(zip(weights, grad, strict=True))
        ]
    return weights


def _accuracy(weights: list[float], data: list[tuple[list[float], int]]) -> float:
    right = 0
    for x, y in data:
        z = weights[0] + sum(w * v for w, v in zip(weights[1:], x, strict=True))
        right += (z >= 0) == bool(y)
    return right / len(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=6000)
    parser.add_argument("--rate", type=float, default=1.0)
    args = parser.parse_args(argv)
    names, rows = _load()
    dev = [(x, y) for x, y, part in rows if part == "dev"]
    held = [(x, y) for x, y, part in rows if part == "held"]
    weights = _fit(dev, args.iterations, args.rate)
    print(
        f"model alone: dev accuracy {_accuracy(weights, dev):.3f}, "
        f"held-out {_accuracy(weights, held):.3f}"
    )
    print(f"MATCH_BIAS = {weights[0]:.3f}")
    print("MATCH_WEIGHTS = {")
    for name, weight in zip(names, weights[1:], strict=True):
        print(f'    "{name}": {weight:.3f},')
    print("}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
