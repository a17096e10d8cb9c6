"""Record, or check, the JSON exports that a refactoring must leave byte-identical.

A change that only moves code (a new layout, a faster hot path) must not move any output. This
script exports four piles with `newsterm export --format json --no-cache` and either records the
SHA-256 of each export (`--record`) or compares them with the record (`--check`, exit 1 on any
difference, naming the pile):

- the bundled seeds;
- BASIL (../shared/eval/basil_dev.jsonl): all 180 articles as one JSON Lines pile;
- ECB+ (../shared/eval/ecbplus_dev_clusters.jsonl): every topic's articles as one pile;
- Reuters-21578: the first 5,000 articles.

The piles are written to a fixed folder (`--work`, default /tmp/newsterm-golden), since an export
names each article's path: the same folder must be used for the record and the check. Exports are
kept there too, so a difference can be read with `diff`.

    python bench/golden_exports.py --record     # before the change
    python bench/golden_exports.py --check      # after it
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

from reuters import DEFAULT_CORPUS, SHARED, first_articles

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EVAL = SHARED / "eval"
RECORD_NAME = "golden.json"
KEYS = ("id", "text", "title", "source", "url", "published")


def _records(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _write_pile(articles: list[dict], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for article in articles:
            record = {k: article[k] for k in KEYS if article.get(k) not in (None, "")}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def piles(eval_dir: Path, work: Path) -> dict[str, list[str]]:
    """The export arguments of each pile, writing the pile files into `work`."""
    basil = [a for s in _records(eval_dir / "basil_dev.jsonl") for a in s["articles"]]
    ecb = [a for c in _records(eval_dir / "ecbplus_dev_clusters.jsonl") for a in c["articles"]]
    return {
        "seeds": [],
        "basil": [str(_write_pile(basil, work / "basil.jsonl"))],
        "ecbplus": [str(_write_pile(ecb, work / "ecbplus.jsonl"))],
        "reuters5000": [str(first_articles(DEFAULT_CORPUS, 5000, work))],
    }


def export(name: str, sources: list[str], work: Path) -> str:
    """SHA-256 of the pile's JSON export, written to work/NAME.json."""
    target = work / f"{name}.json"
    target.unlink(missing_ok=True)
    newsterm = shutil.which("newsterm") or str(Path(sys.executable).with_name("newsterm"))
    command = [newsterm, "export", *sources, "--format", "json", "--no-cache", "-o", str(target)]
    subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
    return hashlib.sha256(target.read_bytes()).hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--record", action="store_true", help="record the exports' checksums")
    mode.add_argument("--check", action="store_true", help="compare with the record")
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="the eval data folder")
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsterm-golden"))
    parser.add_argument("--only", nargs="*", help="only these piles")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    record_path = args.work / RECORD_NAME
    recorded = json.loads(record_path.read_text()) if args.check else {}
    found: dict[str, str] = {}
    differ = []
    for name, sources in piles(args.eval, args.work).items():
        if args.only and name not in args.only:
            continue
        found[name] = export(name, sources, args.work)
        if args.check:
            same = recorded.get(name) == found[name]
            differ += [] if same else [name]
            print(f"{name:<12} {'identical' if same else 'DIFFERS'}  {found[name][:16]}")
        else:
            print(f"{name:<12} {found[name][:16]}")
    if args.record:
        record_path.write_text(json.dumps(found, indent=2) + "\n")
        for name in found:
            shutil.copy(args.work / f"{name}.json", args.work / f"{name}.reference.json")
        print(f"recorded in {record_path}")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
