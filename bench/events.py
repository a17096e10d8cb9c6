"""Stories as events on a wire archive: how far apart in time the reports a ≠ joins are, and
how long the largest stories run.

On Reuters-21578 (one outlet, 1987, no event labels) a story should be one event or one
continuing development, not a topic: daily money-market reports or two firms' dividend notices
a month apart are different events, and their differing figures are what sets them apart, not
contradictions. This prints, for the first N articles:

- the conflicts (≠) shown, and the share joining reports more than 7 days apart (target < 2 %)
  and of the same day;
- updates (a figure told again days later, or by the same outlet), when the engine has them;
- the stories with several articles, how many span more than a week, and the largest ones with
  their date spans and first headlines.

    python bench/events.py [--articles N] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from pathlib import Path

import newsterm
from reuters import DEFAULT_CORPUS, first_articles

WEEK = 7


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000, help="0: all")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--largest", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = first_articles(args.corpus, args.articles or None, Path(folder))
        corpus = newsterm.load(path, workers=1)
    relations: Counter[str] = Counter()
    apart: Counter[str] = Counter()
    for alignment in corpus.align_all():
        for link in alignment.links:
            relations[link.relation] += 1
            if link.relation == "related":
                continue
            a = corpus.article(corpus.passage(link.a).article_id).published
            b = corpus.article(corpus.passage(link.b).article_id).published
            if a is None or b is None:
                apart[f"{link.relation} undated"] += 1
                continue
            days = abs((a.date() - b.date()).days)
            key = "same day" if days == 0 else ("over a week" if days > WEEK else "within a week")
            apart[f"{link.relation} {key}"] += 1
    several = [s for s in corpus.stories if len(s.article_ids) > 1]

    def span(story: newsterm.Story) -> int:
        days = [corpus.article(a).published for a in story.article_ids]
        dated = [d.date() for d in days if d is not None]
        return (max(dated) - min(dated)).days if dated else 0

    long = [s for s in several if span(s) > WEEK]
    print(f"Reuters, first {len(corpus.articles):,} articles: {len(corpus.stories):,} stories, ")
    print(f"  {len(several):,} with several articles, {len(long):,} of them spanning over a week")
    for relation, plural in (
        ("conflict", "conflicts"),
        ("update", "updates"),
        ("match", "matches"),
    ):
        total = sum(n for key, n in apart.items() if key.startswith(relation + " "))
        if not total:
            continue
        far = apart[f"{relation} over a week"]
        same = apart[f"{relation} same day"]
        print(
            f"  {plural}: {total:,}; over a week apart {far:,} ({far / total:.1%}); "
            f"same day {same:,} ({same / total:.1%})"
        )
    print(f"  links by relation: {dict(relations)}")
    print("  largest stories (articles, days spanned, headline of the first):")
    for story in sorted(several, key=lambda s: -len(s.article_ids))[: args.largest]:
        first = corpus.article(story.article_ids[0])
        print(f"    {len(story.article_ids):3} articles, {span(story):3} days: {first.title[:70]}")


if __name__ == "__main__":
    main()
