"""A big story: one story of 50 articles aligned, CPU seconds per part of the work.

The issue's target is a 50-article story aligned in under 1.5 s, with a cost that grows with the
story's passages rather than with the square of its articles. The story is ECB+ (dev clusters)
topics 1 and 13, the first 50 articles in file order (rehab check-ins and a fire: the same kind
of event told by many outlets), loaded as one JSON Lines pile and aligned as one story whatever
the grouping made of it. Printed: the stages of loading, then aligning split into preparing
passages, finding candidates and comparing pairs, each the median of --runs runs (CPU seconds,
time.process_time), with the number of passages, comparisons and links.

    python bench/big_story.py [--runs 3] [--articles 50] [--reuters crude]

With --reuters TOPIC, the first 50 Reuters-21578 articles of that topic instead: longer wire
reports (crude: 50 articles, about 900 passages), not all of one event, aligned as one story.

Before/after a change: run it once with PYTHONPATH pointing at the older source tree.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import newsterm
import newsterm.corpus.align as align
from golden_exports import DEFAULT_EVAL
from reuters import DEFAULT_CORPUS

TOPICS = (1, 13)


def write_pile(eval_dir: Path, count: int, folder: Path, reuters: str | None) -> Path:
    """The first `count` articles of the chosen ECB+ topics (or of a Reuters topic) as a JSON
    Lines pile."""
    path = folder / "big_story.jsonl"
    if reuters:
        with DEFAULT_CORPUS.open(encoding="utf-8") as lines:
            records = (json.loads(line) for line in lines)
            articles = [r for r in records if reuters in r.get("topics", [])]
    else:
        with (eval_dir / "ecbplus_dev_clusters.jsonl").open(encoding="utf-8") as lines:
            clusters = [json.loads(line) for line in lines if line.strip()]
        articles = [a for t in TOPICS for c in clusters if c["topic"] == t for a in c["articles"]]
    with path.open("w", encoding="utf-8") as out:
        for article in articles[:count]:
            keys = ("id", "url", "title", "date", "text")
            record = {k: article[k] for k in keys if article.get(k)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _timed(clock: Counter[str], label: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            clock[label] += time.process_time() - start

    return timed


def run(pile: Path) -> tuple[dict[str, float], dict[str, int]]:
    clock: Counter[str] = Counter()
    start = time.process_time()
    corpus = newsterm.load([pile], workers=1)
    clock["loading"] = time.process_time() - start
    articles = list(corpus.articles)
    story = dataclasses.replace(corpus.stories[0], article_ids=tuple(a.id for a in articles))
    counts: Counter[str] = Counter()
    compare = align.compare_prepared

    def counted(*args: Any) -> Any:
        counts["comparisons"] += 1
        return compare(*args)

    candidates = align._candidates
    align.compare_prepared = _timed(clock, "comparing", counted)  # type: ignore[assignment]
    align._candidates = _timed(clock, "candidates", candidates)  # type: ignore[assignment]
    try:
        start = time.process_time()
        alignment = align.align_story(story, articles, _timed(clock, "preparing", corpus._prepare))
        clock["aligning"] = time.process_time() - start
    finally:
        align.compare_prepared = compare  # type: ignore[assignment]
        align._candidates = candidates  # type: ignore[assignment]
    counts["articles"] = len(articles)
    counts["passages"] = sum(len(a.passages) for a in articles)
    counts["links"] = len(alignment.links)
    return dict(clock), dict(counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--reuters", metavar="TOPIC", help="a Reuters topic's articles instead")
    parser.add_argument("--once", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.once:  # one cold run, in a process of its own (caches warm up within a process)
        print(json.dumps(run(args.once)))
        return
    with tempfile.TemporaryDirectory() as folder:
        pile = write_pile(args.eval, args.articles, Path(folder), args.reuters)
        command = [sys.executable, __file__, "--once", str(pile)]
        runs = [
            json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
            for _ in range(args.runs)
        ]
    counts = runs[0][1]
    print(f"{newsterm.__file__}")
    print(", ".join(f"{value:,} {name}" for name, value in counts.items()))
    for part in ("loading", "aligning", "preparing", "candidates", "comparing"):
        values = [clock.get(part, 0.0) for clock, _ in runs]
        print(
            f"{part:<11} {statistics.median(values):6.2f} CPU s (median of {len(values)} processes)"
        )


if __name__ == "__main__":
    main()
