"""Negation: the words that deny a claim, and where in a passage a denial stands.

One home for every way news denies: the negation words ("not", "never", "n't"), the idioms that
look like denials and are not ("no longer", "not only", "there is no question that"), the verbs
that deny what follows them ("failed to", "refused to"), and the words that carry a denial in
themselves ("withheld", "unknown", "their failure to"). The index and the similarity leave the
negation words out of a passage's terms; the negation conflict asks the questions below.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsterm.text.tokens import Token, stem

# Words that carry negation; kept out of a passage's terms so that "not" neither makes two
# passages look alike nor is lost as a stopword.
NEGATIONS = frozenset(
    "not no never neither nor none nobody nothing nowhere cannot without n't".split()
)

NEGATION_RE = re.compile(
    r"\b(?:" + "|".join(sorted(NEGATIONS - {"n't"})) + r"|\w+n[’']t)\b",
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

# Verbs that deny what follows them ("failed to capture", "refused to sign", "unable to reach").
NEGATING_VERBS = frozenset(stem(w) for w in "fail refuse unable decline".split())
# Words that carry a denial in themselves ("gave no details" = "withheld the details"; "their
# failure to win" = "they failed to win"): a side using one is not asserting what the other
# side's "not" denies. The words of opposing deny as much ("voted no" = "voted against it",
# "won't create" = "is opposing creating"): on AllSides 2021 they spared three false conflicts
# in two stories; no pair of SummEdits, MSRP, ClaimDiff, BASIL, ECB+ or Reuters moved.
DENYING_WORDS = frozenset(
    stem(w)
    for w in (
        "deny denied lack lacked absent withheld withhold removed omitted failure refusal inability"
        " against oppose opposed opposing"
    ).split()
)
# What a verb of refusing denies when it takes an object rather than "to": "declined comment".
_TOLD_OBJECTS = frozenset("comment comments details".split())
_REFUSE = stem("refuse")
# Words of six letters or more that open with "un" without being "un-" + a word.
_UN_WORDS = ("under", "univers", "uniq", "union", "unit", "until", "unless", "unveil")


def affirming_idiom_at(text: str, start: int) -> bool:
    """Whether the negation word at `start` opens an idiom that does not deny ("no longer",
    "not only", "there is no question that")."""
    return _NOT_NEGATING.match(text, start) is not None


def is_negation(text: str, tokens: Sequence[Token], index: int) -> bool:
    """Whether the token at `index` of a passage negates what follows it."""
    token = tokens[index]
    norm = token.norm
    if norm in NEGATIONS or norm.endswith("n't"):
        # Inside a hyphenated compound ("the do-not-call registry", "a no-fly zone") the word
        # names a thing rather than denying the claim; "no doubt" and "not only" deny nothing.
        before = text[max(0, token.start - 1) : token.start]
        after = text[token.end : token.end + 1]
        return "-" not in before + after and not affirming_idiom_at(text, token.start)
    # "Failed to win", "refused to sign"; and "has yet to regain", which is "has not regained"
    # told another way.
    following = tokens[index + 1].norm if index + 1 < len(tokens) else ""
    return (stem(norm) in NEGATING_VERBS or norm == "yet") and following == "to"


def denies(text: str, tokens: Sequence[Token], index: int) -> bool:
    """A negation, or a word that denies by itself ("unknown", "declined", "withheld")."""
    if is_negation(text, tokens, index):
        return True
    norm = tokens[index].norm
    if stem(norm) in DENYING_WORDS:
        return True
    if stem(norm) in NEGATING_VERBS:
        # "declined to comment", "declined comment", "refused": a denial; "a decline in sales",
        # "shares declined 5%" or "a failed bid" deny nothing (is_negation has the "to" forms).
        following = tokens[index + 1].norm if index + 1 < len(tokens) else ""
        return following in _TOLD_OBJECTS or (stem(norm) == _REFUSE and following != "to")
    return len(norm) >= 6 and norm.startswith("un") and not norm.startswith(_UN_WORDS)


def negated(text: str, tokens: Sequence[Token], index: int) -> bool:
    """A word with a negation just before it ("not known", "did not win"): the negated word says
    what its opposite says, so "not known" against "unknown" is no contradiction."""
    return any(is_negation(text, tokens, k) for k in range(max(0, index - 2), index))
