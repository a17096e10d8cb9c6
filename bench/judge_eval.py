"""Claim judgement on the labelled pairs, development, held-out and per story side by side.

    python bench/judge_eval.py                 # every figure the issue's targets name
    python bench/judge_eval.py --errors out.jsonl

Prints, for SummEdits (balanced accuracy, conflict recall, recall on changed numbers or dates,
consistent pairs flagged), MSRP (accuracy of "match") and ClaimDiff (consistent pairs called a
conflict): the development part, the held-out part, and, for SummEdits, the figures pooled over
its 13 stories when each story is judged by a model fitted without it (leave-one-story-out;
see bench/fit_judge.py, which writes those predictions to bench/out/loso.json).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable

import newsterm
from judge_data import ROOT, Pair, load

LOSO = ROOT / "bench" / "out" / "loso.json"


def summedits_figures(rows: Iterable[tuple[Pair, bool]]) -> dict[str, float]:
    tp = fn = fp = tn = num_hit = num_total = 0
    for pair, said in rows:
        if pair.label == "conflict":
            tp += said
            fn += not said
            if pair.numeric:
                num_total += 1
                num_hit += said
        else:
            fp += said
            tn += not said
    recall = tp / max(tp + fn, 1)
    flagged = fp / max(fp + tn, 1)
    return {
        "pairs": tp + fn + fp + tn,
        "balanced_accuracy": (recall + 1 - flagged) / 2,
        "conflict_recall": recall,
        "consistent_flagged": flagged,
        "numeric_recall": num_hit / max(num_total, 1),
        "numeric_pairs": num_total,
    }


def msrp_figures(rows: Iterable[tuple[Pair, str]]) -> dict[str, float]:
    right = total = 0
    for pair, relation in rows:
        total += 1
        right += (relation == "match") == (pair.label == "match")
    return {"pairs": total, "accuracy": right / max(total, 1)}


def claimdiff_figures(rows: Iterable[tuple[Pair, str]]) -> dict[str, float]:
    consistent = flagged = 0
    for pair, relation in rows:
        if pair.conflict is False:
            consistent += 1
            flagged += relation == "conflict"
    return {"consistent pairs": consistent, "called a conflict": flagged}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", help="write misjudged pairs here (JSON Lines)")
    parser.add_argument("--sets", default="summedits,msrp,claimdiff")
    args = parser.parse_args(argv)
    pairs = load(tuple(args.sets.split(",")))
    said = {}
    errors = []
    for pair in pairs:
        result = newsterm.compare(pair.a, pair.b, pair.date_a, pair.date_b)
        said[pair.set + pair.id] = result.relation
        wrong = (
            (pair.set == "summedits" and (result.relation == "conflict") != pair.conflict)
            or (pair.set == "msrp" and (result.relation == "match") != (pair.label == "match"))
            or (
                pair.set == "claimdiff" and pair.conflict is False and result.relation == "conflict"
            )
        )
        if wrong:
            errors.append(
                {
                    "set": pair.set,
                    "part": pair.part,
                    "story": pair.story,
                    "label": pair.label,
                    "edit_types": pair.edit_types,
                    "relation": result.relation,
                    "conflicts": [c.explanation for c in result.conflicts],
                    "a": pair.a,
                    "b": pair.b,
                }
            )
    loso = json.loads(LOSO.read_text()) if LOSO.exists() else {}
    for name in ("summedits", "msrp", "claimdiff"):
        for part in ("dev", "held"):
            rows = [p for p in pairs if p.set == name and p.part == part]
            if not rows:
                continue
            if name == "summedits":
                figures = summedits_figures((p, said[p.set + p.id] == "conflict") for p in rows)
            elif name == "msrp":
                figures = msrp_figures((p, said[p.set + p.id]) for p in rows)
            else:
                figures = claimdiff_figures((p, said[p.set + p.id]) for p in rows)
            print(f"{name:9} {part:4} " + "  ".join(_show(k, v) for k, v in figures.items()))
        if name == "summedits" and loso:
            rows = [p for p in pairs if p.set == name and p.part == "dev" and p.id in loso]
            if rows:
                figures = summedits_figures((p, loso[p.id]) for p in rows)
                print(f"{name:9} loso " + "  ".join(_show(k, v) for k, v in figures.items()))
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as out:
            for row in errors:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


def _show(key: str, value: float) -> str:
    return f"{key} {value:.3f}" if isinstance(value, float) else f"{key} {value}"


if __name__ == "__main__":
    raise SystemExit(main())
