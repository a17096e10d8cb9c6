"""Build time and peak memory of the whole pipeline against the floor of reading the same file.

For 1k, 5k and all articles of Reuters-21578 this runs, in fresh processes, alternating:

- the floor: `json.loads` every line and `re.findall(r"\\w+")` its text, nothing else;
- the pipeline: `newsterm export --format json --no-cache` on the same file, output discarded;
- the same export a second time with the on-disk cache (newsterm.corpus.cache) filled by a first,
  untimed run: what re-exporting an unchanged pile costs.

It prints medians of N runs (default 3) of wall time and peak RSS, and the ratio pipeline/floor.
Machines here are shared and noisy: read the medians and ratios, not single runs.

    python bench/pipeline.py [--runs 3] [--sizes 1000,5000,all] [--corpus PATH]
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


def run(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one child process."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(argv)}")
    return elapsed, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="1000,5000,all")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    newsterm = [sys.executable, "-m", "newsterm", "export", "--format", "json", "--quiet"]
    print(f"python {sys.version.split()[0]} · {os.cpu_count()} CPUs · runs={args.runs}")
    print(
        f"{'articles':>8} {'floor s':>8} {'newsterm s':>10} {'ratio':>6} "
        f"{'floor MiB':>9} {'newsterm MiB':>12} {'cached s':>8} {'ratio':>6}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for size_text in args.sizes.split(","):
            size = None if size_text == "all" else int(size_text)
            path = first_articles(args.corpus, size, Path(tmp))
            count = sum(1 for _ in path.open(encoding="utf-8"))
            cached_env = {**os.environ, "NEWSTERM_CACHE_DIR": str(Path(tmp) / f"cache{size}")}
            run([*newsterm, str(path)], cached_env)  # fills the cache; not timed
            floors, pipes, cached = [], [], []
            for _ in range(args.runs):  # alternate so that load drifts hit all alike
                floors.append(run([sys.executable, "-c", FLOOR, str(path)]))
                pipes.append(run([*newsterm, "--no-cache", str(path)]))
                cached.append(run([*newsterm, str(path)], cached_env))
            floor_s = statistics.median(t for t, _ in floors)
            pipe_s = statistics.median(t for t, _ in pipes)
            cached_s = statistics.median(t for t, _ in cached)
            print(
                f"{count:>8,} {floor_s:>8.2f} {pipe_s:>10.2f} {pipe_s / floor_s:>6.1f} "
                f"{statistics.median(m for _, m in floors):>9.0f} "
                f"{statistics.median(m for _, m in pipes):>12.0f} "
                f"{cached_s:>8.2f} {cached_s / floor_s:>6.1f}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
