"""Qualifiers: the words English news uses to bound a number ("at least", "as many as",
"around"), each read as the kind of bound it sets.

A lexicon, not rules about particular articles. Negation, the other closed class the fact layer
reads, has a module of its own (newsterm.facts.negation).
"""

from __future__ import annotations

from newsterm.text.tokens import phrase_pattern

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


def qualifier_kind(phrase: str) -> str:
    return QUALIFIERS.get(" ".join(phrase.lower().split()), "")
