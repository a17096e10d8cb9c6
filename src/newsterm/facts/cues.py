"""Small closed-class cues: qualifiers of quantities, negation, hedges.

These are lexicons, not rules about particular articles: the words English news uses to bound a
number ("at least", "as many as"), to negate a claim ("not", "never", "denied"), or to distance
itself from it ("reportedly", "is believed to").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsterm.text import phrase_pattern

# qualifier phrase -> kind: "approx" (either side), "lower" (a floor), "upper" (a ceiling),
# "near" (just below).
QUALIFIERS: dict[str, str] = {
    "about": "approx",
    "around": "approx",
    "approximately": "approx",
    "roughly": "approx",
    "some": "approx",
    "an estimated": "approx",
    "estimated": "approx",
    "circa": "approx",
    "close to": "near",
    "nearly": "near",
    "almost": "near",
    "just under": "near",
    "at least": "lower",
    "more than": "lower",
    "over": "lower",
    "upwards of": "lower",
    "in excess of": "lower",
    "no fewer than": "lower",
    "no less than": "lower",
    "at a minimum": "lower",
    "above": "lower",
    "just over": "lower",
    "exceeding": "lower",
    "as many as": "upper",
    "as much as": "upper",
    "up to": "upper",
    "at most": "upper",
    "fewer than": "upper",
    "less than": "upper",
    "under": "upper",
    "no more than": "upper",
    "as few as": "lower",
    "below": "upper",
    "a maximum of": "upper",
}
QUALIFIER_RE = phrase_pattern(tuple(QUALIFIERS))

QUALIFIER_WORDS = {
    "approx": "approximately",
    "near": "nearly",
    "lower": "at least",
    "upper": "at most",
}


def qualifier_kind(phrase: str) -> str:
    return QUALIFIERS.get(" ".join(phrase.lower().split()), "")


NEGATION_RE = re.compile(
    r"\b(?:not|no|never|neither|nor|none|nobody|nothing|nowhere|cannot|without|"
    r"\w+n[’']t)\b",
    re.IGNORECASE,
)
# "no" in these phrases does not negate the claim: "there is no question that X" asserts X, and
# "the vote is not until March" says when it is.
_NOT_NEGATING = re.compile(
    r"\b(?:no\s+(?:longer|sooner|doubt|matter|more than|less than|fewer than|wonder"
    r"|question\s+(?:that|about|but))|"
    r"not\s+only|not\s+just|no\.\s*\d|(?:not|\w+n[’']t)\s+until)",
    re.IGNORECASE,
)

HEDGE_RE = phrase_pattern(
    (
        *"reportedly allegedly apparently purportedly possibly likely unconfirmed".split(),
        *"claimed claims claim".split(),
        *("is believed to", "are believed to", "is thought to", "are thought to"),
        *("is said to", "are said to", "may have", "might have", "could have"),
    )
)


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue word or phrase found in a passage."""

    text: str
    start: int
    end: int


def negations(text: str) -> list[Cue]:
    """Negation cues that really negate ("not only" and "no longer" do not count)."""
    return [
        Cue(m.group(), m.start(), m.end())
        for m in NEGATION_RE.finditer(text)
        if not affirming_idiom_at(text, m.start())
    ]


def affirming_idiom_at(text: str, start: int) -> bool:
    """Whether the negation word at `start` opens an idiom that does not deny ("no longer",
    "not only", "there is no question that")."""
    return _NOT_NEGATING.match(text, start) is not None


def hedges(text: str) -> list[Cue]:
    return [Cue(m.group(), m.start(), m.end()) for m in HEDGE_RE.finditer(text)]
