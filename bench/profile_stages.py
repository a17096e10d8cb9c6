"""Where the pipeline's time goes, stage by stage, on the first N Reuters articles.

bench/pipeline.py says how long the whole export takes; this says which stage to work on next.
It runs the export's stages in one process (reading + building articles, indexing, grouping,
aligning, rendering the JSON) and prints each stage's wall and CPU seconds and share of the total.
With --pyinstrument (installed separately, not a project dependency) it also writes a call-tree
profile to a text file.

    python bench/profile_stages.py [--articles 2000] [--corpus PATH] [--pyinstrument OUT.txt]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from itertools import pairwise
from pathlib import Path

from newsterm.corpus.load import load
from newsterm.export import render
from reuters import DEFAULT_CORPUS, first_articles


class StageClock:
    """A progress callback that notes when each named stage starts."""

    def __init__(self) -> None:
        self.marks: list[tuple[str, float, float]] = []

    def mark(self, stage: str) -> None:
        if not self.marks or self.marks[-1][0] != stage:
            self.marks.append((stage, time.perf_counter(), time.process_time()))

    def __call__(self, stage: str, done: int = 0, total: int = 0) -> None:
        self.mark(stage)


def run(path: Path) -> StageClock:
    clock = StageClock()
    clock.mark("reading")
    corpus = load([path], progress=clock)
    corpus.align_all(progress=clock)
    clock.mark("rendering")
    render(corpus, "json")
    clock.mark("done")
    return clock


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--pyinstrument", type=Path, help="also write a call-tree profile here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = first_articles(args.corpus, args.articles, Path(folder))
        if args.pyinstrument:
            from pyinstrument import Profiler

            profiler = Profiler()
            profiler.start()
            clock = run(path)
            profiler.stop()
            args.pyinstrument.write_text(profiler.output_text(), encoding="utf-8")
        else:
            clock = run(path)
    marks = clock.marks
    wall_total = marks[-1][1] - marks[0][1]
    print(f"first {args.articles:,} articles of {args.corpus.name}")
    print(f"{'stage':<10} {'wall s':>8} {'cpu s':>8} {'share':>6}")
    for (stage, wall, cpu), (_, next_wall, next_cpu) in pairwise(marks):
        share = (next_wall - wall) / wall_total if wall_total else 0.0
        print(f"{stage:<10} {next_wall - wall:8.2f} {next_cpu - cpu:8.2f} {share:6.0%}")
    print(f"{'total':<10} {wall_total:8.2f} {marks[-1][2] - marks[0][2]:8.2f}")


if __name__ == "__main__":
    main()
