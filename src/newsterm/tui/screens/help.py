"""The help screen: every key, read from the table of keys (tui.actions) so it cannot go stale,
and what every mark, badge, date and number on the screen means."""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from newsterm.tui import actions
from newsterm.tui.render import MARKS
from newsterm.tui.screens.once import ScrollingDialog

_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "left_curly_bracket": "{",
    "right_curly_bracket": "}",
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


MEANINGS = {
    "match": "another outlet reports the same claim, told consistently",
    "conflict": "another outlet reports the same claim differently (number, date, quote…)",
    "update": "told differently days later, or again by the same outlet (14 → 23)",
    "related": "another article speaks of the same subject with different details",
    "unique": "no other outlet of the story reports it",
    "pending": "the story's sources are still being compared",
}

# What else the screen writes, as it writes it. Every badge and sign a reader can meet is here:
# a test checks the marks, and that the examples below are what the list and panel show.
SIGNS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "In the source list",
        (
            (
                "(4, 2 outlets · 2–3 Jun)",
                "after a story's title: 4 articles by 2 outlets, 2–3 June",
            ),
            ("(3, 2 independent)", "3 articles, 2 of them copies of one wire report"),
            (
                "2≠ 1Δ 6✓ 4•",
                "an article's passages: 2 in conflict, 1 update, 6 confirmed, 4 it alone "
                "reports (related ~ are not counted); … while still counting",
            ),
            ("≈2 Jun 2025?", "no date of its own: its story's, borrowed to read 'last week'"),
            ("date ?", "no date known, none to borrow"),
            ("(file name)", "no outlet is named: the name of its file stands in"),
        ),
    ),
    (
        "In the side panel",
        (
            ("≠ CONFLICT number", "the counterpart's relation and what differs"),
            ("Outlet · 3 Jun 2025 · 0.87", "where it is told, when, and how alike (0 to 1)"),
            ("underlined words", "what the counterpart says that the passage does not"),
            ("only Outlet adds: …", "a detail of a matching claim the other does not tell"),
            ("Confirmed by 1 of 2", "other outlets telling it the same, the article's not counted"),
            ("independent reports", "outlets, with copies of one wire report counted once"),
        ),
    ),
)


def _grid(rows: list[tuple[Text, Text]]) -> Table:
    """Signs and their meanings side by side: a meaning too long for a narrow terminal wraps
    under itself, not under the sign."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for sign, meaning in rows:
        grid.add_row(sign, meaning)
    return grid


def legend() -> Group:
    """Each mark, then each badge, date and number the list and the side panel show."""
    parts: list[RenderableType] = [Text("Marks", style="bold underline")]
    marks = [(MARKS[status][0], meaning) for status, meaning in MEANINGS.items()]
    for title, rows in (("", marks), *SIGNS):
        if title:
            parts += [Text(""), Text(title, style="bold underline")]
        parts.append(_grid([(Text(sign, style="bold"), Text(meaning)) for sign, meaning in rows]))
    return Group(*parts)


def plain(renderable: RenderableType, width: int = 100) -> str:
    """What a renderable reads as at a width, without styles (the tests read the help so)."""
    out = io.StringIO()
    Console(file=out, width=width, color_system=None, legacy_windows=False).print(renderable)
    return out.getvalue()


def closing_line(binding: Binding) -> str:
    """'a, b or c closes this screen.' for the keys of the binding that closes it."""
    keys = _names(binding)
    listed = ", ".join(keys[:-1]) + " or " + keys[-1] if len(keys) > 1 else keys[0]
    return f"{listed} closes this screen; j/k or the arrows scroll it."


class HelpScreen(ScrollingDialog):
    """Every key by section, then what each mark means."""

    BINDINGS = actions.bindings("help")

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="dialog"):
            yield Static(Text("newsterm keys", style="bold"), id="help-title")
            yield Static(key_table(actions.help_sections()))
            yield Static(legend(), id="legend")
            yield Static(Text(closing_line(actions.key_bindings("help")[0]), style="dim"))
