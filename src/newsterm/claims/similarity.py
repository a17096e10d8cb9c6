"""How alike two prepared passages are: shared informative words, in the same order, and the
match model's estimate that they are the same claim told consistently.
"""

from __future__ import annotations

import math
from difflib import SequenceMatcher

from newsterm.claims.prepared import Prepared
from newsterm.text.lexicon import meanings
from newsterm.text.weights import weights

# "Same claim, told consistently": a logistic model over word-overlap features, fitted on the
# development part of MSRP (rows whose index % 5 != 4) by bench/fit_match.py. Shipped as
# constants so that the decision is deterministic, offline and free of dependencies.
MATCH_BIAS = -4.821
MATCH_WEIGHTS = {
    "word_cosine": 2.580,  # all words, stopwords included, as written
    "length_ratio": 2.390,  # shorter / longer, in tokens
    "unshared_weight": -0.248,  # IDF weight (/10) of the longer side's words the other lacks
    "number_mismatch": -0.602,  # the passages' sets of numbers differ
    "trigram_dice": -1.782,  # shared runs of three canonical stems
    "sequence_ratio": 2.499,  # difflib ratio over canonical stems: same words, same order
    "stem_cosine": 2.509,  # all canonical stems, stopwords included
    "synonym_cover": 1.353,  # unshared informative words with a synonym on the other side
}


def similarity(a: Prepared, b: Prepared) -> tuple[float, float]:
    """(symmetric similarity, containment of the shorter in the longer), both 0..1."""
    if not a.terms or not b.terms:
        return (1.0, 1.0) if a.keys == b.keys and a.keys else (0.0, 0.0)
    shared = a.terms & b.terms
    # fsum: exact whatever order the set yields its terms in, so a score never depends on
    # the hash seed (a last-bit difference can tip a threshold or a tie).
    overlap = math.fsum(map(weights().__getitem__, shared))
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
    features = _in_order(_cheap_features(a, b), float(a.numbers != b.numbers), _synonym_cover(a, b))
    if sequence:
        matcher = SequenceMatcher(None, a.stems, b.stems, autojunk=False)
        features["sequence_ratio"] = matcher.ratio()
    return features


def _cheap_features(a: Prepared, b: Prepared) -> dict[str, float]:
    """The features computed from what prepare kept (word overlaps), without figures, synonyms
    or a word-order alignment: enough to settle most pairs (see model_says_match)."""
    tri_a, tri_b = a.trigrams, b.trigrams
    weight = weights().__getitem__
    unshared = max(
        math.fsum(map(weight, a.terms - b.terms)), math.fsum(map(weight, b.terms - a.terms))
    )
    return {
        "word_cosine": _cosine(a.words, b.words),
        "length_ratio": min(len(a.tokens), len(b.tokens)) / max(len(a.tokens), len(b.tokens), 1),
        "unshared_weight": unshared / 10,
        "trigram_dice": 2 * len(tri_a & tri_b) / (len(tri_a) + len(tri_b)) if tri_a or tri_b else 0,
        "stem_cosine": _cosine(a.stem_set, b.stem_set),
    }


def _in_order(cheap: dict[str, float], number_mismatch: float, cover: float) -> dict[str, float]:
    """All the features but the word-order alignment, in the order the score is summed in: a
    sum taken in another order could differ in its last bit and flip a decision at the edge."""
    return {
        "word_cosine": cheap["word_cosine"],
        "length_ratio": cheap["length_ratio"],
        "unshared_weight": cheap["unshared_weight"],
        "number_mismatch": number_mismatch,
        "trigram_dice": cheap["trigram_dice"],
        "stem_cosine": cheap["stem_cosine"],
        "synonym_cover": cover,
    }


