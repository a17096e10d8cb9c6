"""Are two passages the same claim, and if so, do they tell it the same way?

The decision has two parts. Similarity says whether two passages speak about the same thing:
informative words in common (weighted by background IDF, synonyms merged), in the same order,
the same names. Then the fact layer checks the slots where outlets differ: numbers, dates,
quotations, qualifiers, negation, names. A pair that is about the same thing and differs in a
slot is a conflict; one that agrees is a match.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from newsterm.claims.additions import added_details
from newsterm.claims.conflicts.find import find_conflicts, framed_quote_conflicts
from newsterm.claims.conflicts.slots import opcodes
from newsterm.claims.judge import features, says_conflict
from newsterm.claims.prepared import Prepared, as_date, prepare
from newsterm.claims.similarity import model_says_match, similarity
from newsterm.model import Comparison, Conflict, Passage
from newsterm.text.tokens import STOPWORDS

# Decision thresholds, fitted by bench/accuracy.py on the development part of the evaluation
# sets (see README "Accuracy").
MATCH_THRESHOLD = 0.50
CONFLICT_THRESHOLD = 0.50
RELATED_THRESHOLD = 0.33
CONTAINED_THRESHOLD = 0.75
# A short sentence inside a long one is the same claim by containment, but the long one's other
# clauses tell other things: every conflict rule ran on them, and on BASIL nine in ten of the
# conflicts so found were false (a weekday against an earlier year, one man's age against
# another's). Below this similarity both ways, only anchored figures are checked.
CONFLICT_SYMMETRIC = 0.4
DIFFERENT_ACTORS_FACTOR = 0.8


@lru_cache(maxsize=4096)
def _prepare_cached(text: str, published: date | None) -> Prepared:
    return prepare(text, published)


def _different_actors(a: Prepared, b: Prepared) -> bool:
    """Both passages name someone or somewhere, and no name of one is in the other."""
    if not a.names or not b.names:
        return False
    keys_a = {n.key for n in a.names}
    keys_b = {n.key for n in b.names}
    if keys_a & keys_b:
        return False
    words_a = {w for key in keys_a for w in key.split()}
    words_b = {w for key in keys_b for w in key.split()}
    return not (words_a & words_b)


def _has_content(prep: Prepared, start: int, end: int) -> bool:
    """Whether tokens start..end hold a word other than a function word."""
    return any(token.norm not in STOPWORDS for token in prep.tokens[start:end])


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the decision weighs for two passages: how alike they are, and the conflicts the
    checks found (candidates, until the combiner in newsterm.claims.judge accepts them)."""

    claim: float
    symmetric: float
    containment: float
    conflicts: tuple[Conflict, ...]
    features: dict[str, float]


def same_claim(symmetric: float, containment: float) -> float:
    """Same claim: enough shared substance both ways, or one passage contained in the other
    (before the discount for different actors, which only lowers it)."""
    return max(symmetric, 0.8 * containment + 0.2 * symmetric)


def evidence(a: Prepared, b: Prepared, similar: tuple[float, float] | None = None) -> Evidence:
    """Similarity both ways, the same-claim score, and every candidate conflict. `similar` is
    similarity(a, b) when the caller has it already."""
    symmetric, containment = similar if similar is not None else similarity(a, b)
    claim = same_claim(symmetric, containment)
    if claim >= RELATED_THRESHOLD and _different_actors(a, b):
        # Same kind of event, other people and places ("X checked into rehab" against "Y checked
        # into rehab"): the shared wording says less about being the same claim.
        claim *= DIFFERENT_ACTORS_FACTOR
    if claim >= CONFLICT_THRESHOLD and symmetric >= CONFLICT_SYMMETRIC:
        conflicts = find_conflicts(a, b, symmetric=symmetric)
    elif claim >= RELATED_THRESHOLD:
        conflicts = find_conflicts(a, b, anchored_only=True)
    else:
        conflicts = []
    if not conflicts and claim < CONFLICT_THRESHOLD:
        # One speaker's words changed inside an otherwise identical sentence: the sentence is
        # short, so the changed quotation is most of it, and similarity alone would not pair them.
        conflicts = framed_quote_conflicts(a, b)
        if conflicts:
            claim = max(claim, CONFLICT_THRESHOLD)
    found: dict[str, float] = {}
    if conflicts:
        ops = opcodes(a, b)
        changed = sum((i2 - i1) + (j2 - j1) for _tag, i1, i2, j1, j2 in ops)
        words = len(a.tokens) + len(b.tokens)
        unchanged = 1 - changed / words if words else 0.0
        # Stretches of function words alone follow from another change ("Liz Cheney set out
        # her position" / "Dick Cheney set out his position"): not a second difference.
        stretches = sum(
            1 for op in ops if _has_content(a, op[1], op[2]) or _has_content(b, op[3], op[4])
        )
        found = features(conflicts, symmetric, containment, stretches, unchanged)
    return Evidence(claim, symmetric, containment, tuple(conflicts), found)


def compare_prepared(
    a: Prepared, b: Prepared, similar: tuple[float, float] | None = None
) -> Comparison:
    """Relate two prepared passages: match, conflict or unrelated, with a score and reasons.
    `similar` is similarity(a, b) when the caller has it already."""
    seen = evidence(a, b, similar)
    claim, symmetric, containment = seen.claim, seen.symmetric, seen.containment
    if seen.conflicts and says_conflict(seen.features):
        return Comparison(
            "conflict", round(claim, 4), seen.conflicts, round(claim, 4), added_details(a, b)
        )
    # One outlet often tells the claim inside a longer sentence (with its source, or one more
    # detail): a passage mostly contained in the other is the same claim even when the
    # paraphrase model, fitted on sentence pairs of similar length, doubts it.
    contained = containment >= CONTAINED_THRESHOLD and symmetric >= MATCH_THRESHOLD
    if claim >= RELATED_THRESHOLD and (contained or model_says_match(a, b, MATCH_THRESHOLD)):
        return Comparison("match", round(claim, 4), (), round(claim, 4), added_details(a, b))
    return Comparison("unrelated", round(claim, 4), (), round(claim, 4))


def compare(
    a: str | Passage,
    b: str | Passage,
    published_a: date | datetime | str | None = None,
    published_b: date | datetime | str | None = None,
) -> Comparison:
    """Relate two passages of news text.

    `published_a`/`published_b` are the publication dates of the articles the passages come
    from; relative dates ("last week", "so far this year") are resolved against them. Without
    them, relative dates are compared by their wording only.
    """
    text_a = a.text if isinstance(a, Passage) else str(a)
    text_b = b.text if isinstance(b, Passage) else str(b)
    return compare_prepared(
        _prepare_cached(text_a, as_date(published_a)),
        _prepare_cached(text_b, as_date(published_b)),
    )
