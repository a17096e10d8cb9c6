"""A pile of big stories exported cold: the issue's 900 articles in about 110 stories.

Issue 25 asks that a pile with big stories (900 articles in some 110 stories of up to about fifty
articles) be exported in under 15 s. The pile is every article of ECB+'s dev clusters (772
articles, 66 events of 3 to 22 reports, two events of one kind per topic: the hard case for
grouping and a heavy one for aligning, as every report of an event is compared with every
other), then AllSides 2021 roundups in file order (three outlets each) up to 900 articles.

Each round runs `newsterm export -f json --no-cache` on the pile with the default workers (what a
user gets) and with `-j 1` (all the CPU in one process), and, with `--against SRC`, the same
for another checkout's source folder, alternating; medians of --runs rounds of wall and CPU
seconds (user + system, forked workers included). With --against, the two exports' JSON must be
byte-identical, unless --allow-differences says the change means to move them.

    python bench/big_pile.py [--runs 3] [--against /tmp/before/src]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

from golden_exports import DEFAULT_EVAL
from grouping import allsides_record
from pipeline import Run, run

ARTICLES = 900


def write_pile(eval_dir: Path, path: Path, count: int = ARTICLES) -> int:
    """ECB+ dev's articles, then AllSides roundups' up to `count`; how many were written."""
    written = 0
    with path.open("w", encoding="utf-8") as out:
        with (eval_dir / "ecbplus_dev_clusters.jsonl").open(encoding="utf-8") as lines:
            for line in lines:
                for article in json.loads(line)["articles"]:
                    keys = ("id", "url", "title", "date", "text")
                    record = {k: article[k] for k in keys if article.get(k)}
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                    written += 1
        with (eval_dir / "allsides_2021_dev.jsonl").open(encoding="utf-8") as lines:
            for line in lines:
                roundup = json.loads(line)
                for article in roundup["articles"]:
                    if written >= count:
                        return written
                    record = allsides_record(article, roundup["story_date"])
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                    written += 1
    return written


def _env(src: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src.resolve())
    return env


def _line(label: str, runs: list[Run]) -> str:
    wall = statistics.median(r.wall for r in runs)
    cpu = statistics.median(r.cpu for r in runs)
    peak = max(r.peak for r in runs)
    return f"{label:<34} {wall:6.1f} s wall {cpu:6.1f} CPU s  peak {peak:4.0f} MiB"


def _shape(export: Path) -> str:
    data = json.loads(export.read_text(encoding="utf-8"))
    sizes = sorted((len(s["articles"]) for s in data["stories"]), reverse=True)
    several = sum(1 for n in sizes if n > 1)
    return (
        f"{len(data['articles'])} articles, {len(data['stories'])} stories ({several} with "
        f"several articles; largest {', '.join(map(str, sizes[:5]))}), {len(data['links'])} links"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--against", type=Path, help="another checkout's src folder, timed too")
    parser.add_argument("--allow-differences", action="store_true")
    args = parser.parse_args()
    newsterm = [sys.executable, "-m", "newsterm", "export", "-f", "json", "--no-cache", "--force"]
    sides = {"this": None, "against": args.against} if args.against else {"this": None}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pile = folder / "big_pile.jsonl"
        print(f"{write_pile(args.eval, pile)} articles in {pile.name}")
        timings: dict[str, list[Run]] = {}
        for _ in range(args.runs):
            for side, src in sides.items():
                out = folder / f"{side}.json"
                for label, jobs in (("default workers", []), ("one process (-j 1)", ["-j", "1"])):
                    argv = [*newsterm, *jobs, "-o", str(out), str(pile)]
                    timings.setdefault(f"{side}: {label}", []).append(run(argv, _env(src)))
        print(_shape(folder / "this.json"))
        for label, runs in timings.items():
            print(_line(label, runs))
        if args.against:
            same = (folder / "this.json").read_bytes() == (folder / "against.json").read_bytes()
            print("exports byte-identical" if same else "EXPORTS DIFFER")
            if not same and not args.allow_differences:
                return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
