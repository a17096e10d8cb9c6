"""Tokens and normal forms: the vocabulary every other stage compares in.

Matching across outlets has to see through typography ("Russia's" / "Russia’s"), inflection
("killed" / "kill") and house style ("U.S." / "US"), while keeping the original words around for
display. So each token carries its span in the passage, its surface form and a normal form.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

import snowballstemmer

_FORMS_MAX = 500_000


# A token is a number (with thousands separators and decimals), a dotted acronym ("U.S."), or a
# word with inner apostrophes. Hyphens and dashes separate words.
TOKEN_RE = re.compile(
    r"\d+(?:[.,]\d+)*"
    r"|(?:[^\W\d_]\.){2,}"
    r"|[^\W_]+(?:['’][^\W\d_]+)*"
)

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself of off on once only or other our ours ourselves out over own
    same she should so some such than that the their theirs them themselves then there these they
    this those through to too under until up very was we were what when where which while who whom
    why will with would you your yours yourself yourselves s t d ll m re ve y o says said say
    saying told tell according also would could may might must shall upon via per amid among
    across toward towards within without onto whether yet still even however though although
    since unless whose whom many much one's
    """.split()
)

_STEMMER = snowballstemmer.stemmer("english")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


class Token(NamedTuple):
    """A word of a passage: where it is, how it was written, and how it compares.

    A named tuple rather than a frozen dataclass: passages are tokenised by the million on a
    large pile, and a tuple is built about three times faster than a frozen dataclass."""

    start: int
    end: int
    surface: str
    norm: str  # lower-cased, accents folded, apostrophes unified, possessive dropped
    stem: str

    @property
    def is_number(self) -> bool:
        return self.norm[:1].isdigit()

    @property
    def is_capitalised(self) -> bool:
        return self.surface[:1].isupper()


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower-case, fold accents and unify apostrophes: the key two spellings must share."""
    word = word.translate(_APOSTROPHES).lower()
    if not word.isascii():
        decomposed = unicodedata.normalize("NFKD", word)
        word = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    if word.endswith("'s"):
        word = word[:-2]
    elif word.endswith("s'"):
        word = word[:-1]
    if "." in word and not word[:1].isdigit():
        word = word.replace(".", "")  # U.S. -> us, U.N. -> un
    return word


@lru_cache(maxsize=200_000)
def stem(norm: str) -> str:
    """Porter2 stem of a normal form; numbers are their own stem (without separators)."""
    if norm[:1].isdigit():
        return norm.replace(",", "")
    if "'" in norm:
        norm = norm.replace("'", "")
    return _STEMMER.stemWord(norm)


def tokenize(text: str) -> list[Token]:
    """Split a passage into tokens with their spans; punctuation is not a token."""
    tokens = []
    forms = _FORMS
    # The tuple built directly: a named tuple's own __new__ is a Python function, a call per
    # token (some 600,000 for the passages of 5,000 Reuters articles).
    new = tuple.__new__
    for match in TOKEN_RE.finditer(text):
        surface = match.group()
        form = forms.get(surface)
        if form is None:
            norm = fold(surface)
            form = (norm, stem(norm) if norm else "")
            if len(forms) < _FORMS_MAX:
                forms[surface] = form
        if not form[0]:
            continue
        start, end = match.span()
        tokens.append(new(Token, (start, end, surface, form[0], form[1])))
    return tokens


# Normal form and stem of each surface word seen, looked up once per token instead of going
# through two lru_caches. Bounded so that a hostile pile of distinct words cannot grow it
# without limit.
_FORMS: dict[str, tuple[str, str]] = {}


def squash(text: str) -> str:
    """A spelling-insensitive key: letters and digits only ("inter-state" == "interstate")."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


def char_before(text: str, index: int) -> str:
    """The last character before `index` that is not white space; "" when there is none.

    Looked up backwards, so asking it for every name or figure of a passage costs no more than
    the spaces in front of each (slicing and stripping the text before each cost its length).
    """
    while index > 0 and text[index - 1].isspace():
        index -= 1
    return text[index - 1] if index > 0 else ""


def phrase_pattern(phrases: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """Any of `phrases` as whole words, case aside, longest first.

    The first letters are checked before the alternatives: the scan then passes over a word no
    phrase starts with at once, instead of trying every phrase on it, which halved the time of
    looking for qualifiers over Reuters text.
    """
    alternatives = sorted((re.escape(p) for p in phrases), key=len, reverse=True)
    first = "".join(sorted({p[0].lower() for p in phrases}))
    return re.compile(
        r"\b(?=[" + re.escape(first) + r"])(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE
    )
