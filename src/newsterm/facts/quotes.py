"""Quoted spans: the words an outlet puts inside quotation marks.

A quotation is a claim about exact words, so two outlets quoting the same statement with different
words is worth flagging. The hard part is telling quotation marks from apostrophes: "Russia’s" and
'unlawful' both use the same characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsterm.facts.number_words import TENS, UNITS
from newsterm.text.tokens import squash

# "Ten Most Wanted" and "10 Most Wanted" quote the same words: small numbers are compared as
# digits, however each outlet's style writes them.
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join((*UNITS, *TENS)) + r")\b", re.IGNORECASE)
_NUMBER_VALUE = {word: str(value) for word, value in (*UNITS.items(), *TENS.items())}

# Double quotes of every style pair up freely: an opening mark, curly or straight, closes at the
# next double mark of either style. Scraped and re-typed copy mixes them ("... a nuclear bomb,”
# he says. “The world ..."): paired by style alone, the straight marks there enclosed both
# quotations and the words between them. Single quotes only when they sit at word edges ("as
# 'unlawful' by" but not "Russia's").
_QUOTE_RE = re.compile(
    r"[“\"](?P<double>[^”“\"]{1,600})[”\"]"
    r"|«\s?(?P<guillemet>[^»]{1,600}?)\s?»"
    r"|(?<![\w’'])‘(?P<single_curly>[^‘’]{1,300}?)’(?![\w’])"
    r"|(?<![\w'’])'(?P<single>[^']{1,300}?)'(?![\w'’])"
)


@dataclass(frozen=True, slots=True)
class Quote:
    """Words inside quotation marks; `start`/`end` cover the words, not the marks."""

    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        """Spelling-insensitive form: case, punctuation, hyphens and whether a number is written
        in words or digits do not make a quote differ."""
        return squash(_NUMBER_WORD.sub(lambda m: _NUMBER_VALUE[m.group().lower()], self.text))


def extract_quotes(text: str) -> list[Quote]:
    quotes = []
    for m in _QUOTE_RE.finditer(text):
        group = next(name for name, value in m.groupdict().items() if value is not None)
        start, end = m.span(group)
        inner = text[start:end]
        stripped = inner.strip(" ,.;:")
        if not stripped or not any(ch.isalpha() for ch in stripped):
            continue
        offset = inner.index(stripped)
        quotes.append(Quote(stripped, start + offset, start + offset + len(stripped)))
    return quotes


def same_words(a: Quote, b: Quote) -> bool:
    """Two quotes agree when one's words appear within the other's (a shorter excerpt is fine)."""
    ka, kb = a.key, b.key
    if not ka or not kb:
        return True
    ka = ka.removeprefix("the")
    kb = kb.removeprefix("the")
    return ka in kb or kb in ka
