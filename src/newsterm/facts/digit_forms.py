"""How digits are written around a figure: a scale letter glued on ("266K"), a fraction after
them ("22 1/2"), a name's code they belong to ("COVID-19").

Kept apart from newsterm.facts.numbers, which finds the figures: each form here decides whether
the digits found are a figure at all, and how much, and each was met as a false conflict on
real coverage ("266K jobs" read as 266 against "266,000"; "the COVID-19 pandemic" against
another outlet's "13").
"""

from __future__ import annotations

import re
import unicodedata

# Plurals without an "s": "48 people died" counts people, not "died".
_IRREGULAR_PLURALS = frozenset(
    "people men women children police staff personnel cattle sheep fish mice geese feet".split()
)


def looks_plural(norm: str) -> bool:
    """Whether a folded word reads as a plural noun: "doses", "people"; not "was", "bus"."""
    if norm in _IRREGULAR_PLURALS:
        return True
    return len(norm) > 3 and norm.endswith("s") and not norm.endswith(("ss", "us", "is"))


_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+\Z", re.IGNORECASE)
# The word after a position, past any spaces (facts.numbers reads it after a name's digits too).
WORD_AFTER = re.compile(r"\s*([A-Za-z]+)")


def glued_scale(match: re.Match[str]) -> bool:
    """Whether the one-letter scale of a quantity match (groups "digits" and "dscale") is
    written onto its digits as headlines and social copy write thousands and millions ("266K
    jobs", "a 2.5M fine"): a "k" of either case, or a capital "M". A lower-case "m" is millions
    before a plural ("60m doses", "3m people": British copy) unless an article makes it a
    compound ("the 400m hurdles"), and otherwise more often a distance ("a 5m wall", "rose 2m");
    a spaced "5 m" is a distance, and "3B" more often a flat, a route or a paper size: those
    stay plain numbers when no currency is named."""
    if match.start("dscale") != match.end("digits"):
        return False
    scale = match.group("dscale")
    if scale in ("k", "K", "M"):
        return True
    if scale != "m":
        return False
    digits = match.start("digits")
    if _ARTICLE_BEFORE.search(match.string, max(0, digits - 5), digits):
        return False
    following = WORD_AFTER.match(match.string, match.end("dscale"))
    return following is not None and looks_plural(following.group(1).lower())


# A word with a capital letter and a hyphen, written onto the digits: "COVID-19", "F-35", "G-7".
_CODE_BEFORE = re.compile(r"(?<![\w-])[A-Za-z]*[A-Z][A-Za-z]*-\Z")


def hyphenated_code(text: str, start: int) -> bool:
    """ "COVID-19", "Covid-19", "F-35", "G-20", "MH-17": digits at `start` hyphenated onto a
    word with a capital letter name a disease, a plane or a group, and count nothing. Read as
    counts, "the COVID-19 pandemic" contradicted every figure of another outlet's sentence about
    it ("13 ≠ 19: pandemic"). A lower-case word ("top-10", "under-21") and a range ("June
    11-13": digits before the hyphen) are left as they were."""
    return _CODE_BEFORE.search(text, max(0, start - 40), start) is not None


# Fractions set as one character: "2 ½", "2½", "16¾".
VULGAR_FRACTIONS = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
# A fraction written after whole digits: "22 1/2 years", "22 and a half years", "2 ½".
FRACTION_AFTER = re.compile(
    r"(?:\s+and\s+(?:a\s+(?P<half>half)|a\s+(?P<quarter>quarter)|(?P<three>three)\s+quarters)"
    r"|\s+(?P<top>[1-9]\d?)/(?P<bottom>[2-9]|1[0-6]|32|64)\b"
    r"|[ \t]?(?P<glyph>[" + VULGAR_FRACTIONS + r"]))",
    re.IGNORECASE,
)


def fraction_value(match: re.Match[str]) -> float:
    """What a fraction matched by FRACTION_AFTER adds to the whole digits before it: "22 1/2",
    "22 and a half" and "22½" are 22.5. Read as 22, the years of a sentence contradicted
    another outlet's "270 months", and the "1" of "1/2" counted the years a second time. A top
    not below the bottom ("3/2") is no such fraction: 0, and the digits are read as before."""
    if match.group("half"):
        return 0.5
    if match.group("quarter"):
        return 0.25
    if match.group("three"):
        return 0.75
    if match.group("glyph"):
        return unicodedata.numeric(match.group("glyph"))
    top, bottom = int(match.group("top")), int(match.group("bottom"))
    return top / bottom if top < bottom else 0.0


# "16/32", "5/8": a fraction on its own, as bond and share prices are quoted, or after whole
# digits and a hyphen ("1-3/32"). Only over a power of two and below one: "24/7" and "9/11" are
# no amounts.
_OVER = re.compile(r"(?:-(?P<top>\d{1,2}))?/(?P<bottom>2|4|8|16|32|64)(?![\w/])")


def fraction_over(text: str, digits: str, end: int) -> tuple[float, int] | None:
    """The value of a fraction whose top (or whole part) is `digits`, ending at `end`, and
    where the fraction ends; None when there is none. Read as its top alone, "16/32"
    contradicted another outlet's "1/2"."""
    found = _OVER.match(text, end)
    if found is None or not digits.isdigit():
        return None
    bottom = int(found.group("bottom"))
    top, whole = (int(found.group("top")), int(digits)) if found.group("top") else (int(digits), 0)
    if top >= bottom:
        return None
    return whole + top / bottom, found.end()