def _synonym_cover(a: Prepared, b: Prepared) -> float:
    """Of the informative words the passages do not share, the share that has a synonym on the
    other side (a WordNet sense in common: "purchase" / "buy", "attorney" / "lawyer"), which a
    paraphrase uses and a different claim does not."""
    only_a, only_b = a.terms - b.terms, b.terms - a.terms
    if not only_a or not only_b:
        return 0.0
    # Pooled per side (see lexicon.meanings): a word is covered when its meanings meet the
    # other side's, one set look-up per word instead of one test per pair of words.
    pool_a = frozenset().union(*(meanings(x) for x in only_a))
    pool_b = frozenset().union(*(meanings(y) for y in only_b))
    covered = sum(not meanings(x).isdisjoint(pool_b) for x in only_a)
    covered += sum(not meanings(y).isdisjoint(pool_a) for y in only_b)
    return covered / (len(only_a) + len(only_b))


def _cosine(x: frozenset[str], y: frozenset[str]) -> float:
    return len(x & y) / math.sqrt(len(x) * len(y)) if x and y else 0.0


def match_probability(a: Prepared, b: Prepared) -> float:
    """How likely two passages are the same claim told consistently (0..1)."""
    features = match_features(a, b)
    z = MATCH_BIAS + sum(MATCH_WEIGHTS[name] * value for name, value in features.items())
    return 1 / (1 + math.exp(-z))


def model_says_match(a: Prepared, b: Prepared, threshold: float) -> bool:
    """match_probability(a, b) >= threshold, without the costly features when the others
    already settle it.

    Each feature lies in a known range (see _FEATURE_RANGES), so the cheap ones (word overlaps,
    computed from what prepare kept) bound the score: when even the most the missing ones could
    add, or take away, leaves it on one side of the threshold, the answer is given without them.
    Left out so are the word-order alignment, the synonym look-ups and, above all, the figures
    (number_mismatch), whose extraction is most of a passage's facts: on 5,000 Reuters articles
    most candidate pairs are settled this way. An unsettled pair is scored exactly as before, the
    features summed in the same order, so no decision moves by the last bit.
    """
    cut = math.log(threshold / (1 - threshold))
    cheap = _cheap_features(a, b)
    partial = MATCH_BIAS + sum(MATCH_WEIGHTS[name] * value for name, value in cheap.items())
    settled = _settled(partial, cut, ("number_mismatch", "synonym_cover", "sequence_ratio"))
    if settled is not None:
        return settled
    cover = _synonym_cover(a, b)
    partial += MATCH_WEIGHTS["synonym_cover"] * cover
    settled = _settled(partial, cut, ("number_mismatch", "sequence_ratio"))
    if settled is not None:
        return settled
    # The exact score from here on: match_features' dict, in its order.
    features = _in_order(cheap, float(a.numbers != b.numbers), cover)
    z = MATCH_BIAS + sum(MATCH_WEIGHTS[name] * value for name, value in features.items())
    seq_weight = MATCH_WEIGHTS["sequence_ratio"]
    if z + min(seq_weight, 0.0) >= cut:
        return True
    if z + max(seq_weight, 0.0) < cut:
        return False
    ratio = SequenceMatcher(None, a.stems, b.stems, autojunk=False).ratio()
    return z + seq_weight * ratio >= cut


# The range of each feature the early decision may leave out: a share or a flag, 0..1.
_FEATURE_RANGES = {
    "number_mismatch": (0.0, 1.0),
    "synonym_cover": (0.0, 1.0),
    "sequence_ratio": (0.0, 1.0),
}
# A partial score summed in another order than the exact one differs from it in the last bits;
# a decision is taken early only with this much room to spare, far beyond any rounding.
_MARGIN = 1e-9


def _settled(partial: float, cut: float, missing: tuple[str, ...]) -> bool | None:
    """True or False when no values of the `missing` features can move `partial` (the score
    without them) across `cut`; None when they can."""
    low = high = partial
    for name in missing:
        lo, hi = _FEATURE_RANGES[name]
        w = MATCH_WEIGHTS[name]
        low += min(w * lo, w * hi)
        high += max(w * lo, w * hi)
    if low - _MARGIN >= cut:
        return True
    if high + _MARGIN < cut:
        return False
    return None
