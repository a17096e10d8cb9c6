"""Quotations that differ: different words inside quotation marks for the same statement.

A quote is a claim about exact words. Two quotes that follow the same word ("called it ...")
and sit in the same slot conflict when neither's words are found in the other passage, unless
they differ only in how the names inside them are spelled.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from newsterm.claims.conflicts.slots import (
    Slot,
    same_slot,
)
from newsterm.claims.prepared import Prepared
from newsterm.facts.quotes import Quote, extract_quotes, same_words
from newsterm.model import Conflict
from newsterm.text.tokens import squash


def quote_conflicts(a: Prepared, b: Prepared, slots: list[Slot]) -> list[Conflict]:
    quotes_a, quotes_b = list(a.facts.quotes), list(b.facts.quotes)
    agreed_a = {i for i, qa in enumerate(quotes_a) if any(same_words(qa, qb) for qb in quotes_b)}
    agreed_b = {j for j, qb in enumerate(quotes_b) if any(same_words(qa, qb) for qa in quotes_a)}
    rest_a = [q for i, q in enumerate(quotes_a) if i not in agreed_a]
    rest_b = [q for j, q in enumerate(quotes_b) if j not in agreed_b]
    found = []
    for qa in rest_a:
        for qb in rest_b:
            in_slot = same_slot(slots, (qa.start, qa.end), (qb.start, qb.end))
            lone = len(rest_a) == 1 and len(rest_b) == 1
            if not _anchored_alike(a, qa, b, qb) or not (in_slot or lone):
                continue
            if squash(qa.text) in squash(b.text) or squash(qb.text) in squash(a.text):
                continue  # the other outlet uses the same words, just not as a quotation
            if _differ_only_in_names(qa.text, qb.text):
                continue  # "Muammar al-Qaddafi" against "Moammar Gadhafi": a house spelling
            found.append(
                Conflict(
                    "quote",
                    qa.text,
                    qb.text,
                    f"“{qa.text}” vs “{qb.text}”: different words quoted for the same statement",
                )
            )
            rest_b.remove(qb)
            break
    return found


_QUOTE_MARKS = re.compile('["“«‘]')  # an opening mark (an apostrophe opens nothing)
# The words around two quotations must be this alike (difflib ratio over comparison keys) for the
# quotations to be one statement by one speaker told in two wordings.
_FRAME_ALIKE = 0.8


def may_frame_quote(prep: Prepared) -> bool:
    """False when framed_quote_conflicts (see find) finds nothing with this passage on either
    side, whatever the other: a headline, or a passage with no opening quotation mark."""
    return not prep.headline and _QUOTE_MARKS.search(prep.text) is not None


def same_frame(a: Prepared, b: Prepared) -> bool:
    """Whether two passages are the same sentence around their quotations ("the minister said the
    hearing was '...'"): one speaker, one statement, whatever the quoted words. A short sentence
    whose quotation changed shares too few words to pass for the same claim, yet differs exactly
    where a reader most needs to know."""
    if not (_QUOTE_MARKS.search(a.text) and _QUOTE_MARKS.search(b.text)):
        return False  # asked of most pairs a story compares: spare them their facts
    quotes_a, quotes_b = _quotes(a.text), _quotes(b.text)
    if len(quotes_a) != 1 or len(quotes_b) != 1:
        return False
    frame_a = _outside(a, quotes_a[0])
    frame_b = _outside(b, quotes_b[0])
    if len(frame_a) < 3 or not any(k in a.terms for k in frame_a):
        return False  # "He said: '...'" alone names no statement
    return SequenceMatcher(None, frame_a, frame_b, autojunk=False).ratio() >= _FRAME_ALIKE


@lru_cache(maxsize=4096)
def _quotes(text: str) -> tuple[Quote, ...]:
    """A passage's quotations, kept for the pairs it meets next: a passage with a quotation is
    asked for its frame against each other one with a quotation in its story."""
    return tuple(extract_quotes(text))


def _outside(prep: Prepared, quote: Quote) -> list[str]:
    return [
        key
        for key, token in zip(prep.keys, prep.tokens, strict=True)
        if key and not (quote.start <= token.start < quote.end)
    ]


_QUOTED_WORD = re.compile(r"[\w’'-]+")


def _differ_only_in_names(text_a: str, text_b: str) -> bool:
    """Whether two quotations differ only in capitalised words: the same words quoted, with the
    names in them spelled each outlet's way."""
    words_a, words_b = _QUOTED_WORD.findall(text_a), _QUOTED_WORD.findall(text_b)
    matcher = SequenceMatcher(None, [w.lower() for w in words_a], [w.lower() for w in words_b])
    changed = [
        word
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
        for word in (*words_a[i1:i2], *words_b[j1:j2])
    ]
    shared = sum(size for *_, size in matcher.get_matching_blocks())
    return (
        bool(changed)
        and shared >= len(changed)
        and all(any(part[:1].isupper() for part in word.split("-")) for word in changed)
    )


def _anchored_alike(a: Prepared, qa: Quote, b: Prepared, qb: Quote) -> bool:
    """Both quotes follow the same word ("as", "called", "described ... as"), or both open
    their passage, the same speaker is named after them and they are one statement told in
    two wordings ("'We will not back down,' Smith said" against "'We will never back down,'
    Mr. Smith said"), not two things one speaker said."""

    def word_before(prep: Prepared, start: int) -> str:
        before = [i for i, t in enumerate(prep.tokens) if t.end <= start]
        return prep.keys[before[-1]] if before else ""

    def speaker_after(prep: Prepared, quote: Quote) -> str:
        after = [n.key for n in prep.names if n.start >= quote.end]
        return after[0] if after else ""

    before_a, before_b = word_before(a, qa.start), word_before(b, qb.start)
    if before_a or before_b:
        return before_a == before_b
    if not speaker_after(a, qa) == speaker_after(b, qb) != "":
        return False
    words_a = [
        k for k, t in zip(a.keys, a.tokens, strict=True) if k and qa.start <= t.start < qa.end
    ]
    words_b = [
        k for k, t in zip(b.keys, b.tokens, strict=True) if k and qb.start <= t.start < qb.end
    ]
    matcher = SequenceMatcher(None, words_a, words_b, autojunk=False)
    return matcher.ratio() >= _ONE_STATEMENT


# Two quotations by one speaker are one statement when this much of their words is shared
# (difflib ratio over comparison keys); below it, two things the speaker said.
_ONE_STATEMENT = 0.6
