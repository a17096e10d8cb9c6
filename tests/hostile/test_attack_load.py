"""Piles that cost too much: more than the memory the process may have, the same article 5,000
times, and 2,000 near-identical articles in one story. Each ends in bounded time with what the
reader needs to know; none ends in a traceback."""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

from newsterm.support.memory import OUT_OF_MEMORY

WAIT = 120.0
# What the export imports, and then its address space: the floor a limit is measured from.
IMPORTS = (
    "import newsterm.cli, newsterm.corpus.load, newsterm.export, newsterm.ingest.sources\n"
    "for line in open('/proc/self/status'):\n"
    "    if line.startswith('VmPeak'):\n"
    "        print(line.split()[1])\n"
)


def _imports_mb() -> float:
    done = subprocess.run(
        [sys.executable, "-c", IMPORTS], capture_output=True, text=True, timeout=WAIT, check=True
    )
    return int(done.stdout) / 1024


WORDS = [f"w{n}" for n in range(5000)]


def _wide_pile(path: Path, articles: int, sentences: int) -> Path:
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as out:
        for n in range(articles):
            text = ". ".join(
                " ".join(rng.choice(WORDS) for _ in range(15)) for _ in range(sentences)
            )
            record = {"title": f"Story {n}", "source": f"Outlet {n % 7}", "text": text + "."}
            out.write(json.dumps(record) + "\n")
    return path


def test_a_pile_over_the_memory_limit_ends_in_one_line(tmp_path: Path) -> None:
    """Before: a MemoryError traceback out of the index. The limit is the address space of the
    modules an export imports plus 60 MB; the pile (10 MB of JSON Lines, 120,000 sentences,
    read a line at a time) needs far more. Whether memory runs out while reading a file or
    while building, the run ends with status 1 and one line saying so (and, if it was a
    file, a line naming it), no traceback, no report."""
    limit = int((_imports_mb() + 60) * 2**20)
    pile = _wide_pile(tmp_path / "pile.jsonl", 3_000, 40)

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    argv = ["export", str(pile), "-o", str(tmp_path / "out.json"), "--no-cache", "-j", "1"]
    done = subprocess.run(
        [sys.executable, "-m", "newsterm", *argv],
        capture_output=True,
        text=True,
        timeout=WAIT,
        preexec_fn=cap,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr
    lines = done.stderr.splitlines()
    assert lines and all(line.startswith("newsterm: ") for line in lines), lines
    assert lines[-1] == f"newsterm: {OUT_OF_MEMORY}" or (
        f"newsterm: {pile}: not enough memory to read it" in lines
    ), lines
    assert not (tmp_path / "out.json").exists()


ARTICLE = {
    "title": "Ferry runs aground off the northern coast",
    "source": "Gazette",
    "text": "The ferry Nordlys ran aground on Tuesday night. All 214 passengers were brought "
    "ashore safely, the coastguard said. The cause is under investigation.",
}


def test_the_same_article_5000_times_is_one_article_and_one_note(tmp_path: Path) -> None:
    """5,000 copies (as a scraper that loops produces) are merged into one, and the merge is
    reported once, with the count, not 4,999 times."""
    pile = tmp_path / "copies.jsonl"
    pile.write_text((json.dumps(ARTICLE) + "\n") * 5_000, encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, sys, newsterm\n"
            "c = newsterm.load([sys.argv[1]])\n"
            "print(json.dumps([len(c.articles), [e.reason for e in c.errors]]))",
            str(pile),
        ],
        capture_output=True,
        text=True,
        timeout=WAIT,
        check=True,
    )
    count, reasons = json.loads(done.stdout)
    assert count == 1
    assert 1 <= len(reasons) <= 6, reasons  # the dedup notes are capped
    assert any(reason.startswith("4,999 duplicates read once") for reason in reasons), reasons


def _near_identical(path: Path, count: int) -> Path:
    """`count` reports of one event differing in a number, an outlet and a word or two."""
    rng = random.Random(11)
    verbs = ["said", "told reporters", "confirmed", "announced", "stated"]
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            record = {
                "title": f"Ferry runs aground off the northern coast, {rng.choice(verbs)}",
                "source": f"Outlet {n}",
                "published": "2024-08-14",
                "text": f"The ferry Nordlys ran aground on Tuesday night with "
                f"{rng.randint(200, 230)} passengers aboard, the coastguard "
                f"{rng.choice(verbs)}. Rescue boats reached the ship within "
                f"{rng.randint(20, 50)} minutes. The cause of the grounding is under "
                "investigation, the ferry company said.",
            }
            out.write(json.dumps(record) + "\n")
    return path


class Grouped(NamedTuple):
    articles: int
    stories: int
    largest: int
    peak_mb: float


@pytest.fixture(scope="module")
def near_identical(tmp_path_factory: pytest.TempPathFactory) -> Grouped:
    """2,000 near-identical reports loaded, grouped and aligned by a child process that is
    killed after WAIT seconds: a hang or an n^2 explosion runs into that limit."""
    pile = _near_identical(tmp_path_factory.mktemp("near") / "same.jsonl", 2_000)
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, resource, sys, newsterm\n"
            "c = newsterm.load([sys.argv[1]])\n"
            "c.align_all()\n"
            "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
            "largest = max(len(s.article_ids) for s in c.stories)\n"
            "print(json.dumps([len(c.articles), len(c.stories), largest, peak]))",
            str(pile),
        ],
        capture_output=True,
        text=True,
        timeout=WAIT,
        check=True,
    )
    return Grouped(*json.loads(done.stdout))


def test_2000_near_identical_articles_load_and_align_without_blowing_up(
    near_identical: Grouped,
) -> None:
    """No quadratic blow-up in time or memory: the whole run ends inside the time limit and
    in bounded memory. The figures for 500 against 2,000 belong in a bench script; here the
    bound is only a generous one. (Today the 2,000 are not grouped, see the next test, so this
    bounds loading, indexing and grouping; a story of 150 of them in a pile of 2,000 aligns in
    about 12 s, 40 in about 2 s.)"""
    assert near_identical.articles == 2_000
    assert near_identical.peak_mb < 2_000


@pytest.mark.xfail(
    strict=True,
    reason="grouping finds candidates through terms in at most Index.posting_cap() articles "
    "(50 and up, growing with the pile): when more reports than that share every word, none "
    "is a candidate for another and each is a story of its own (20 such reports make one "
    "story, 100 make 100). The cap is what keeps grouping linear: copies beyond it need a "
    "near-duplicate pass of their own, collapsed before the average linkage",
)
def test_2000_near_identical_articles_are_one_story(near_identical: Grouped) -> None:
    assert near_identical.largest >= 1_900
