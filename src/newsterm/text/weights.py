"""How informative a word is, from background news statistics shipped with the package.

Weights must not depend on what else the user happened to load: a passage pair compares the
same way in a pile of three articles as in a pile of twenty thousand, and `compare(a, b)` works
with no corpus at all. So the weight of a stem is its inverse document frequency in Reuters-21578
(see bench/build_idf.py); a stem never seen there is treated as rare, hence informative.
"""

from __future__ import annotations

import gzip
import math
from functools import cache
from importlib.resources import files


class _Weights(dict[str, float]):
    """Stem -> weight, with a stem never seen weighed when asked (and not stored: a pile's
    rare words are countless). A dict, so that a hot loop sums `map(weights.__getitem__, ...)`
    without a Python call per stem: comparing asks for a million weights on 5,000 articles."""

    unseen: float = 0.0

    def __missing__(self, stem: str) -> float:
        return self.unseen * 0.8 if stem[:1].isdigit() else self.unseen


@cache
def weights() -> _Weights:
    """Every stem's weight (see idf), as one mapping: a missing stem is weighed as unseen."""
    raw = files("newsterm").joinpath("data/idf.txt.gz").read_bytes()
    lines = gzip.decompress(raw).decode("utf-8").splitlines()
    total = int(lines[0].split("\t")[1])
    table = _Weights()
    for line in lines[1:]:
        stem, df = line.split("\t")
        table[stem] = math.log((total + 1) / (int(df) + 1))
    table.unseen = math.log((total + 1) / 1.5)
    return table


def idf(stem: str) -> float:
    """Inverse document frequency of a (canonical) stem; numbers count as fairly rare."""
    return weights()[stem]
