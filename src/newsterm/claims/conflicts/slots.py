"""The word-slot alignment every conflict check shares.

Two passages that make the same claim are aligned word by word (difflib over canonical stems);
the stretches where they differ are the slots where one fact can stand in for another. A figure,
a date or a quote is compared with the one in the same slot of the other passage, and what the
two share just before a fact says what it is about ("other countries in the monitoring group").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from operator import itemgetter

from newsterm.claims.prepared import Prepared
from newsterm.text.tokens import STOPWORDS

Span = tuple[int, int]


Slot = tuple[Span, Span]  # the character ranges of one differing region, in a and in b
# One difflib opcode over the two passages' keys: (tag, i1, i2, j1, j2), token ranges in a and b.
Op = tuple[str, int, int, int, int]


_token_end = itemgetter(1)  # a Token's end

# The widest rewritten stretch (in words, either side) in which one fact can replace another.
SLOT_WIDTH = 6


def opcodes(a: Prepared, b: Prepared) -> list[Op]:
    """Where two passages' keys differ. Asked for the same pair by the conflict checks, the
    combiner's features and the added details, so the last few answers are kept."""
    return list(_opcodes(a.keys, b.keys))


@lru_cache(maxsize=64)
def _opcodes(keys_a: tuple[str, ...], keys_b: tuple[str, ...]) -> tuple[Op, ...]:
    matcher = SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    return tuple(op for op in matcher.get_opcodes() if op[0] != "equal")


def char_span(prep: Prepared, i1: int, i2: int) -> Span:
    if i1 >= i2:
        # An insertion point: the gap between two tokens.
        left = prep.tokens[i1 - 1].end if i1 > 0 else 0
        right = prep.tokens[i1].start if i1 < len(prep.tokens) else len(prep.text)
        return left, right
    return prep.tokens[i1].start, prep.tokens[i2 - 1].end


def inside(span: Span, start: int, end: int) -> bool:
    return (
        (span[0] <= start and end <= span[1])
        or (start <= span[0] < end)
        or (start < span[1] <= end)
    )


def same_slot(slots: list[Slot], a_range: Span, b_range: Span) -> bool:
    return any(inside(sa, *a_range) and inside(sb, *b_range) for sa, sb in slots)


def shared_context(a: Prepared, a_start: int, b: Prepared, b_start: int) -> list[int]:
    """Shared words just before two facts (token indices in a): where in the claim they sit.

    Of the word runs the two passages share in the dozen words before the facts, the phrase
    kept is the head of a common-noun phrase ("monitoring group" out of "sanctions monitoring
    group including South Korea"), since it names what the facts are about.
    """

    def window(prep: Prepared, start: int) -> list[int]:
        # Tokens come in order without overlapping, so their ends ascend and the ones ending
        # before `start` are a prefix, found by bisection rather than a pass over the passage.
        before = bisect_right(prep.tokens, start, key=_token_end)
        return list(range(max(0, before - 12), before))

    wa, wb = window(a, a_start), window(b, b_start)
    b_keys = [b.keys[i] for i in wb]
    chunks: list[tuple[int, int, list[int]]] = []
    for i in range(len(wa)):
        for j in range(len(b_keys)):
            if i and j and a.keys[wa[i - 1]] == b_keys[j - 1]:
                continue  # not the start of a maximal run
            k = 0
            while i + k < len(wa) and j + k < len(b_keys) and a.keys[wa[i + k]] == b_keys[j + k]:
                k += 1
            chunk = _head_chunk(a, wa[i : i + k])
            if len(chunk) == 2:
                proper = any(a.tokens[t].is_capitalised for t in chunk)
                chunks.append((proper, -k, chunk))
    if not chunks:
        return []
    return min(chunks, key=lambda item: (item[0], item[1], item[2][0]))[2]


def phrase_text(prep: Prepared, chunk: list[int]) -> str:
    return prep.text[prep.tokens[chunk[0]].start : prep.tokens[chunk[-1]].end] if chunk else ""


def _head_chunk(prep: Prepared, run: list[int]) -> list[int]:
    """The last two words of the first run of content words (a noun phrase ends in its head)."""
    chunk: list[int] = []
    for i in run:
        if prep.keys[i] == "":
            continue  # the rest of a multi-word name
        if prep.tokens[i].norm in STOPWORDS or prep.tokens[i].norm in _CHUNK_BREAKS:
            if len(chunk) >= 2:
                break
            chunk = []
            continue
        chunk.append(i)
    return chunk[-2:] if len(chunk) >= 2 else []


_CHUNK_BREAKS = frozenset(
    "including comprising such like which led backed based called named known".split()
)


# Punctuation that ends a clause: a name, or a negation, does not reach past it.
CLAUSE_END = re.compile(r"[.;:!?]")


def phrase(prep: Prepared, i1: int, i2: int, pad: int = 1) -> str:
    lo, hi = max(0, i1 - pad), min(len(prep.tokens), i2 + pad)
    if lo >= hi:
        return ""
    return prep.text[prep.tokens[lo].start : prep.tokens[hi - 1].end]


def replaced_pairs(ops: list[Op], widest: int) -> Iterator[tuple[int, int]]:
    """Token pairs (i in a, j in b) facing each other in a short replaced stretch (at most
    `widest` words a side) of an otherwise shared claim: where a swapped word would sit."""
    for tag, i1, i2, j1, j2 in ops:
        if tag != "replace" or (i2 - i1) > widest or (j2 - j1) > widest:
            continue
        for i in range(i1, i2):
            for j in range(j1, j2):
                yield i, j


def swapped(word_a: str, word_b: str, seq_a: Sequence[str], seq_b: Sequence[str]) -> bool:
    """True when a has one more `word_a` and b one more `word_b` than the other passage: a word
    put in place of another. A word both passages use as often was only moved."""
    return seq_a.count(word_a) > seq_b.count(word_a) and seq_b.count(word_b) > seq_a.count(word_b)
