"""Ctrl+C and SIGTERM in the middle of a real export: it ends at once, says so in one line, and
leaves nothing behind: no traceback, no output or temporary file, no worker process.

The export runs as a subprocess in a session of its own, on a pile big enough (3,000 articles in
600 stories) that grouping and comparing fork workers and take seconds; the signal is sent once
those workers exist, so it lands in the middle of the work, not before it starts.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="forks workers and reads /proc: Linux only"
)

# Every wait is bounded: a run that hangs fails instead of hanging the suite.
WAIT = 120.0
ARTICLES = 3_000  # above corpus.stories' FORK_MIN_ARTICLES (2,000): grouping forks
SYLLABLES = ["ka", "lo", "mar", "ven", "tri", "dor", "sel", "bra", "qui", "nor", "tas", "pel"]
EVENTS = ["flood", "fire", "strike", "storm", "crash", "protest"]
OUTLETS = ["Herald", "Courier", "Gazette", "Tribune", "Post"]


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).title()


def write_pile(path: Path) -> Path:
    """Stories of five reports each, sharing a place, a person and most words, and differing in
    a number or two: enough for grouping and alignment to have real work."""
    rng = random.Random(22)
    with path.open("w", encoding="utf-8") as out:
        for story in range(ARTICLES // len(OUTLETS)):
            town, person, event = _name(rng), _name(rng), rng.choice(EVENTS)
            day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(10, 28)}"
            homes = rng.randint(10, 400)
            for outlet in OUTLETS:
                text = (
                    f"The {event} in {town} damaged {homes + rng.choice([0, 0, 5])} homes on "
                    f"Monday, mayor {person} said. {person} told reporters that the {event} in "
                    f"{town} was the worst in {rng.choice([20, 30])} years. Emergency crews from "
                    f'{town} rescued {rng.choice([7, 8])} people near the river. "We have never '
                    f'seen anything like this in {town}," {person} said.'
                )
                record = {
                    "id": f"{story}-{outlet}",
                    "title": f"{event.title()} hits {town}, {person} says",
                    "source": outlet,
                    "published": day,
                    "text": text,
                }
                out.write(json.dumps(record) + "\n")
    return path


@pytest.fixture(scope="module")
def pile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_pile(tmp_path_factory.mktemp("pile") / "pile.jsonl")


def children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (and that are not zombies), from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_for(condition: object, seconds: float = WAIT) -> bool:
    """Poll `condition()` until it is true or `seconds` pass; whether it came true."""
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


@pytest.mark.parametrize(
    ("signum", "to_group", "status", "message"),
    [
        (signal.SIGINT, True, 130, "newsterm: interrupted"),  # Ctrl+C: the whole group gets it
        (signal.SIGINT, False, 130, "newsterm: interrupted"),
        (signal.SIGTERM, False, 143, "newsterm: terminated"),  # `kill PID`
    ],
    ids=["ctrl-c", "sigint", "sigterm"],
)
def test_a_signal_mid_export_ends_it_cleanly(
    pile: Path, tmp_path: Path, signum: int, to_group: bool, status: int, message: str
) -> None:
    output = tmp_path / "out" / "report.json"
    output.parent.mkdir()
    argv = ["export", str(pile), "-f", "json", "-j", "2", "--no-cache", "-o", str(output)]
    export = subprocess.Popen(
        [sys.executable, "-m", "newsterm", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a shell job would be
    )
    try:
        # Working: its workers exist (grouping forks them after reading and indexing).
        assert wait_for(lambda: children(export.pid) or export.poll() is not None)
        assert export.poll() is None, "the export ended before it could be interrupted"
        workers = children(export.pid)
        if to_group:
            os.killpg(export.pid, signum)
        else:
            os.kill(export.pid, signum)
        out, err = export.communicate(timeout=WAIT)
        assert export.returncode == status
        assert err.decode().splitlines() == [message]
        assert b"Traceback" not in err and out == b""
        assert list(output.parent.iterdir()) == []  # no report, no temporary file
        assert wait_for(lambda: not group_alive(export.pid), 30), "a worker outlived the export"
        assert not any(Path(f"/proc/{pid}").exists() for pid in workers)
    finally:
        if export.poll() is None:
            export.kill()
            export.communicate(timeout=WAIT)
        if group_alive(export.pid):
            os.killpg(export.pid, signal.SIGKILL)
