"""Peak memory of a whole export, worker processes included.

bench/pipeline.py reads peak RSS from the kernel's accounting of one process, which for an export
that forks workers (-j) is the largest single process, not the total. This polls every process of
the export's tree every 0.2 s and sums their proportional set size (PSS: a page shared by the
parent and its forked workers counted once, split between them), so the figure is what the
export costs the machine. Linux only (/proc).

    python bench/tree_memory.py [--articles 19043] [--jobs N] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reuters import DEFAULT_CORPUS, first_articles


def tree(pid: int) -> list[int]:
    """The process and all its descendants."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        queue.extend(int(child) for child in children)
    return found


def pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=None, help="default: all")
    parser.add_argument("--jobs", type=int, default=None, help="default: newsterm's own")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    command = [sys.executable, "-m", "newsterm", "export", "-f", "json", "--quiet", "--no-cache"]
    if args.jobs:
        command += ["-j", str(args.jobs)]
    with tempfile.TemporaryDirectory() as folder:
        path = first_articles(args.corpus, args.articles, Path(folder))
        start = time.perf_counter()
        process = subprocess.Popen([*command, str(path)], stdout=subprocess.DEVNULL)
        peak_total, peak_processes = 0, 1
        while process.poll() is None:
            pids = tree(process.pid)
            peak_total = max(peak_total, sum(pss_kib(pid) for pid in pids))
            peak_processes = max(peak_processes, len(pids))
            time.sleep(0.2)
        elapsed = time.perf_counter() - start
    print(
        f"{args.articles or 'all'} articles: {elapsed:.1f} s, up to {peak_processes} processes, "
        f"peak total PSS {peak_total / 1024:.0f} MiB"
    )
    return process.returncode


if __name__ == "__main__":
    raise SystemExit(main())
