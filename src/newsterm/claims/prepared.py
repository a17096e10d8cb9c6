"""A passage made ready for comparison: tokens, comparison keys, weighted terms, names, and
its facts on demand.

Preparing costs more than comparing (tokens, stems, names; facts most of all), and a passage
meets several others in its story, so it is prepared once and compared many times.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import pairwise

from newsterm.facts.extract import Facts, extract_facts
from newsterm.facts.names import Name, extract_names
from newsterm.facts.negation import NEGATIONS
from newsterm.facts.numbers import may_hold_quantity
from newsterm.facts.quantity import Quantity
from newsterm.facts.timestamps import parse_date
from newsterm.text.lexicon import canonical_stems, has_aliases
from newsterm.text.tokens import STOPWORDS, Token, tokenize
from newsterm.text.weights import weights


@dataclass(slots=True)
class Prepared:
    """A passage made ready for comparison: tokens, weighted terms and facts, computed once.

    The fact layer (numbers, dates, quotes: most of the cost of preparing) runs only when a
    comparison first asks for it. In a story, nineteen passages in twenty meet no counterpart
    close enough to be checked for conflicts, so most never pay for it. Names are found up
    front, because the comparison keys (one key per spelling of a name) depend on them.
    """

    text: str
    tokens: tuple[Token, ...]
    keys: tuple[str, ...]  # canonical stem of every token, in order (the diff alphabet)
    terms: frozenset[str]  # informative canonical stems
    weight: float  # sum of the terms' weights
    bigrams: frozenset[tuple[str, str]]
    names: tuple[Name, ...]
    published: date | None
    published_inferred: bool = False
    # An article's headline: telegraphic, often in title case, so only the checks that do not
    # read its wording (figures, dates, a denial) are run on it (see find_conflicts).
    headline: bool = False
    # For the match model (see match_features), computed once per passage rather than per pair.
    words: frozenset[str] = frozenset()  # every token as written, stopwords included
    stems: tuple[str, ...] = ()  # every non-empty canonical stem, in order
    stem_set: frozenset[str] = frozenset()
    trigrams: frozenset[tuple[str, str, str]] = frozenset()
    _facts: Facts | None = field(default=None, repr=False, compare=False)
    _figures: bool | None = field(default=None, repr=False, compare=False)
    # Counts the conflict checks take of one passage whatever the other (how many words deny),
    # kept once found: a passage meets several others in its story (see conflicts.negation).
    counts: dict[object, int] = field(default_factory=dict, repr=False, compare=False)
    # The nouns its figures count (see conflicts.numbers.counted_nouns), kept once found.
    counted_nouns: frozenset[str] | None = field(default=None, repr=False, compare=False)

    @property
    def facts(self) -> Facts:
        # Two threads may both compute it; the result is the same, so the race is harmless.
        found = self._facts
        if found is None:
            found = self._facts = extract_facts(self.text, self.published, self.names)
        return found

    @property
    def quantities(self) -> tuple[Quantity, ...]:
        """The passage's figures. A passage with none possible (no digit, currency sign or
        number word: see may_hold_quantity) has none without its facts being extracted: the
        match model asks every pair it weighs whether their figures differ."""
        figures = self._figures
        if figures is None:
            figures = self._figures = self._facts is not None or may_hold_quantity(self.text)
        return self.facts.quantities if figures else ()

    @property
    def numbers(self) -> frozenset[float]:
        return frozenset(q.value for q in self.quantities)


def told_stems(prep: Prepared) -> set[str]:
    """Every stem a passage tells, canonical or as stemmed: what a word of the other passage is
    looked up in to know whether this one mentions it at all."""
    return set(prep.keys) | {token.stem for token in prep.tokens}


# What is never an informative term: stopwords and negations (besides numbers and single
# letters, tested in prepare).
_NOT_TERMS = STOPWORDS | NEGATIONS


def prepare(
    text: str,
    published: date | datetime | str | None = None,
    published_inferred: bool = False,
    *,
    headline: bool = False,
    name_words: frozenset[str] = frozenset(),
) -> Prepared:
    """Tokenise a passage and extract its facts; `published` anchors relative dates. For a
    headline, `name_words` are the words its article's body writes as names (see
    extract_names)."""
    ref = as_date(published)
    tokens = tuple(tokenize(text))
    capitals_tell = False if headline else None
    names = tuple(extract_names(text, capitals_tell=capitals_tell, name_words=name_words))
    keys = canonical_stems([t.stem for t in tokens])
    # A term: not in _NOT_TERMS, not a number, longer than a letter. Tested inline: a call per
    # token cost more than the test.
    content_mask = [
        norm not in _NOT_TERMS and len(norm) > 1 and not norm[:1].isdigit()
        for norm in (t.norm for t in tokens)
    ]
    # Tokens do not overlap and come in order, so both their starts and their ends ascend, and
    # the tokens inside a name are one run, found by bisection instead of a pass over all tokens
    # for each name.
    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    # A name spelled differently ("US", "U.S.", "United States") becomes one key, so that house
    # style neither lowers similarity nor shows up as a difference.
    for name in names:
        covered = range(bisect_left(starts, name.start), bisect_right(ends, name.end))
        if covered and (
            has_aliases(name.key) or name.key != " ".join(tokens[i].norm for i in covered)
        ):
            keys[covered[0]] = "@" + name.key
            content_mask[covered[0]] = True
            for i in covered[1:]:
                keys[i] = ""
                content_mask[i] = False
    content = [key for key, is_content in zip(keys, content_mask, strict=True) if is_content]
    terms = frozenset(content)
    stems = tuple(key for key in keys if key)
    return Prepared(
        text=text,
        tokens=tokens,
        keys=tuple(keys),
        terms=terms,
        weight=math.fsum(map(weights().__getitem__, terms)),
        bigrams=frozenset(pairwise(content)),
        names=names,
        published=ref,
        published_inferred=published_inferred,
        headline=headline,
        words=frozenset(t.norm for t in tokens),
        stems=stems,
        stem_set=frozenset(stems),
        trigrams=frozenset(zip(stems, stems[1:], stems[2:], strict=False)),
    )


def as_date(value: date | datetime | str | None) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    parsed = parse_date(str(value))
    return parsed.date() if parsed else None
