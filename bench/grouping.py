"""Story grouping against gold events: pairwise precision, recall and F1.

Two real, labelled sets (see ../shared/eval/README.md), each read through the public API
(`newsterm.load` on a JSON Lines file written to a temporary folder), so what is measured is what
a user gets:

- BASIL: all 180 articles (60 events x Fox / NYT / HuffPost) mixed into one pile.
- ECB+: per topic, the articles of both subtopics (two different real events of the same kind,
  e.g. two celebrities entering rehab) mixed into one pile; they must come apart. The overall
  figures sum the pair counts of all topics. A last line puts every topic in one pile.
- Reuters-21578 (the first N articles of ../shared/corpora, no event labels): wire briefs told
  in one template (earnings tables, note sales) must not become one story. Reuters tags each
  company in a headline with its ticker ("GTI CORP <GTI> 4TH QTR NET"), so of the pairs in one
  story whose headlines both carry tickers, those sharing none are, nearly always, two firms'
  briefs put together (a takeover story naming both firms is the exception). A proxy, not gold.

A pair of articles is a true positive when the gold and newsterm both put it in one story.
A fixed part is held out from tuning: every fifth story (BASIL, by sorted story id) or topic
(ECB+, by topic number). Pairs touching a held-out story count as held-out.

    python bench/grouping.py [--eval DIR] [--reuters N]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from newsterm import load

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EVAL = Path(os.environ.get("NEWSTERM_SHARED", ROOT.parent / "shared")) / "eval"
HOLD_OUT_EVERY = 5
# Records newsterm did not load (no article text, e.g. only a headline): left out of scoring.
LOST: set[str] = set()


class Counts:
    """Pairwise true positives, false positives and false negatives."""

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    @staticmethod
    def sum(*parts: Counts) -> Counts:
        total = Counts()
        for part in parts:
            total.add(part)
        return total

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def line(self, label: str) -> str:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return (
            f"{label:<34} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}"
            f"   (pairs: tp {self.tp}, fp {self.fp}, fn {self.fn})"
        )


def group(records: list[dict]) -> dict[str, str]:
    """Story id of each record id, from newsterm.load on the records as one JSONL pile."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pile.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        corpus = load(path)
    found = {aid: story.id for story in corpus.stories for aid in story.article_ids}
    LOST.update(r["id"] for r in records if r["id"] not in found)
    return found


def score(gold: dict[str, str], found: dict[str, str], held: set[str]) -> tuple[Counts, Counts]:
    """Pair counts for (dev, held-out): a pair is held-out when either article's gold is."""
    dev, out = Counts(), Counts()
    ids = sorted(a for a in gold if a in found)
    for n, a in enumerate(ids):
        for b in ids[n + 1 :]:
            same_gold = gold[a] == gold[b]
            same_found = found[a] == found[b]
            if not (same_gold or same_found):
                continue
            counts = out if gold[a] in held or gold[b] in held else dev
            if same_gold and same_found:
                counts.tp += 1
            elif same_found:
                counts.fp += 1
            else:
                counts.fn += 1
    return dev, out


def record(article: dict) -> dict:
    keys = ("id", "text", "title", "source", "url", "published")
    return {k: article[k] for k in keys if article.get(k) not in (None, "")}


def read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def basil(folder: Path) -> Iterable[str]:
    stories = read(folder / "basil_dev.jsonl")
    ids = sorted(s["story_id"] for s in stories)
    held = set(ids[HOLD_OUT_EVERY - 1 :: HOLD_OUT_EVERY])
    gold = {a["id"]: s["story_id"] for s in stories for a in s["articles"]}
    started = time.perf_counter()
    found = group([record(a) for s in stories for a in s["articles"]])
    seconds = time.perf_counter() - started
    dev, out = score(gold, found, held)
    n_found = len(set(found.values()))
    yield f"BASIL: {len(gold)} articles, {len(stories)} gold stories, {n_found} found "
    yield f"       ({seconds:.1f} s, one pile)"
    yield dev.line(f"  dev ({len(stories) - len(held)} stories)")
    yield out.line(f"  held-out ({len(held)} stories)")
    yield Counts.sum(dev, out).line("  all")


def allsides_record(article: dict, story_date: str) -> dict:
    """An AllSides article as a feed would give it: the roundup's day stands in for a date the
    article's URL does not carry."""
    found = record(article)
    if article.get("published") in (None, "", "None"):
        found["published"] = story_date
    return found


