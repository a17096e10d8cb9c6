"""Time to cross-reference one story: a 3-article story of ~1,000-word articles, and 30 articles.

Cross-referencing is what the app does when a story is opened for the first time: prepare every
passage (tokens, facts) and align it against the other articles. Timed cold (fresh caches), the
median of N runs.

- 3 articles: the BASIL event whose three reports are closest to 1,000 words each.
- 30 articles: the largest story newsterm forms on the first 5,000 Reuters articles, cut to 30
  articles (Reuters stories are short; the word count is printed).

    python bench/crossref.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import newsterm
from newsterm.claims.compare import prepare
from newsterm.corpus.align import align_story
from newsterm.model import Article, Story
from reuters import DEFAULT_CORPUS, first_articles

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _words(articles: list[Article]) -> int:
    return sum(len(a.text.split()) for a in articles)


def time_story(articles: list[Article], runs: int) -> tuple[float, int]:
    """Median milliseconds to align a story built from these articles, and its link count."""
    story = Story("bench", "bench", tuple(a.id for a in articles))
    times, links = [], 0
    for _ in range(runs):
        cache: dict[str, object] = {}
        dated = {a.id: a for a in articles}

        def prep(passage, cache=cache, dated=dated):
            found = cache.get(passage.id)
            if found is None:
                article = dated[passage.article_id]
                found = cache[passage.id] = prepare(passage.text, article.date_for_resolving)
            return found

        start = time.perf_counter()
        alignment = align_story(story, articles, prep)
        times.append((time.perf_counter() - start) * 1000)
        links = len(alignment.links)
    return statistics.median(times), links


def basil_story(folder: Path) -> list[Article]:
    rows = [json.loads(line) for line in (SHARED / "eval" / "basil_dev.jsonl").open()]
    best = min(rows, key=lambda r: sum(abs(len(a["text"].split()) - 1000) for a in r["articles"]))
    path = folder / "basil.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in best["articles"]))
    return list(newsterm.load([path]).articles)


def reuters_story(folder: Path, size: int = 30) -> list[Article]:
    corpus = newsterm.load([first_articles(DEFAULT_CORPUS, 5000, folder)])
    largest = max(corpus.stories, key=lambda s: len(s.article_ids))
    return corpus.story_articles(largest.id)[:size]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]} · median of {args.runs} cold runs")
    with tempfile.TemporaryDirectory() as tmp:
        for label, articles in (
            ("3 articles (BASIL)", basil_story(Path(tmp))),
            ("30 articles (Reuters)", reuters_story(Path(tmp))),
        ):
            ms, links = time_story(articles, args.runs)
            passages = sum(len(a.passages) for a in articles)
            print(
                f"{label:<22} {len(articles):>3} articles {_words(articles):>6,} words "
                f"{passages:>5} passages  {ms:>8.1f} ms  ({links} links)",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
