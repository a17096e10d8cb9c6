"""The help screen: every key, built from the bindings themselves so it cannot go stale."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from newsterm.tui.render import MARKS


def _keys(binding: Binding) -> str:
    if binding.key_display:
        return binding.key_display
    names = {
        "question_mark": "?",
        "slash": "/",
        "left_square_bracket": "[",
        "right_square_bracket": "]",
        "escape": "esc",
    }
    return "/".join(names.get(key, key) for key in binding.key.split(","))


def key_table(sections: list[tuple[str, list[Binding]]]) -> Text:
    """Keys and what they do, as one `Text` (plain to read back, nothing parsed as markup)."""
    width = max(len(_keys(b)) for _, bindings in sections for b in bindings) + 3
    text = Text()
    for title, bindings in sections:
        text.append(f"{title}\n", style="bold underline")
        for binding in bindings:
            text.append(_keys(binding).ljust(width), style="bold")
            text.append(f"{binding.description}\n")
        text.append("\n")
    return text


def legend() -> Text:
    text = Text("Marks\n", style="bold underline")
    meanings = {
        "match": "another source reports the same claim, told consistently",
        "conflict": "another source reports the same claim differently (number, date, quote…)",
        "related": "another source speaks of the same subject with different details",
        "unique": "no other source of the story reports it",
        "pending": "the story's sources are still being compared",
    }
    for status, meaning in meanings.items():
        text.append(f"{MARKS[status][0]}  ", style="bold")
        text.append(f"{meaning}\n")
    return text


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close help")]

    def __init__(self, main: Screen[object]) -> None:
        super().__init__()
        self.main = main

    def compose(self) -> ComposeResult:
        app_bindings = [b for b in self.app.BINDINGS if isinstance(b, Binding)]
        sections = [
            ("Reading", [b for b in self.main.BINDINGS if isinstance(b, Binding)]),
            (
                "In a pane",
                [
                    Binding("up,down", "", "Move in the focused pane"),
                    Binding("enter", "", "Open the article / jump to the counterpart"),
                    Binding("mouse", "", "Click a story, an article, a passage or a counterpart"),
                ],
            ),
            (
                "Everywhere",
                [
                    *app_bindings,
                    Binding("ctrl+p", "", "Commands: actions, stories, articles, themes"),
                ],
            ),
        ]
        with VerticalScroll(id="help", classes="dialog"):
            yield Static(Text("newsterm keys", style="bold"), id="help-title")
            yield Static(key_table(sections))
            yield Static(legend())
            yield Static(Text("esc, q or ? closes this screen.", style="dim"))
