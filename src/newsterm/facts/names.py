"""Capitalised names: who and where a passage is about.

No model, no gazetteer: a name is a run of capitalised words (with "of", "de", "al-" and the
like allowed inside), minus what is capitalised only because a sentence starts there. Names feed
two things: story grouping (shared names tie articles together) and entity conflicts (a different
name in the same place of the same claim).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsterm.facts.dates import MONTHS, WEEKDAYS
from newsterm.lexicon import canonical_name, known_name
from newsterm.text import STOPWORDS, char_before, fold

_NAME_RUN = re.compile(
    r"(?:[A-Z][\w’'.-]*|[A-Z]\.)(?:\s+(?:(?:of|de|da|del|der|van|von|bin|al|la|le|du|the)\s+)?"
    r"(?:[A-Z][\w’'.-]*|[A-Z]\.))*"
)
_NOT_NAMES = frozenset(
    {*MONTHS, *WEEKDAYS, "i", "mr", "mrs", "ms", "dr", "sir", "prof"}
    | {w for w in STOPWORDS if len(w) > 1}
    | set(
        """according asked meanwhile however earlier later also after before while despite
    yesterday today tonight officials official police people president minister""".split()
    )
)


@dataclass(frozen=True, slots=True)
class Name:
    text: str
    start: int
    end: int
    key: str  # canonical form: "united states" for "US", "U.S." and "America"


def _strip_possessive(word: str) -> str:
    return re.sub(r"[’']s$", "", word)


def extract_names(text: str) -> list[Name]:
    """Names in a passage, in order; a lone capitalised word at the start of a sentence is skipped
    unless it is written like a name elsewhere in the passage."""
    names = []
    for m in _NAME_RUN.finditer(text):
        raw = m.group().rstrip(".’'-")
        start = m.start()
        words = raw.split()
        # Drop leading words that are capitalised function words ("The", "In", "According").
        while words and fold(words[0]) in _NOT_NAMES:
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else m.end()
            words = words[1:]
        while words and fold(words[-1]) in _NOT_NAMES:
            words = words[:-1]
        if not words:
            continue
        surface = " ".join(_strip_possessive(w) for w in words)
        end = start + len(" ".join(words))
        sentence_start = _opens_sentence(text, start)
        if (
            sentence_start
            and len(words) == 1
            and not _written_as_name(text, words[0], start)
            and not _possessive_name(words[0])
            and not known_name(canonical_name(surface))
        ):
            continue
        names.append(Name(surface, start, min(end, len(text)), canonical_name(surface)))
    return names


_SENTENCE_OPENERS = frozenset('.!?:;"“‘(')


def _opens_sentence(text: str, start: int) -> bool:
    """Whether `start` follows the start of the text or a sentence's end, spaces aside.

    Looked up backwards from `start`: matching a pattern against all the text before each name
    made names cost time quadratic in the length of a passage.
    """
    before = char_before(text, start)
    if not before:
        return start == 0 or text[:start] == "\n"
    return before in _SENTENCE_OPENERS


def _possessive_name(word: str) -> bool:
    """ "Japan's", "Musk's": a sentence-initial word that owns something is a name; the common
    words that start a sentence with a possessive ("Today's") are in _NOT_NAMES."""
    bare = _strip_possessive(word)
    return bare != word and bare[:1].isupper() and fold(bare) not in _NOT_NAMES


def _written_as_name(text: str, word: str, first: int) -> bool:
    """True when a sentence-initial word is capitalised again later (so it is a name)."""
    bare = _strip_possessive(word)
    pattern = r"(?<![.!?]\s)\b" + re.escape(bare) + r"\b"
    return re.search(pattern, text[first + len(word) :]) is not None
