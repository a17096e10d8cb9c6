"""Keypress latency right after a big corpus opens, while the app works in the background.

bench/keys.py times keys on a settled app. This one presses `j` at a reader's pace from the
moment the corpus is shown, while the app is still writing its cache and comparing stories for
the badges in threads that share the interpreter with the UI. Each figure is wall time from the
key reaching the app's driver to the first repaint after the side panel was refreshed for it:
what a person at the terminal waits for. (Pilot's own `press` cannot time this: it waits until
the whole process is idle, up to two seconds while a background thread is busy.)

    python bench/keys_busy.py [--corpus PATH] [--articles N] [--presses 60] [--gap 0.35]

The cache goes to a fresh temporary folder, so the save happens during the run.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from pathlib import Path

from textual import events

from keys import percentile
from newsterm.tui.app import make_app
from newsterm.tui.screens.main import MainScreen
from reuters import DEFAULT_CORPUS, first_articles


async def measure(source: Path, presses: int, gap: float) -> tuple[list[float], float]:
    refreshed: list[float] = []
    painted: list[float] = []
    original_refresh = MainScreen._refresh_crossref

    def refresh(self: MainScreen, *args: object, **kwargs: object) -> None:
        original_refresh(self, *args, **kwargs)
        refreshed.append(time.perf_counter())

    MainScreen._refresh_crossref = refresh  # type: ignore[method-assign]
    app = make_app([str(source)], cache=True)
    original_display = app._display

    def display(screen: object, renderable: object) -> None:
        original_display(screen, renderable)  # type: ignore[arg-type]
        painted.append(time.perf_counter())

    app._display = display  # type: ignore[method-assign]
    latencies: list[float] = []
    async with app.run_test(size=(120, 40)):
        main = app.main_screen
        while not main.ready.is_set():
            await asyncio.sleep(0.01)
        shown = time.perf_counter()
        driver = app._driver
        assert driver is not None
        for _ in range(presses):
            await asyncio.sleep(gap)
            seen, start = len(refreshed), time.perf_counter()
            driver.send_message(events.Key("j", "j"))
            while len(refreshed) == seen:
                await asyncio.sleep(0.001)
            handled = refreshed[-1]
            while not painted or painted[-1] < handled:
                await asyncio.sleep(0.001)
            first_paint = next(t for t in painted if t >= handled)
            latencies.append((first_paint - start) * 1000)
        span = time.perf_counter() - shown
    MainScreen._refresh_crossref = original_refresh  # type: ignore[method-assign]
    return latencies, span


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=None, help="default: the whole corpus")
    parser.add_argument("--presses", type=int, default=60)
    parser.add_argument("--gap", type=float, default=0.35, help="seconds between keys")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["NEWSTERM_CACHE_DIR"] = str(Path(tmp) / "cache")
        source = first_articles(args.corpus, args.articles, Path(tmp))
        latencies, span = asyncio.run(measure(source, args.presses, args.gap))
    print(
        f"{len(latencies)} presses over the first {span:.1f} s: key to repaint "
        f"median {statistics.median(latencies):.0f} ms, p90 {percentile(latencies, 0.9):.0f} ms, "
        f"max {max(latencies):.0f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
