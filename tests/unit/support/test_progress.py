"""The progress bar: silent when not on a terminal, drawn and cleared on one."""

from __future__ import annotations

import io

from newsterm.support.progress import ProgressBar


def test_progress_bar_is_silent_when_not_a_terminal() -> None:
    stream = io.StringIO()
    bar = ProgressBar(stream)
    bar("indexing", 5, 10)
    bar.close()
    assert stream.getvalue() == ""


def test_progress_bar_draws_and_clears_on_a_terminal() -> None:
    stream = io.StringIO()
    bar = ProgressBar(stream, enabled=True, labels={"indexing": "Indexing"})
    bar("indexing", 10, 10)
    bar.close()
    assert "Indexing" in stream.getvalue() and "10/10" in stream.getvalue()
    assert stream.getvalue().endswith("\r\x1b[2K")


def test_the_command_line_names_every_stage_of_a_load() -> None:
    """The bar knows no stages; the command line gives each one a name a person reads."""
    from newsterm.cli import STAGE_LABELS

    stages = {"reading", "indexing", "grouping", "aligning", "exporting", "cache", "saving"}
    assert stages <= set(STAGE_LABELS)
