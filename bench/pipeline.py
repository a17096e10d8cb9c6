"""Build time and peak memory of the whole pipeline against the floor of reading the same file.

For 1k, 5k and all articles of Reuters-21578 this runs, in fresh processes, alternating:

- the floor: `json.loads` every line and `re.findall(r"\\w+")` its text, nothing else;
- the pipeline: `newsterm export --format json --no-cache` on the same file, output discarded;
- the same export a second time with the on-disk cache (newsterm.corpus.cache) filled by a first,
  untimed run: what re-exporting an unchanged pile costs.

It prints medians of N runs (default 3) of wall time, CPU time (user + system, of the process and
the workers it forked) and peak RSS, and the ratios to the floor. Machines here are shared and
noisy: read the medians and ratios, not single runs; CPU seconds move less with the load than
wall seconds do.

`--no-cold` leaves out the `--no-cache` export (a minute each on all of Reuters) when only the
cached one is in question. `--against SRC` also times the exports of another checkout's source
folder (say a worktree at the commit before a change: `git worktree add /tmp/before HEAD~1`,
then `--against /tmp/before/src`), in the same rounds: the cold one too unless `--no-cold`, and
the cached one with a cache of its own. A before-and-after measured side by side, under the
same load.

    python bench/pipeline.py [--runs 3] [--sizes 1000,5000,all] [--corpus PATH] [--no-cold]
                             [--against SRC]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from reuters import DEFAULT_CORPUS, first_articles

FLOOR = r"""
import json, re, sys
words = 0
with open(sys.argv[1], encoding="utf-8") as handle:
    for line in handle:
        record = json.loads(line)
        words += len(re.findall(r"\w+", record.get("text", "")))
print(words, file=sys.stderr)
"""


class Run(NamedTuple):
    wall: float  # seconds
    cpu: float  # user + system seconds, with the children it waited for
    peak: float  # MiB: the largest of the process and of each child


def run(argv: list[str], env: dict[str, str] | None = None) -> Run:
    """Wall and CPU seconds and peak RSS of one child process (and of any it forked)."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(argv)}")
    # On Linux wait4's usage is the child's and that of the children it waited for (the
    # export's forked workers): the whole run's CPU.
    return Run(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def _median(runs: list[Run], field: str) -> float:
    return statistics.median(getattr(r, field) for r in runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="1000,5000,all")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--no-cold", action="store_true", help="leave out the --no-cache export")
    parser.add_argument(
        "--against", type=Path, help="also time the cached export of this checkout's src folder"
    )
    args = parser.parse_args()
    newsterm = [sys.executable, "-m", "newsterm", "export", "--format", "json", "--quiet"]
    print(f"python {sys.version.split()[0]} · {os.cpu_count()} CPUs · runs={args.runs}")
    print("medians; 'cpu' is user + system seconds, 'x' the ratio to the floor's")
    head = f"{'articles':>8} {'floor s':>7} {'cpu':>5} {'MiB':>5}"
    if not args.no_cold:
        head += f" | {'cold s':>7} {'cpu':>6} {'x':>5} {'MiB':>5}"
        if args.against:
            head += f" | {'ag.cold s':>9} {'cpu':>6} {'x':>5} {'MiB':>5}"
    head += f" | {'cached s':>8} {'cpu':>5} {'x':>4} {'MiB':>5}"
    if args.against:
        head += f" | {'against s':>9} {'cpu':>5} {'x':>4} {'MiB':>5}"
    print(head)
    with tempfile.TemporaryDirectory() as tmp:
        for size_text in args.sizes.split(","):
            size = None if size_text == "all" else int(size_text)
            path = first_articles(args.corpus, size, Path(tmp))
            count = sum(1 for _ in path.open(encoding="utf-8"))
            cached_env = {**os.environ, "NEWSTERM_CACHE_DIR": str(Path(tmp) / f"cache{size}")}
            run([*newsterm, str(path)], cached_env)  # fills the cache; not timed
            against_env = None
            if args.against:
                against_env = {
                    **os.environ,
                    "NEWSTERM_CACHE_DIR": str(Path(tmp) / f"against{size}"),
                    "PYTHONPATH": str(args.against.resolve()),
                }
                run([*newsterm, str(path)], against_env)
            floors: list[Run] = []
            pipes: list[Run] = []
            cached: list[Run] = []
            against: list[Run] = []
            against_cold: list[Run] = []
            for _ in range(args.runs):  # alternate so that load drifts hit all alike
                floors.append(run([sys.executable, "-c", FLOOR, str(path)]))
                if not args.no_cold:
                    pipes.append(run([*newsterm, "--no-cache", str(path)]))
                cached.append(run([*newsterm, str(path)], cached_env))
                if against_env is not None:
                    against.append(run([*newsterm, str(path)], against_env))
                    if not args.no_cold:
                        against_cold.append(run([*newsterm, "--no-cache", str(path)], against_env))
            floor_cpu = _median(floors, "cpu")
            line = (
                f"{count:>8,} {_median(floors, 'wall'):>7.2f} {floor_cpu:>5.2f} "
                f"{_median(floors, 'peak'):>5.0f}"
            )
            if pipes:
                line += (
                    f" | {_median(pipes, 'wall'):>7.2f} {_median(pipes, 'cpu'):>6.2f} "
                    f"{_median(pipes, 'cpu') / floor_cpu:>5.1f} {_median(pipes, 'peak'):>5.0f}"
                )
            if against_cold:
                line += (
                    f" | {_median(against_cold, 'wall'):>9.2f} "
                    f"{_median(against_cold, 'cpu'):>6.2f} "
                    f"{_median(against_cold, 'cpu') / floor_cpu:>5.1f} "
                    f"{_median(against_cold, 'peak'):>5.0f}"
                )
            for runs in (cached, against):
                if runs:
                    line += (
                        f" | {_median(runs, 'wall'):>{8 if runs is cached else 9}.2f} "
                        f"{_median(runs, 'cpu'):>5.2f} {_median(runs, 'cpu') / floor_cpu:>4.1f} "
                        f"{_median(runs, 'peak'):>5.0f}"
                    )
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
