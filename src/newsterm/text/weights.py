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


@cache
def _table() -> tuple[dict[str, float], float]:
    raw = files("newsterm").joinpath("data/idf.txt.gz").read_bytes()
    lines = gzip.decompress(raw).decode("utf-8").splitlines()
    total = int(lines[0].split("\t")[1])
    table = {}
    for line in lines[1:]:
        stem, df = line.split("\t")
        table[stem] = math.log((total + 1) / (int(df) + 1))
    unseen = math.log((total + 1) / 1.5)
    return table, unseen


def idf(stem: str) -> float:
    """Inverse document frequency of a (canonical) stem; numbers count as fairly rare."""
    table, unseen = _table()
    weight = table.get(stem)
    if weight is not None:
        return weight
    return unseen * 0.8 if stem[:1].isdigit() else unseen
