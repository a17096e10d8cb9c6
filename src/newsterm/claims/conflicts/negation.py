"""Denials: a stretch negated in one passage and asserted in the other, or an exception
("all carriers except Israeli ones") that turns what one passage includes into what it leaves
out. What counts as a denial is defined in newsterm.facts.negation.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newsterm.claims.conflicts.slots import (
    CLAUSE_END,
    Op,
    phrase,
)
from newsterm.claims.prepared import Prepared, told_stems
from newsterm.facts.negation import denies, is_negation
from newsterm.model import Conflict
from newsterm.text.lexicon import opposite_in_some_sense
from newsterm.text.tokens import STOPWORDS, Token, stem

# Tuning. With these, ECB+ dev negation conflicts went 25 -> 10 and BASIL's 12 -> 10 (the same 4
# true ones), SummEdits negation recall unchanged (0.88 dev).
# How many content words after a negation make up what it denies.
_PREDICATE_WORDS = 2
# Passages this alike both ways say the same thing but for the negation (and the synonyms that
# may come with it: "not required to" against "forced to"), so what is denied need not be found
# word for word.
_PREDICATE_CHECK_BELOW = 0.7


def _marked(prep: Prepared, marks: Callable[[str, Sequence[Token], int], bool]) -> int:
    """How many of a passage's words `marks` picks out (see _count_marked), counted once per
    passage and rule."""
    found = prep.counts.get(marks)
    if found is None:
        found = prep.counts[marks] = _count_marked(prep, marks)
    return found


def _count_marked(prep: Prepared, marks: Callable[[str, Sequence[Token], int], bool]) -> int:
    """How many of a passage's words `marks` picks out: the negation and exception rules count
    only a passage that denies, or excepts, more often than the other. The "nor" of "neither
    ... nor" continues the denial "neither" opened: "neither the mayor nor the council" denies
    once, as "the mayor did not, or the council" does."""
    if "nor" not in prep.words:
        return sum(
            marks(prep.text, prep.tokens, index) and not _said_again(prep.tokens, index)
            for index in range(len(prep.tokens))
        )
    count = 0
    neither = False
    for index, token in enumerate(prep.tokens):
        if index and CLAUSE_END.search(prep.text[prep.tokens[index - 1].end : token.start]):
            neither = False
        if marks(prep.text, prep.tokens, index) and not _said_again(prep.tokens, index):
            if not (token.norm == "nor" and neither):
                count += 1
            neither = token.norm == "neither"
    return count


# The longest run of words a speaker is taken to say twice in a row.
_STUTTER_WORDS = 5


def _said_again(tokens: Sequence[Token], index: int) -> bool:
    """Whether the word at `index` is in a run of words said again at once, as speech is
    transcribed ("we will not, we will not stand by"): the run denies once. Counted twice, the
    quotation denied more often than an outlet's tidied "we will not stand by" and was shown as a
    negation conflict with it."""
    for length in range(2, _STUTTER_WORDS + 1):
        for start in range(max(0, index - length + 1), index + 1):
            end = start + length
            if end + length > len(tokens):
                continue
            if all(tokens[start + k].norm == tokens[end + k].norm for k in range(length)):
                return True
    return False


def negation_conflicts(
    a: Prepared, b: Prepared, ops: list[Op], symmetric: float = 1.0
) -> list[Conflict]:
    """A short stretch negated in one passage and asserted in the other. Only when one
    passage negates more often than the other: a negation merely moved ("was not due to
    farmers" against "was due to doctors, not to farmers"; "nor was he asked" against "he
    was not asked") denies nothing the other asserts."""
    if _marked(a, denies) == _marked(b, denies):
        return []
    found = []
    for _tag, i1, i2, j1, j2 in ops:
        if (i2 - i1) > 3 or (j2 - j1) > 3:
            continue
        neg_a = any(is_negation(a.text, a.tokens, i) for i in range(i1, i2))
        neg_b = any(is_negation(b.text, b.tokens, j) for j in range(j1, j2))
        if neg_a == neg_b:
            continue
        other = range(j1, j2) if neg_a else range(i1, i2)
        asserter = b if neg_a else a
        if any(denies(asserter.text, asserter.tokens, k) for k in other):
            continue  # "gave no details" against "declined to give details"
        last = other[-1] if other else other.start - 1  # the word a denial was put after
        if last >= 0 and _cut_short_after(asserter, last):
            continue  # "as the lone vote..." against "voted no": the denial may be what was cut
        negator, lo, hi = (a, i1, i2) if neg_a else (b, j1, j2)
        cue = next(k for k in range(lo, hi) if is_negation(negator.text, negator.tokens, k))
        if symmetric < _PREDICATE_CHECK_BELOW and not _predicate_told(
            negator, cue, b if neg_a else a
        ):
            continue  # "Thompson never recovered" against "Klitschko bombed Thompson"
        # A negation added where the other passage has nothing must deny a word it tells:
        # "wounding seven, none seriously" adds a detail to "wounding seven", no denial.
        added = (j1 == j2) if neg_a else (i1 == i2)
        if added and not _predicate_told(negator, cue, b if neg_a else a, words=1):
            continue
        if any(
            opposite_in_some_sense(stem(a.tokens[i].norm), stem(b.tokens[j].norm))
            for i in range(i1, i2)
            for j in range(j1, j2)
        ):
            continue  # "did not win" / "lost", "did not stop" / "continued": a denied opposite
        side = "the first" if neg_a else "the second"
        text_a, text_b = phrase(a, i1, i2), phrase(b, j1, j2)
        found.append(
            Conflict(
                "negation",
                text_a,
                text_b,
                f"'{text_a}' vs '{text_b}': {side} negates what the other asserts",
            )
        )
    return found


def _cut_short_after(prep: Prepared, index: int) -> bool:
    """Whether the passage stops on an ellipsis right after the word at `index`: an excerpt cut
    off there, as feed summaries and roundups are ("...with Sen. Hawley as the lone vote..."),
    whose next words, a "no" among them, are not known."""
    rest = prep.text[prep.tokens[index].end :].strip()
    return bool(rest) and ("..." in rest or "…" in rest) and not rest.strip(".…")


# Words that carve an exception out of what they follow ("all carriers except Israeli ones").
_EXCEPTING = frozenset("except excluding excepting barring".split())


def _predicate_told(
    negator: Prepared, cue: int, other: Prepared, words: int = _PREDICATE_WORDS
) -> bool:
    """Whether what a negation denies is told in the other passage: the first content words
    after it ("was not Deep Throat": Deep, Throat) all appear there. "Lindsay never checked
    into Morningside" denies nothing "Lindsay Lohan checks into Betty Ford" asserts."""
    told = told_stems(other)
    denied = []
    for k in range(cue + 1, min(cue + 6, len(negator.tokens))):
        between = negator.text[negator.tokens[k - 1].end : negator.tokens[k].start]
        if CLAUSE_END.search(between):
            break
        token = negator.tokens[k]
        if token.norm in STOPWORDS or token.norm in ("to", "be", "been", "have", "has", "had"):
            continue
        denied.append(k)
        if len(denied) == words:
            break
    return all(negator.keys[k] in told or negator.tokens[k].stem in told for k in denied)


def _content(prep: Prepared, lo: int, hi: int) -> list[str]:
    """The stems of the content words of tokens lo..hi."""
    return [prep.tokens[k].stem for k in range(lo, hi) if prep.tokens[k].norm not in STOPWORDS]


def _excepts(_text: str, tokens: Sequence[Token], index: int) -> bool:
    return tokens[index].norm in _EXCEPTING


def exception_conflicts(a: Prepared, b: Prepared, ops: list[Op]) -> list[Conflict]:
    """ "Open to Israeli carriers" against "open to all carriers except Israeli ones": an
    exception put in one short stretch turns what the other includes into what it leaves out,
    a denial that no "not" marks. Only a passage that excepts more often than the other counts,
    so that an exception merely moved within the sentence says nothing."""
    count_a, count_b = _marked(a, _excepts), _marked(b, _excepts)
    if count_a == count_b:
        return []
    prep, first = (a, True) if count_a > count_b else (b, False)
    for _tag, i1, i2, j1, j2 in ops:
        if (i2 - i1) > 3 or (j2 - j1) > 3:
            continue
        lo, hi = (i1, i2) if first else (j1, j2)
        other, olo, ohi = (b, j1, j2) if first else (a, i1, i2)
        if any(_excepts(prep.text, prep.tokens, k) for k in range(lo, hi)):
            # The other passage has words of its own in the exception's place ("Even
            # controlling for food" / "Excluding volatile food"): it may set the same things
            # apart its own way. An exception conflicts only where the other passage has
            # nothing there, or only the things themselves.
            if not set(_content(other, olo, ohi)) <= set(_content(prep, lo, hi)):
                continue
            text_a, text_b = phrase(a, i1, i2), phrase(b, j1, j2)
            side = "the first" if first else "the second"
            explanation = f"'{text_a}' vs '{text_b}': {side} makes an exception the other does not"
            return [Conflict("negation", text_a, text_b, explanation)]
    return []
