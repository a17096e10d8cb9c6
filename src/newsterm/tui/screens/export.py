"""Exporting a story: the file proposed, the dialog that lets you change it, and the writing.

The dialog decides nothing about the disk except whether to ask before replacing a file; the
writing itself is `export.write_file`, atomic and refusing to overwrite unless told to, run in
a thread worker of the main screen (`export_in`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Static

from newsterm.export import ExportError, render_text, write_file
from newsterm.model import Story
from newsterm.tui.screens.confirm import Confirm
from newsterm.tui.screens.once import OnceModal
from newsterm.tui.threads import finishing

if TYPE_CHECKING:
    from newsterm.corpus.corpus import Corpus


@dataclass(frozen=True)
class ExportRequest:
    path: Path
    overwrite: bool = False


def default_export_path(story: Story, folder: Path | None = None) -> Path:
    """'newsterm-<story words>.txt' in the current folder, numbered if that name is taken."""
    folder = folder or Path.cwd()
    slug = re.sub(r"[^a-z0-9]+", "-", story.title.lower()).strip("-")[:48].rstrip("-")
    stem = f"newsterm-{slug or story.id}"
    candidate = folder / f"{stem}.txt"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}.txt"
        number += 1
    return candidate


def write_story(corpus: Corpus, story_id: str, request: ExportRequest) -> Path:
    """Write the story's highlighted diff where the dialog said; the path written. Raises
    `export.ExportError` with the reason when it cannot."""
    text = render_text(corpus, story_ids=[story_id])
    return write_file(request.path, text, force=request.overwrite)


def export_in(screen: Screen[None], corpus: Corpus, story_id: str, request: ExportRequest) -> None:
    """Write the story in a thread worker of `screen`, which says when it is done or why not."""

    def write() -> None:
        try:
            with finishing():  # a quit waits for the file to be written whole
                written = write_story(corpus, story_id, request)
        except ExportError as error:
            screen.app.call_from_thread(
                screen.notify, f"Export failed: {error}", severity="error", markup=False
            )
            return
        screen.app.call_from_thread(
            screen.notify, f"Exported this story to {written}", title="Export", markup=False
        )

    screen.run_worker(write, thread=True, group="export", exit_on_error=False)


class ExportDialog(OnceModal[ExportRequest | None]):
    """Enter accepts, escape cancels; an existing file is only replaced after a yes."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    AUTO_FOCUS = "#path"

    def __init__(self, default: Path) -> None:
        super().__init__()
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(id="export", classes="dialog"):
            yield Label("Export this story's highlighted diff as text to:")
            yield Input(str(self.default), id="path", select_on_focus=False)
            yield Static(id="export-error")
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Export", id="ok", variant="primary")

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _accept(self) -> None:
        raw = self.query_one(Input).value.strip()
        if not raw:
            self._error("Type a file name.")
            return
        path = Path(raw).expanduser()
        if path.is_dir():
            self._error(f"{path} is a folder; add a file name.")
            return
        if not path.parent.is_dir():
            self._error(f"Folder {path.parent} does not exist.")
            return
        if path.exists():

            def answered(yes: bool | None) -> None:
                if yes:
                    self.dismiss(ExportRequest(path, overwrite=True))

            question = Confirm(f"{path} already exists. Replace it?", "Replace")
            self.app.push_screen(question, answered)
            return
        self.dismiss(ExportRequest(path))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def _error(self, message: str) -> None:
        self.query_one("#export-error", Static).update(Text(message))
