"""A differential harness: every stage's output, recorded and compared byte for byte.

A rewrite of a hot path (a faster tokenizer, a compiled core, a pruned comparison loop) must
not change what any stage produces unless it says why. The JSON export shows only the end of
the pipeline; this writes each stage on its own, so that a difference points at the stage that
caused it:

- articles: ids, titles, dates, outlets, cleaned text (as a hash) and passage offsets;
- index: every term with its article frequency, its passages, and each article's vector;
- stories: members, report numbers, voices and days;
- links: every link of every story, with relation, score, conflicts; and the unique passages.

    python bench/stages.py --record [--pile NAME ...]   # before the change
    python bench/stages.py --check [--pile NAME ...]    # after it: exit 1 on any difference

Piles: the seeds, BASIL (180 articles), ECB+ (one pile) and the first 5,000 Reuters articles,
written to a fixed folder (--work) since articles are named by their paths. `stage_lines` is
what tests/unit/test_stages.py compares on a small pile.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import newsterm
from golden_exports import DEFAULT_EVAL, piles
from newsterm.corpus.corpus import Corpus

STAGES = ("articles", "index", "stories", "links")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def stage_lines(corpus: Corpus, stage: str) -> Iterator[str]:
    """One JSON line per item of a stage, in a fixed order."""
    if stage == "articles":
        for a in corpus.articles:
            yield json.dumps(
                [
                    a.id,
                    a.title,
                    a.published.isoformat() if a.published else None,
                    a.published_inferred,
                    a.reference_date.isoformat() if a.reference_date else None,
                    a.source,
                    a.url,
                    a.location,
                    a.voice,
                    _digest(a.text),
                    [(p.id, p.start, p.end, p.headline, p.in_title) for p in a.passages],
                    list(a.notes),
                ],
                ensure_ascii=False,
            )
    elif stage == "index":
        index = corpus.index
        for term_id, term in enumerate(index.term_names):
            postings = list(index.passage_postings[term_id])
            yield json.dumps([term, index.article_df[term_id], postings], ensure_ascii=False)
        for vector in index.vectors:
            yield json.dumps(sorted((t, round(w, 9)) for t, w in vector.items()))
    elif stage == "stories":
        for s in corpus.stories:
            days = [str(s.first_day), str(s.last_day)]
            yield json.dumps(
                [s.id, s.title, list(s.article_ids), list(s.reports), list(s.outlets), days],
                ensure_ascii=False,
            )
    elif stage == "links":
        for alignment in corpus.align_all():
            for link in alignment.links:
                conflicts = [(c.kind, c.a, c.b, c.explanation) for c in link.conflicts]
                yield json.dumps(
                    [link.a, link.b, link.relation, link.score, link.same_outlet, conflicts],
                    ensure_ascii=False,
                )
            yield json.dumps(["unique", alignment.story_id, list(alignment.unique)])
    else:
        raise ValueError(f"unknown stage {stage!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--record", action="store_true")
    mode.add_argument("--check", action="store_true")
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsterm-stages"))
    parser.add_argument("--pile", nargs="*", help="only these piles")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    failed = False
    for name, sources in piles(args.eval, args.work).items():
        if args.pile and name not in args.pile:
            continue
        corpus = newsterm.load(sources or None, workers=1)
        for stage in STAGES:
            path = args.work / f"{name}.{stage}.jsonl"
            lines = list(stage_lines(corpus, stage))
            if args.record:
                path.write_text("\n".join(lines) + "\n", encoding="utf-8")
                print(f"{name:<12} {stage:<9} {len(lines):>8,} lines recorded")
                continue
            recorded = path.read_text(encoding="utf-8").splitlines()
            if recorded == lines:
                print(f"{name:<12} {stage:<9} identical")
                continue
            failed = True
            first = next(
                (n for n, (x, y) in enumerate(zip(recorded, lines, strict=False)) if x != y),
                min(len(recorded), len(lines)),
            )
            print(f"{name:<12} {stage:<9} DIFFERS from line {first + 1}")
            for label, side in (("was", recorded), ("now", lines)):
                print(f"    {label}: {side[first][:300] if first < len(side) else '(nothing)'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
