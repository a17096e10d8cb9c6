"""The help screen: every key, read from the table of keys (tui.actions) so it cannot go stale."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from newsterm.tui import actions
from newsterm.tui.render import MARKS

_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "escape": "esc",
}


def _names(binding: Binding) -> list[str]:
    return [_NAMES.get(key, key) for key in binding.key.split(",")]


def _keys(binding: Binding) -> str:
    return binding.key_display or "/".join(_names(binding))


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
    text = Text()
    text.append("Marks\n", style="bold underline")
    meanings = {
        "match": "another outlet reports the same claim, told consistently",
        "conflict": "another outlet reports the same claim differently (number, date, quote…)",
        "update": "told differently days later, or again by the same outlet (14 → 23)",
        "related": "another article speaks of the same subject with different details",
        "unique": "no other outlet of the story reports it",
        "pending": "the story's sources are still being compared",
    }
    for status, meaning in meanings.items():
        text.append(f"{MARKS[status][0]}  ", style="bold")
        text.append(f"{meaning}\n")
    return text


def closing_line(binding: Binding) -> str:
    """'a, b or c closes this screen.' for the keys of the binding that closes it."""
    keys = _names(binding)
    listed = ", ".join(keys[:-1]) + " or " + keys[-1] if len(keys) > 1 else keys[0]
    return f"{listed} closes this screen."


class HelpScreen(ModalScreen[None]):
    """Every key by section, then what each mark means."""

    BINDINGS = actions.bindings("help")

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="dialog"):
            yield Static(Text("newsterm keys", style="bold"), id="help-title")
            yield Static(key_table(actions.help_sections()))
            yield Static(legend())
            yield Static(Text(closing_line(actions.key_bindings("help")[0]), style="dim"))
