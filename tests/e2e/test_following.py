"""Following a claim back out, in a real terminal (tmux): jump to a counterpart and back, open
the article's page through a `$BROWSER` that records what it was given, copy a citation (OSC 52,
which tmux keeps as a paste buffer), and export a report that cites the sources' addresses."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest

from .tmux import NEWSTERM, Terminal, available, export_story, recording_browser, wait_for_file

pytestmark = pytest.mark.skipif(not available(), reason="needs tmux and the installed command")

HERALD = "https://herald.example/news/bridge-collapse"
COURIER = "https://courier.example/riverton/toll-rises"

RECORDS = [
    {
        "id": "herald",
        "source": "Herald",
        "url": HERALD,
        "published": "2024-03-05",
        "title": "Bridge collapse in Riverton kills 12, officials say",
        "text": "Twelve people were killed when the Old Mill bridge collapsed in Riverton on "
        "Monday, officials said.\n\nRescue teams pulled 30 survivors from the river overnight."
        "\n\nMayor Ana Ruiz said the bridge had passed an inspection in January.",
    },
    {
        "id": "courier",
        "source": "Courier",
        "url": COURIER,
        "published": "2024-03-05",
        "title": "Death toll in Riverton rises after Monday's collapse",
        "text": "Fourteen people were killed when the Old Mill bridge collapsed in Riverton on "
        "Monday, police said.\n\nOvernight, rescue teams pulled 30 survivors from the river."
        "\n\nEngineers from the state arrived on Tuesday to examine the wreckage.",
    },
]


def _buffer(term: Terminal, wanted: str, timeout: float = 10.0) -> str:
    """tmux's newest paste buffer, once it holds `wanted` (the app's OSC 52 lands there)."""
    deadline = time.monotonic() + timeout
    shown = ""
    while time.monotonic() < deadline:
        shown = subprocess.run(
            term.tmux("show-buffer"), capture_output=True, text=True, check=False
        ).stdout
        if wanted in shown:
            return shown
        time.sleep(0.1)
    raise AssertionError(f"no paste buffer with {wanted!r}; the last was {shown!r}")


def test_jump_back_open_the_link_cite_and_export(tmp_path: Path) -> None:
    pile = tmp_path / "pile.jsonl"
    pile.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    browser, opened = recording_browser(tmp_path)
    with Terminal(
        [str(NEWSTERM), str(pile)], cwd=tmp_path, environ={"BROWSER": str(browser)}
    ) as term:
        # Application clipboard writes (OSC 52) become tmux paste buffers.
        subprocess.run(term.tmux("set-option", "-s", "set-clipboard", "on"), check=True)
        term.wait_for("Headline: match")  # the side panel is filled
        screen = term.wait_for("source 1 of 2")
        first = "Herald" if "Herald · 5 Mar 2024 · source 1 of 2" in screen else "Courier"
        other = "Courier" if first == "Herald" else "Herald"

        term.keys("Tab", "Enter")  # the side panel, then its first counterpart
        term.wait_for(f"{other} · 5 Mar 2024 · source 2 of 2")
        term.keys("BSpace")  # back where the jump started
        term.wait_for(f"{first} · 5 Mar 2024 · source 1 of 2")

        term.keys("o")
        term.wait_for("Opening https://")
        assert wait_for_file(opened) == (HERALD if first == "Herald" else COURIER)
        assert "Traceback" not in term.screen()

        term.keys("n")  # 12 against 14 killed: a conflict between the two
        term.wait_for("CONFLICT")
        term.keys("y")
        term.wait_for("Copied the passage")
        copied = _buffer(term, "Told differently")
        assert HERALD in copied and COURIER in copied
        assert "Herald, 5 Mar 2024" in copied and "Courier, 5 Mar 2024" in copied

        report = export_story(term, tmp_path)
        assert f"      {HERALD}\n" in report and f"      {COURIER}\n" in report
        term.keys("q")
        assert term.exited(), term.screen()
        assert "Traceback" not in term.screen()
