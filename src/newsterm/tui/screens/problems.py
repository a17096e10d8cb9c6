"""The sources' problems, listed whole after their notifications have faded.

A load notifies the first few problems it met (tui.loading.error_notes); on a big pile those
fade in seconds and name only five. This screen lists every one, errors before notes, each on
its own lines. The words come from the sources (file names, URLs), so they go in as `Text`,
never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from newsterm.model import LoadError
from newsterm.tui import actions
from newsterm.tui.screens.once import ScrollingDialog


def problems_text(errors: Sequence[LoadError]) -> Text:
    """'3 sources not read, 2 notes', then each error, then each note."""
    failed = [e for e in errors if e.kind != "note"]
    notes = [e for e in errors if e.kind == "note"]
    text = Text()
    if not errors:
        text.append("Every source was read without a problem.", style="dim")
        return text
    counts = []
    if failed:
        counts.append(f"{len(failed):,} source{'s' if len(failed) != 1 else ''} not read")
    if notes:
        counts.append(f"{len(notes):,} note{'s' if len(notes) != 1 else ''}")
    text.append(", ".join(counts) + "\n", style="bold")
    for error in (*failed, *notes):
        text.append("\n")
        text.append("✗ " if error.kind != "note" else "• ", style="bold")
        text.append(error.location, style="bold")
        text.append(f"\n  {error.reason}")
    return text


class ProblemsScreen(ScrollingDialog):
    """Every problem met in the sources, scrollable."""

    BINDINGS = actions.bindings("problems")

    def __init__(self, errors: Sequence[LoadError]) -> None:
        super().__init__()
        self.errors = tuple(errors)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="problems", classes="dialog"):
            yield Static(Text("Source problems", style="bold"), id="problems-title")
            yield Static(problems_text(self.errors), id="problems-list")
