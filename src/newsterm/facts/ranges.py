"""Ranges: "between 30 and 80 pounds", "five to 10 pct", "2-3 percent", "two or three people".

A range is one figure that commits to an interval, and it is read as one. Read as two figures,
its low end had no unit or noun (they are written once, after the high end) and paired with
another outlet's lone figure: "between 30 and 80 pounds" against "between 14 and 36 kilograms"
was "30 ≠ 14", and "1 percent to 3 percent" against "2.5 percent" was a conflict though 2.5
lies inside it. A range is marked `vague`, as "thousands" is: the conflict checks then compare
its interval and never read it as an exact figure.

"from 5 to 10" tells a change unless something ranges ("ranged from 1.8 to 4.4"), and is left
as two figures; so are a tally ("a 186 to 237 vote") and a pair whose ends descend or count
different things.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsterm.facts.changes import is_a_change
from newsterm.facts.dates import MONTHS
from newsterm.facts.number_words import SCALES
from newsterm.facts.quantity import Quantity
from newsterm.text.tokens import fold, stem

# What joins the two ends. "and" only after "between" ("between two and three"): elsewhere
# two figures joined by "and" are two counts ("3 dead and 5 injured").
_JOINED = re.compile(r"[ \t]*(?:-|–|—|to|or|and)[ \t]*\Z", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween[ \t]+\Z", re.IGNORECASE)
_FROM = re.compile(r"\bfrom[ \t]+\Z", re.IGNORECASE)
# "ranged from", "varying from", "anywhere from": a from-to that spans rather than moves.
_SPANS_FROM = re.compile(
    r"\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|anywhere|estimates?)[ \t]+from[ \t]+\Z",
    re.IGNORECASE,
)
# A tally is no range: "a 237-186 vote", "a vote of 186 to 237", "won 5-2".
_TALLIES = frozenset(
    stem(word) for word in "vote votes margin tally score decision ruling verdict victory".split()
)
_TALLY_BEFORE = re.compile(
    r"\b(?:vote|votes|margin|tally|score|won|beat|lost|defeated)[ \t]+(?:of[ \t]+|by[ \t]+)?\Z",
    re.IGNORECASE,
)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+\Z")
_SCALE_IN = re.compile(r"\b(" + "|".join(sorted(SCALES, key=len, reverse=True)) + r")\b", re.I)


def joined_into_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """`found` (in text order) with each range's two ends made one figure."""
    if len(found) < 2:
        return found
    out: list[Quantity] = []
    skip_next = False
    for n, q in enumerate(found):
        if skip_next:
            skip_next = False
            continue
        nxt = found[n + 1] if n + 1 < len(found) else None
        merged = _range(text, q, nxt) if nxt is not None else None
        if merged is None:
            out.append(q)
        else:
            out.append(merged)
            skip_next = True
    return out


def _range(text: str, lo: Quantity, hi: Quantity) -> Quantity | None:
    if lo.vague or hi.vague or (lo.qualifier and hi.qualifier):
        return None
    joint = text[lo.end : hi.start]
    glue = _JOINED.fullmatch(joint)
    if glue is None:
        return None
    word = glue.group().strip().lower()
    before = text[max(0, lo.start - 24) : lo.start]
    between = _BETWEEN.search(before)
    if word == "and" and between is None:
        return None
    if hi.noun in _TALLIES or _TALLY_BEFORE.search(before):
        return None
    month = _WORD_BEFORE.search(before)
    if month and fold(month.group(1)) in MONTHS:
        return None  # "the week ended March six to 119.6 mln barrels": a day, then a level
    if word == "or" and (lo.unit or lo.noun):
        return None  # "$952 million or $2.8 billion": two figures offered, each whole
    if word == "to" and _FROM.search(before) and not _SPANS_FROM.search(before):
        return None  # "rose from 5 to 10": a change
    if word == "to" and (lo.unit or lo.noun) and is_a_change(text, lo.start):
        return None  # "rose 5 percent to 7 percent": the change, then the level reached
    if lo.noun not in ("", hi.noun) or lo.unit not in ("", hi.unit):
        return None  # "8 cents to $30.50": two figures of two kinds
    low_value, low_low = lo.value, lo.low
    scale = _SCALE_IN.search(hi.text)
    if scale and not _SCALE_IN.search(lo.text):
        factor = SCALES[scale.group(1).lower()]  # "$5 to $10 million": five million
        if lo.value * factor <= hi.value:
            low_value, low_low = low_value * factor, low_low * factor
    if not 0 <= low_value < hi.value:
        return None  # descending: not a span ("10 to 5 vote")
    # "between 30 and 80" is told with its "between": "30 and 80" alone reads as two figures.
    start = lo.start - len(between.group()) if between is not None else lo.start
    return replace(
        hi,
        text=text[start : hi.end],
        start=start,
        low=low_low,
        value=(low_value + hi.value) / 2,
        qualifier=lo.qualifier or hi.qualifier,
        qualifier_text=lo.qualifier_text or hi.qualifier_text,
        vague=True,
        ends=(lo.value, hi.value),
    )
