"""Which words of a passage differ from its counterparts, for marking in views and exports.

Words are compared by stem, so "killed"/"kill" do not light up, but synonyms do ("wounded" and
"injured" are different words even when they make the same claim): a reader comparing wording
wants to see them. Stopword-only differences are not marked; they are noise. A word that both
passages use but in a different place ("in 2024 from North Korea" / "from North Korea in 2024")
is not marked either: order is style, and marking it would make an agreement look like a change.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from newsterm.text.tokens import STOPWORDS, Token, tokenize

Span = tuple[int, int]


def _keys(tokens: Sequence[Token]) -> list[str]:
    return [t.stem for t in tokens]


def _matched(a: Sequence[Token], b: Sequence[Token]) -> tuple[set[int], set[int]]:
    """Token indices of a and of b that the alignment pairs as equal."""
    matcher = SequenceMatcher(None, _keys(a), _keys(b), autojunk=False)
    in_a: set[int] = set()
    in_b: set[int] = set()
    for block in matcher.get_matching_blocks():
        in_a.update(range(block.a, block.a + block.size))
        in_b.update(range(block.b, block.b + block.size))
    # Moved words: pair what is left over, one for one, by stem.
    left_in_b: dict[str, list[int]] = {}
    for j, token in enumerate(b):
        if j not in in_b and token.norm not in STOPWORDS:
            left_in_b.setdefault(token.stem, []).append(j)
    for i, token in enumerate(a):
        if i in in_a or token.norm in STOPWORDS:
            continue
        waiting = left_in_b.get(token.stem)
        if waiting:
            in_a.add(i)
            in_b.add(waiting.pop(0))
    return in_a, in_b


def _spans(text: str, tokens: Sequence[Token], marked: Sequence[int]) -> list[Span]:
    """Merge marked tokens that follow each other into spans, trimmed of stopwords at the edges."""
    spans: list[list[int]] = []
    for i in sorted(marked):
        if spans and spans[-1][-1] == i - 1:
            spans[-1].append(i)
        else:
            spans.append([i])
    result = []
    for run in spans:
        while run and tokens[run[0]].norm in STOPWORDS:
            run = run[1:]
        while run and tokens[run[-1]].norm in STOPWORDS:
            run = run[:-1]
        if run:
            result.append((tokens[run[0]].start, tokens[run[-1]].end))
    return result


def differing_spans(text: str, others: Sequence[str]) -> list[Span]:
    """Spans of `text` whose words appear (in order) in none of `others`."""
    tokens = tokenize(text)
    if not others:
        return []
    shared: set[int] = set()
    for other in others:
        shared |= _matched(tokens, tokenize(other))[0]
    return _spans(text, tokens, [i for i in range(len(tokens)) if i not in shared])


def pair_spans(a: str, b: str) -> tuple[list[Span], list[Span]]:
    """Differing spans of two passages against each other."""
    ta, tb = tokenize(a), tokenize(b)
    in_a, in_b = _matched(ta, tb)
    return (
        _spans(a, ta, [i for i in range(len(ta)) if i not in in_a]),
        _spans(b, tb, [i for i in range(len(tb)) if i not in in_b]),
    )


def mark(text: str, spans: Sequence[Span], before: str, after: str) -> str:
    """Text with each span wrapped in markers.

    mark("a b c", [(2, 3)], "{+", "+}") gives "a {+b+} c".
    """
    out = []
    cursor = 0
    for start, end in sorted(spans):
        out.append(text[cursor:start])
        out.append(f"{before}{text[start:end]}{after}")
        cursor = end
    out.append(text[cursor:])
    return "".join(out)
