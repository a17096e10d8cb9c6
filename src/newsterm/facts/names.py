"""Capitalised names: who and where a passage is about.

No model, no gazetteer: a name is a run of capitalised words (with "of", "de", "al-" and the
like allowed inside), minus what is capitalised only because a sentence starts there. Names feed
two things: story grouping (shared names tie articles together) and entity conflicts (a different
name in the same place of the same claim).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsterm.facts.dates import MONTHS, WEEKDAYS
from newsterm.text.lexicon import canonical_name, known_name
from newsterm.text.tokens import STOPWORDS, char_before, fold

_NAME_RUN = re.compile(
    r"(?:[A-Z][\w’'.-]*|[A-Z]\.)(?:\s+(?:(?:of|de|da|del|der|van|von|bin|al|la|le|du|the)\s+)?"
    r"(?:[A-Z][\w’'.-]*|[A-Z]\.))*"
)
# Titles written before a name, themselves no part of it.
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "sir", "prof"})
_NOT_NAMES = frozenset(
    {*MONTHS, *WEEKDAYS, "i", *_TITLES}
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


_POSSESSIVE = re.compile(r"[’']s$")


def _strip_possessive(word: str) -> str:
    return _POSSESSIVE.sub("", word)


_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_ASCII_CAPITALS = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LETTERS = _ASCII_CAPITALS + bytes(range(ord("a"), ord("z") + 1))


def capitals_tell_names(text: str) -> bool:
    """Whether capitals in this text set names apart. Not in capitals throughout ("BAHIA COCOA
    REVIEW"), nor in title case, which gives away its capitalised little words ("Huckabee Is
    Running For President"): there nearly every word has a capital."""
    if text.isascii():
        # The same two counts without a Python step per character: in ASCII, a letter is one
        # of A-Z and a-z, and a capital one of A-Z (5,000 Reuters articles: 2.1 -> 0.5 s).
        raw = text.encode("ascii")
        letters = len(raw) - len(raw.translate(None, _ASCII_LETTERS))
        capitals = len(raw) - len(raw.translate(None, _ASCII_CAPITALS))
    else:
        alpha = [c for c in text if c.isalpha()]
        letters, capitals = len(alpha), sum(c.isupper() for c in alpha)
    if letters >= 12 and capitals > 0.8 * letters:
        return False
    content = capitalised = little = 0
    kinds = _WORD_KINDS
    for m in _WORD.finditer(text):
        word = m.group()
        kind = kinds.get(word)
        if kind is None:
            kind = _word_kind(word)
            if len(kinds) < _KINDS_MAX:
                kinds[word] = kind
        if kind is _CONTENT:
            content += 1
        elif kind is _CAPITALISED:
            content += 1
            capitalised += 1
        elif kind is _LITTLE and not _opens_sentence(text, m.start()):
            little += 1
    return not (little and content >= 3 and capitalised >= 0.7 * content)


# What a word tells capitals_tell_names, worked out once per spelling: a content word, a
# capitalised one, a capitalised little word ("Is", "For"), or a word that says nothing.
_CONTENT, _CAPITALISED, _LITTLE, _OTHER = "content", "capitalised", "little", "other"
_WORD_KINDS: dict[str, str] = {}
_KINDS_MAX = 200_000  # bounded: a hostile pile of distinct words cannot grow it without limit


def _word_kind(word: str) -> str:
    if fold(word) not in STOPWORDS:
        return _CAPITALISED if word[0].isupper() else _CONTENT
    if len(word) > 1 and word[0].isupper() and word[1:].islower() and fold(word) != "the":
        return _LITTLE
    return _OTHER


def extract_names(
    text: str, *, capitals_tell: bool | None = None, name_words: frozenset[str] = frozenset()
) -> list[Name]:
    """Names in a passage, in order; a lone capitalised word at the start of a sentence is skipped
    unless it is written like a name elsewhere in the passage.

    Where capitals say nothing (see capitals_tell_names; a headline's never do), a name is one
    the lexicon knows, or a run of `name_words`: words the article's own body writes as names
    ("McCain" in "Targeted McCain For Cutting $800 Billion").
    """
    case_tells = capitals_tell_names(text) if capitals_tell is None else capitals_tell
    if not case_tells:
        return _names_without_capitals(text, name_words)
    names = []
    for m in _NAME_RUN.finditer(text):
        raw = m.group().rstrip(".’'-")
        start = m.start()
        words = raw.split()
        # Drop leading words that are capitalised function words ("The", "In", "According").
        titled = False
        while words and fold(words[0]) in _NOT_NAMES:
            titled = titled or fold(words[0]) in _TITLES
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else m.end()
            words = words[1:]
        while words and fold(words[-1]) in _NOT_NAMES:
            words = words[:-1]
        if not words:
            continue
        surface = " ".join(_strip_possessive(w) for w in words)
        end = start + len(" ".join(words))
        # After "Mr." the next word follows a full stop yet opens no sentence: a title names
        # whoever comes next (the New York Times' "Mr. Netanyahu" was otherwise no name at all).
        sentence_start = not titled and _opens_sentence(text, start)
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


def _names_without_capitals(text: str, name_words: frozenset[str]) -> list[Name]:
    names = []
    for m in _NAME_RUN.finditer(text):
        raw = m.group().rstrip(".’'-")
        key = canonical_name(_strip_possessive(raw))
        if known_name(key):
            names.append(Name(_strip_possessive(raw), m.start(), m.start() + len(raw), key))
            continue
        run: list[re.Match[str]] = []
        for word in [*re.finditer(r"\S+", raw), None]:
            bare = _strip_possessive(word.group()).rstrip(".’'-,") if word else ""
            folded = fold(bare)
            if (
                word
                and folded not in _NOT_NAMES
                and (folded in name_words or known_name(canonical_name(bare)))
            ):
                run.append(word)
                continue
            if run:
                first, last = run[0], run[-1]
                surface = _strip_possessive(raw[first.start() : last.end()]).rstrip(".’'-,")
                start = m.start() + first.start()
                names.append(Name(surface, start, start + len(surface), canonical_name(surface)))
                run = []
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
    if before == '"':
        # A straight mark opens a quotation or closes one: after ',"' the quotation closed and
        # the sentence goes on ('"We will not back down," Smith said').
        mark = text.rindex('"', 0, start)
        return char_before(text, mark) != ","
    return before in _SENTENCE_OPENERS


def _possessive_name(word: str) -> bool:
    """ "Japan's", "Musk's": a sentence-initial word that owns something is a name; the common
    words that start a sentence with a possessive ("Today's") are in _NOT_NAMES."""
    bare = _strip_possessive(word)
    return bare != word and bare[:1].isupper() and fold(bare) not in _NOT_NAMES


def _written_as_name(text: str, word: str, first: int) -> bool:
    """True when a sentence-initial word is capitalised again later (so it is a name)."""
    # Searched in the slice, not from a position: the slice's start is a word boundary.
    later = text[first + len(word) :]
    bare = _strip_possessive(word)
    # Most such words are not in the rest of the passage at all: then no pattern is compiled
    # (a pattern per distinct word cost a fifth of finding names on 5,000 Reuters articles).
    if bare not in later:
        return False
    return _later_pattern(bare).search(later) is not None


@lru_cache(maxsize=4096)
def _later_pattern(bare: str) -> re.Pattern[str]:
    """The word elsewhere than at a sentence's start; compiled once per word (compiling it at
    each call took a third of finding names)."""
    return re.compile(r"(?<![.!?]\s)\b" + re.escape(bare) + r"\b")
