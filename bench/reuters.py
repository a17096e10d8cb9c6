"""The Reuters-21578 corpus the speed benchmarks run on, and its first N articles as a file.

Shared by the bench scripts (run as `python bench/NAME.py`, so this folder is on the path): each
size of a benchmark is the corpus's first N lines, the same articles for every script.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The shared data beside the checkout; NEWSTERM_SHARED points elsewhere (a second worktree).
SHARED = Path(os.environ.get("NEWSTERM_SHARED", ROOT.parent / "shared"))
DEFAULT_CORPUS = SHARED / "corpora" / "reuters21578.jsonl"


def first_articles(corpus: Path, count: int | None, folder: Path) -> Path:
    """A JSON Lines file in `folder` with the corpus's first `count` articles (None: all)."""
    if count is None:
        return corpus
    path = folder / f"reuters_{count}.jsonl"
    with corpus.open(encoding="utf-8") as source, path.open("w", encoding="utf-8") as out:
        for number, line in enumerate(source):
            if number >= count:
                break
            out.write(line)
    return path
