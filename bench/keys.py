"""Keypress latency in the app, on the largest story of a corpus (Pilot, headless).

Times each key from the press until the app has processed it and repainted (Pilot's `press`
waits for the message queue to drain and the screen to refresh): next passage (j), next conflict
(n), next article ([ and ]). Two figures per key, median and 95th percentile in milliseconds:

- work: CPU time the app's thread spent on the key (handler, layout, rendering), minus the CPU
  time of a key bound to nothing; this is what a user waits for, plus at most one frame (16 ms).
  Background threads (badges for other stories) are not counted: they pause while keys arrive,
  but a story already being compared finishes, and its share shows in the wall figure;
- wall: Pilot's round trip, which adds its own fixed waits (see the no-op key's line).

    python bench/keys.py [--corpus PATH] [--articles 5000] [--presses 200]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from newsterm.tui.app import make_app
from reuters import DEFAULT_CORPUS, first_articles


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def measure(sources: list[str] | None, presses: int) -> dict[str, list[float]]:
    app = make_app(sources)
    timings: dict[str, list[float]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.main_screen
        while not main.ready.is_set():
            await pilot.pause(0.1)
        corpus = main.corpus
        assert corpus is not None
        largest = max(corpus.stories, key=lambda s: len(s.article_ids))
        main.open_article(largest.article_ids[0])
        while corpus.cached_alignment(largest.id) is None:
            await pilot.pause(0.05)
        # A reader looks at a story for a moment before moving; in that moment the app works
        # out the side panel's word diffs for it (see MainScreen._warm).
        await pilot.pause(3.0)
        print(
            f"largest story: {len(largest.article_ids)} articles, "
            f"{sum(len(corpus.article(a).passages) for a in largest.article_ids)} passages",
            file=sys.stderr,
        )
        for key, label in (
            ("z", "no-op key (z)"),
            ("j", "next passage (j)"),
            ("n", "next conflict (n)"),
            ("right_square_bracket", "next article (])"),
            ("left_square_bracket", "previous article ([)"),
        ):
            walls, works = [], []
            for _ in range(presses):
                start, cpu = time.perf_counter(), time.thread_time()
                await pilot.press(key)
                works.append((time.thread_time() - cpu) * 1000)
                walls.append((time.perf_counter() - start) * 1000)
            timings[label] = walls
            timings[f"{label} work"] = works
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=5000, help="0: the bundled seeds")
    parser.add_argument("--presses", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sources = (
            None
            if args.articles == 0
            else [str(first_articles(args.corpus, args.articles, Path(tmp)))]
        )
        timings = asyncio.run(measure(sources, args.presses))
    noop = statistics.median(timings["no-op key (z) work"])
    print(f"{'key':<24} {'work median':>11} {'work p95':>8} {'wall median':>11} {'wall p95':>8}")
    for label, walls in timings.items():
        if label.endswith(" work"):
            continue
        works = [max(0.0, w - noop) for w in timings[f"{label} work"]]
        print(
            f"{label:<24} {statistics.median(works):>11.1f} {percentile(works, 0.95):>8.1f} "
            f"{statistics.median(walls):>11.1f} {percentile(walls, 0.95):>8.1f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
