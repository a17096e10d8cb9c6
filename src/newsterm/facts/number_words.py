"""Numbers written in words: "nine million", "one hundred and twenty-five", "two and a half",
and the vague plurals that commit to a range ("thousands" is 2,000 to 9,999).
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "mln": 1_000_000,
    "bln": 1_000_000_000,
    "bn": 1_000_000_000,
    "m": 1_000_000,
    "b": 1_000_000_000,
    "k": 1_000,
    "tn": 1_000_000_000_000,
}
# Vague plurals: "thousands" commits to at least two thousand and fewer than ten thousand.
VAGUE = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "millions": (2_000_000, 999_999_999),
    "billions": (2e9, 999e9),
    "several": (3, 9),
    "a few": (2, 5),
    "a couple": (2, 3),
    "a dozen": (12, 12),
    "a handful": (2, 6),
}


_FRACTION_WORDS = frozenset(("a", "an", "half", "quarter"))


def words_to_number(phrase: str) -> float | None:
    """Value of a number written in words ("nine million", "one hundred and twenty-five", "two
    and a half"). None for words that are not one number ("two and three")."""
    total = 0.0
    current = 0.0
    seen = False
    joined = False  # after "and": what follows adds to the number before it
    for word in re.split(r"[\s-]+", phrase.lower().strip()):
        if not word:
            continue
        if word == "and":
            joined = True
            continue
        if joined and word not in _FRACTION_WORDS and not (total or current >= 100):
            return None  # "two and three": two numbers, not one
        if word in ("a", "an"):
            continue  # "a hundred", "a half": a scale counts one of itself; "a two-week" is two
        if word in ("half", "quarter"):
            fraction = 0.5 if word == "half" else 0.25
            # "two and a half" adds; "half a million", "a quarter" multiply.
            current = current + fraction if joined else (current or 1) * fraction
            joined = False
            seen = True
        elif word in UNITS:
            current += UNITS[word]
            seen = True
        elif word in TENS:
            current += TENS[word]
            seen = True
        elif word == "hundred":
            current = (current or 1) * 100
            seen = True
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None
