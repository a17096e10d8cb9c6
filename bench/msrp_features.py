"""Would richer word features lift MSRP? A check of the match model's ceiling, not a fit to ship.

bench/fit_match.py fits the shipped match model on seven word-overlap features. This script
adds thirteen more of the kind feature-based paraphrase systems use (content-word precision
both ways, n-gram precision both ways for n = 2..4, longest common subsequence, length
difference, idf-weighted similarity and containment, name and number overlap, unshared
weight on the lighter side), fits the same logistic regression on the development part of
MSRP (rows whose index % 5 != 4) for both feature sets, and prints held-out accuracy:

- "model alone": the logistic model's own decision;
- "as newsterm decides": a pair is a match only if no conflict is found and the model (or
  the containment rule) says so, which is what bench/accuracy.py scores.

Features are standardised on the development part, so plain gradient descent converges in
a few hundred steps. Pure Python, no extra packages: about a minute.

    python bench/msrp_features.py [--iterations 600]
"""

from __future__ import annotations

import argparse
import json
import statistics
from difflib import SequenceMatcher

from fit_match import MSRP, _accuracy, _fit
from newsterm.claims.compare import (
    CONTAINED_THRESHOLD,
    MATCH_THRESHOLD,
    RELATED_THRESHOLD,
    compare_prepared,
)
from newsterm.claims.prepared import Prepared, as_date, prepare
from newsterm.claims.similarity import match_features, similarity
from newsterm.text.tokens import STOPWORDS
from newsterm.text.weights import idf


def _grams(seq: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(seq[i : i + n]) for i in range(len(seq) - n + 1)}


def _both_ways(shared: int, a: int, b: int) -> tuple[float, float]:
    """(lower, higher) of the shared count's precision against each side."""
    pa, pb = (shared / a if a else 0.0), (shared / b if b else 0.0)
    return min(pa, pb), max(pa, pb)


def extra_features(a: Prepared, b: Prepared) -> dict[str, float]:
    stems_a, stems_b = list(a.stems), list(b.stems)
    content_a = {s for s in stems_a if s not in STOPWORDS}
    content_b = {s for s in stems_b if s not in STOPWORDS}
    features: dict[str, float] = {}
    shared = len(content_a & content_b)
    low, high = _both_ways(shared, len(content_a), len(content_b))
    features["content_precision_low"], features["content_precision_high"] = low, high
    features["content_unshared_most"] = max(len(content_a - content_b), len(content_b - content_a))
    for n in (2, 3, 4):
        grams_a, grams_b = _grams(stems_a, n), _grams(stems_b, n)
        low, high = _both_ways(len(grams_a & grams_b), len(grams_a), len(grams_b))
        features[f"{n}gram_precision_low"], features[f"{n}gram_precision_high"] = low, high
    matcher = SequenceMatcher(None, stems_a, stems_b, autojunk=False)
    common = sum(block.size for block in matcher.get_matching_blocks())
    features["lcs"] = common / max(len(stems_a), len(stems_b), 1)
    features["length_difference"] = abs(len(a.tokens) - len(b.tokens))
    features["idf_similarity"], features["idf_containment"] = similarity(a, b)
    keys_a, keys_b = {n.key for n in a.names}, {n.key for n in b.names}
    features["names_shared"] = len(keys_a & keys_b) / len(keys_a | keys_b) if keys_a | keys_b else 1
    numbers_a, numbers_b = a.numbers, b.numbers
    union = numbers_a | numbers_b
    features["numbers_shared"] = len(numbers_a & numbers_b) / len(union) if union else 1.0
    features["unshared_weight_least"] = min(
        sum(idf(t) for t in a.terms - b.terms), sum(idf(t) for t in b.terms - a.terms)
    )
    return features


def _standardise(rows: list[list[float]], reference: list[list[float]]) -> list[list[float]]:
    columns = list(zip(*reference, strict=True))
    means = [statistics.fmean(c) for c in columns]
    spreads = [statistics.pstdev(c) or 1.0 for c in columns]
    return [[(v - m) / s for v, m, s in zip(row, means, spreads, strict=True)] for row in rows]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=600)
    args = parser.parse_args(argv)
    base, extended, labels, parts, decided = [], [], [], [], []
    with open(MSRP, encoding="utf-8") as handle:
        for index, line in enumerate(handle):
            row = json.loads(line)
            a = prepare(row["a"], as_date(row.get("date_a")))
            b = prepare(row["b"], as_date(row.get("date_b")))
            first = list(match_features(a, b).values())
            base.append(first)
            extended.append(first + list(extra_features(a, b).values()))
            labels.append(int(row["label"] == "match"))
            parts.append("held" if index % 5 == 4 else "dev")
            symmetric, containment = similarity(a, b)
            comparison = compare_prepared(a, b)
            decided.append(
                (
                    comparison.relation != "conflict" and comparison.score >= RELATED_THRESHOLD,
                    containment >= CONTAINED_THRESHOLD and symmetric >= MATCH_THRESHOLD,
                )
            )
    dev = [k for k, part in enumerate(parts) if part == "dev"]
    held = [k for k, part in enumerate(parts) if part == "held"]
    print(f"MSRP: {len(dev)} development pairs, {len(held)} held-out")
    for name, matrix in (("shipped 7 features", base), ("with 13 more (20)", extended)):
        scaled = _standardise(matrix, [matrix[k] for k in dev])
        weights = _fit([(scaled[k], labels[k]) for k in dev], args.iterations, 0.5)
        alone = _accuracy(weights, [(scaled[k], labels[k]) for k in held])
        right = 0
        for k in held:
            z = weights[0] + sum(w * v for w, v in zip(weights[1:], scaled[k], strict=True))
            open_to_match, contained = decided[k]
            right += (open_to_match and (contained or z >= 0)) == bool(labels[k])
        print(
            f"  {name:<20} held-out accuracy: model alone {alone:.3f}, "
            f"as newsterm decides {right / len(held):.3f}"
        )
    gold = [k for k in held if labels[k]]
    closed = sum(1 for k in gold if not decided[k][0])
    print(f"  held-out gold paraphrases a conflict (or too little overlap) rules out: {closed}")
    print(f"  of {len(gold)}: no model can call these a match")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
