"""Are two passages the same claim, and if so, do they tell it the same way?

The decision has two parts. Similarity says whether two passages speak about the same thing:
informative words in common (weighted by background IDF, synonyms merged), in the same order,
the same names. Then the fact layer checks the slots where outlets differ: numbers, dates,
quotations, qualifiers, negation, names. A pair that is about the same thing and differs in a
slot is a conflict; one that agrees is a match.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import pairwise

from newsterm.conflicts import find_conflicts
from newsterm.facts import Facts, Name, extract_facts
from newsterm.facts.names import extract_names
from newsterm.lexicon import canonical_stem, has_aliases
from newsterm.model import Comparison, Passage
from newsterm.text import NEGATIONS, STOPWORDS, Token, tokenize
from newsterm.weights import idf

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

# "Same claim, told consistently": a logistic model over word-overlap features, fitted on the
# development part of MSRP (rows whose index % 5 != 4) by bench/fit_match.py. Shipped as
# constants so that the decision is deterministic, offline and free of dependencies.
MATCH_BIAS = -4.873
MATCH_WEIGHTS = {
    "word_cosine": 2.629,  # all words, stopwords included, as written
    "length_ratio": 2.418,  # shorter / longer, in tokens
    "unshared_weight": -0.239,  # IDF weight (/10) of the longer side's words the other lacks
    "number_mismatch": -0.595,  # the passages' sets of numbers differ
    "trigram_dice": -1.819,  # shared runs of three canonical stems
    "sequence_ratio": 2.505,  # difflib ratio over canonical stems: same words, same order
    "stem_cosine": 2.521,  # all canonical stems, stopwords included
}


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

    @property
    def facts(self) -> Facts:
        # Two threads may both compute it; the result is the same, so the race is harmless.
        found = self._facts
        if found is None:
            found = self._facts = extract_facts(self.text, self.published, self.names)
        return found

    @property
    def numbers(self) -> frozenset[float]:
        return frozenset(q.value for q in self.facts.quantities)


def _is_term(token: Token) -> bool:
    return (
        token.norm not in STOPWORDS
        and token.norm not in NEGATIONS
        and not token.is_number
        and (len(token.norm) > 1)
    )


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
    ref = _as_date(published)
    tokens = tuple(tokenize(text))
    capitals_tell = False if headline else None
    names = tuple(extract_names(text, capitals_tell=capitals_tell, name_words=name_words))
    keys = [canonical_stem(t.stem) for t in tokens]
    content_mask = [_is_term(t) for t in tokens]
    # A name spelled differently ("US", "U.S.", "United States") becomes one key, so that house
    # style neither lowers similarity nor shows up as a difference.
    for name in names:
        covered = [i for i, t in enumerate(tokens) if name.start <= t.start and t.end <= name.end]
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
        weight=math.fsum(idf(term) for term in terms),
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


@lru_cache(maxsize=4096)
def _prepare_cached(text: str, published: date | None) -> Prepared:
    return prepare(text, published)


def _as_date(value: date | datetime | str | None) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    from newsterm.ingest.metadata import parse_date

    parsed = parse_date(str(value))
    return parsed.date() if parsed else None


def similarity(a: Prepared, b: Prepared) -> tuple[float, float]:
    """(symmetric similarity, containment of the shorter in the longer), both 0..1."""
    if not a.terms or not b.terms:
        return (1.0, 1.0) if a.keys == b.keys and a.keys else (0.0, 0.0)
    shared = a.terms & b.terms
    # fsum: exact whatever order the set yields its terms in, so a score never depends on
    # the hash seed (a last-bit difference can tip a threshold or a tie).
    overlap = math.fsum(idf(term) for term in shared)
    cosine = overlap / math.sqrt(a.weight * b.weight)
    containment = overlap / min(a.weight, b.weight)
    if a.bigrams and b.bigrams:
        order = len(a.bigrams & b.bigrams) / math.sqrt(len(a.bigrams) * len(b.bigrams))
    else:
        order = cosine
    symmetric = 0.75 * cosine + 0.25 * order
    return min(symmetric, 1.0), min(containment, 1.0)


def match_features(a: Prepared, b: Prepared, sequence: bool = True) -> dict[str, float]:
    """The word-overlap features the match decision weighs (see MATCH_WEIGHTS); without
    `sequence`, the one costly feature (a word-order alignment) is left out."""
    tri_a, tri_b = a.trigrams, b.trigrams
    unshared = max(
        math.fsum(idf(t) for t in a.terms - b.terms), math.fsum(idf(t) for t in b.terms - a.terms)
    )
    features = {
        "word_cosine": _cosine(a.words, b.words),
        "length_ratio": min(len(a.tokens), len(b.tokens)) / max(len(a.tokens), len(b.tokens), 1),
        "unshared_weight": unshared / 10,
        "number_mismatch": float(a.numbers != b.numbers),
        "trigram_dice": 2 * len(tri_a & tri_b) / (len(tri_a) + len(tri_b)) if tri_a or tri_b else 0,
        "stem_cosine": _cosine(a.stem_set, b.stem_set),
    }
    if sequence:
        matcher = SequenceMatcher(None, a.stems, b.stems, autojunk=False)
        features["sequence_ratio"] = matcher.ratio()
    return features


def _cosine(x: frozenset[str], y: frozenset[str]) -> float:
    return len(x & y) / math.sqrt(len(x) * len(y)) if x and y else 0.0


def match_probability(a: Prepared, b: Prepared) -> float:
    """How likely two passages are the same claim told consistently (0..1)."""
    features = match_features(a, b)
    z = MATCH_BIAS + sum(MATCH_WEIGHTS[name] * value for name, value in features.items())
    return 1 / (1 + math.exp(-z))


def _model_says_match(a: Prepared, b: Prepared) -> bool:
    """match_probability(a, b) >= MATCH_THRESHOLD, without the word-order alignment when the
    other features already settle it (the alignment's term lies between 0 and its weight)."""
    cut = math.log(MATCH_THRESHOLD / (1 - MATCH_THRESHOLD))
    z = MATCH_BIAS + sum(
        MATCH_WEIGHTS[name] * value for name, value in match_features(a, b, False).items()
    )
    weight = MATCH_WEIGHTS["sequence_ratio"]
    if z + min(weight, 0.0) >= cut:
        return True
    if z + max(weight, 0.0) < cut:
        return False
    ratio = SequenceMatcher(None, a.stems, b.stems, autojunk=False).ratio()
    return z + weight * ratio >= cut


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


def compare_prepared(a: Prepared, b: Prepared) -> Comparison:
    """Relate two prepared passages: match, conflict or unrelated, with a score and reasons."""
    symmetric, containment = similarity(a, b)
    # Same claim: enough shared substance both ways, or one passage contained in the other.
    claim = max(symmetric, 0.8 * containment + 0.2 * symmetric)
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
    if conflicts:
        return Comparison("conflict", round(claim, 4), tuple(conflicts), round(claim, 4))
    # One outlet often tells the claim inside a longer sentence (with its source, or one more
    # detail): a passage mostly contained in the other is the same claim even when the
    # paraphrase model, fitted on sentence pairs of similar length, doubts it.
    contained = containment >= CONTAINED_THRESHOLD and symmetric >= MATCH_THRESHOLD
    if claim >= RELATED_THRESHOLD and (contained or _model_says_match(a, b)):
        return Comparison("match", round(claim, 4), (), round(claim, 4))
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
        _prepare_cached(text_a, _as_date(published_a)),
        _prepare_cached(text_b, _as_date(published_b)),
    )