def allsides(folder: Path) -> Iterable[str]:
    """AllSides roundups of April-June 2021 (one event each, told by a left, a centre and a
    right outlet) loaded as one pile: recurring reports and same-topic events must come apart."""
    stories = read(folder / "allsides_2021_dev.jsonl")
    ids = sorted(s["story_id"] for s in stories)
    held = set(ids[HOLD_OUT_EVERY - 1 :: HOLD_OUT_EVERY])
    gold = {a["id"]: s["story_id"] for s in stories for a in s["articles"]}
    records = [allsides_record(a, s["story_date"]) for s in stories for a in s["articles"]]
    started = time.perf_counter()
    found = group(records)
    seconds = time.perf_counter() - started
    dev, out = score(gold, found, held)
    n_found = len(set(found.values()))
    yield f"AllSides 2021: {len(gold)} articles, {len(stories)} gold stories, {n_found} found "
    yield f"       ({seconds:.1f} s, one pile)"
    yield dev.line(f"  dev ({len(stories) - len(held)} stories)")
    yield out.line(f"  held-out ({len(held)} stories)")
    yield Counts.sum(dev, out).line("  all")


def ecbplus(folder: Path) -> Iterable[str]:
    clusters = read(folder / "ecbplus_dev_clusters.jsonl")
    by_topic: dict[int, list[dict]] = defaultdict(list)
    for cluster in clusters:
        by_topic[int(cluster["topic"])].append(cluster)
    topics = sorted(by_topic)
    held_topics = set(topics[HOLD_OUT_EVERY - 1 :: HOLD_OUT_EVERY])
    dev, out = Counts(), Counts()
    worst: list[tuple[float, int, str]] = []
    for topic in topics:
        gold = {a["id"]: c["story_id"] for c in by_topic[topic] for a in c["articles"]}
        found = group([record(a) for c in by_topic[topic] for a in c["articles"]])
        held = {c["story_id"] for c in by_topic[topic]} if topic in held_topics else set()
        topic_dev, topic_out = score(gold, found, held)
        both = Counts.sum(topic_dev, topic_out)
        dev.add(topic_dev)
        out.add(topic_out)
        f1_line = both.line(f"topic {topic}")
        worst.append((float(f1_line.split("F1 ")[1].split()[0]), topic, f1_line))
    yield f"ECB+: {len(topics)} topics, {len(clusters)} gold events, each topic one pile"
    yield f"      ({len(LOST)} records without article text not loaded, left out of scoring)"
    yield dev.line(f"  dev ({len(topics) - len(held_topics)} topics)")
    yield out.line(f"  held-out ({len(held_topics)} topics)")
    yield Counts.sum(dev, out).line("  all")
    yield "  weakest topics:"
    for _f1, _topic, line in sorted(worst)[:5]:
        yield "    " + line
    gold = {a["id"]: c["story_id"] for c in clusters for a in c["articles"]}
    found = group([record(a) for c in clusters for a in c["articles"]])
    everything, _ = score(gold, found, set())
    yield everything.line("  all topics in one pile")


_TICKER = re.compile(r"<([A-Z][A-Z.]*)>")


def reuters(count: int) -> Iterable[str]:
    from reuters import DEFAULT_CORPUS, first_articles

    with tempfile.TemporaryDirectory() as folder:
        corpus = load(first_articles(DEFAULT_CORPUS, count, Path(folder)), cache=False)
    same = other = 0
    for story in corpus.stories:
        tickers = [set(_TICKER.findall(corpus.article(a).title)) for a in story.article_ids]
        tickers = [t for t in tickers if t]
        for n, first in enumerate(tickers):
            for second in tickers[n + 1 :]:
                if first & second:
                    same += 1
                else:
                    other += 1
    several = sum(len(s.article_ids) > 1 for s in corpus.stories)
    stories = len(corpus.stories)
    yield f"Reuters: first {count:,} articles, {stories:,} stories ({several:,} with several)"
    yield f"  pairs in one story, headline tickers shared: {same:,}; none shared: {other:,}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="the eval data folder")
    parser.add_argument(
        "--reuters",
        type=int,
        default=5000,
        help="Reuters articles for the wire-brief proxy (0: skip)",
    )
    args = parser.parse_args()
    for line in basil(args.eval):
        print(line, flush=True)
    print()
    for line in allsides(args.eval):
        print(line, flush=True)
    print()
    for line in ecbplus(args.eval):
        print(line, flush=True)
    if args.reuters:
        print()
        for line in reuters(args.reuters):
            print(line, flush=True)


if __name__ == "__main__":
    main()
