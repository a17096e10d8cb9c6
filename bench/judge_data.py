"""The labelled pairs claim judgement is measured and fitted on, each with its part and group.

One loader for bench/judge_eval.py, bench/fit_judge.py and bench/lexicon_ablation.py, so that
all three split the sets by the same fixed rules as bench/accuracy.py and never let a held-out
row into tuning:

- MSRP and SummEdits: row index % 5 == 4 is held out.
- ClaimDiff: every pair is there twice (a, b and b, a); a pair is held out when the rank of its
  `base_id` among the set's base ids, in file order, is 4 modulo 5, so that no pair is on both
  sides of the split.
- SummEdits' rows come from 13 source articles (`document`): each row's group is its story, for
  leave-one-story-out figures. The other sets' rows are not grouped by story.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"


@dataclass(frozen=True, slots=True)
class Pair:
    set: str  # "summedits", "msrp", "claimdiff"
    id: str
    a: str
    b: str
    date_a: str | None
    date_b: str | None
    label: str  # summedits: conflict/match; msrp: match/different; claimdiff: its three labels
    part: str  # "dev" or "held"
    story: int  # summedits: the source story (0..12); -1 elsewhere
    numeric: bool = False
    edit_types: tuple[str, ...] = ()

    @property
    def conflict(self) -> bool | None:
        """Whether the pair is a conflict: True, False, or None where the set does not say
        (an MSRP non-paraphrase may be a conflict or another claim; a ClaimDiff "weakens" pair
        argues against the other claim without contradicting its facts)."""
        if self.set == "summedits":
            return self.label == "conflict"
        if self.set == "msrp":
            return False if self.label == "match" else None
        return False if self.label in ("strengthens", "neither") else None


def _rows(name: str) -> list[dict]:
    with open(EVAL / name, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load(sets: tuple[str, ...] = ("summedits", "msrp", "claimdiff")) -> list[Pair]:
    pairs: list[Pair] = []
    if "summedits" in sets:
        stories: dict[str, int] = {}
        for index, row in enumerate(_rows("summedits_news_dev.jsonl")):
            story = stories.setdefault(row["document"], len(stories))
            pairs.append(
                Pair(
                    "summedits",
                    row["id"],
                    row["a"],
                    row["b"],
                    None,
                    None,
                    row["label"],
                    "held" if index % 5 == 4 else "dev",
                    story,
                    bool(row["numeric_changed"]),
                    tuple(row["edit_types"] or ()),
                )
            )
    if "msrp" in sets:
        for index, row in enumerate(_rows("msrp_train.jsonl")):
            pairs.append(
                Pair(
                    "msrp",
                    str(row["id"]),
                    row["a"],
                    row["b"],
                    row.get("date_a"),
                    row.get("date_b"),
                    row["label"],
                    "held" if index % 5 == 4 else "dev",
                    -1,
                )
            )
    if "claimdiff" in sets:
        bases: dict[str, int] = {}
        for row in _rows("claimdiff_train.jsonl"):
            rank = bases.setdefault(row["base_id"], len(bases))
            pairs.append(
                Pair(
                    "claimdiff",
                    row["id"],
                    row["a"],
                    row["b"],
                    None,  # the two claims come from two articles; only one's date is given
                    None,
                    row["label"],
                    "held" if rank % 5 == 4 else "dev",
                    -1,
                )
            )
    return pairs
