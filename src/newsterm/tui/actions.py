"""Every key of the app in one table: the bindings, the footer, the help screen and the command
palette are all read from it.

Before this table each of them spelled the keys out again, and a key added to one could be
forgotten in the others. A row says once which key runs which action, where it is bound, what
the footer and the help screen call it, and whether (and under which name) the command palette
offers it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual.binding import Binding, BindingType

Owner = Literal["main", "app", "help", "pane", "textual", "filter", "story", "compare", "problems"]
"""Where a key is bound: "main" in `MainScreen.BINDINGS`, "app" in `NewstermApp.BINDINGS`,
"help" in `HelpScreen.BINDINGS`, "filter" in the source list's filter field (`FilterInput`),
"story" in `StoryScreen.BINDINGS`, "compare" in `CompareScreen.BINDINGS`, "problems" in
`ProblemsScreen.BINDINGS`. Keys of the other
two owners are bound by Textual and only listed here for the help screen: "pane", the focused
pane's own keys (its `OptionList` or `Tree`), and "textual", the command palette's key
(`App.COMMAND_PALETTE_BINDING`)."""


@dataclass(frozen=True)
class PaletteEntry:
    """How the command palette offers an action: its place in the list, name and line of help."""

    order: int  # the palette lists next before previous, the footer lists keys left to right
    title: str
    help: str


@dataclass(frozen=True)
class Action:
    """One key (or several for the same action) and everything the interface says about it."""

    keys: str  # Textual key names, comma-separated, as `Binding` takes them
    action: str  # what the key runs; "" for keys a widget handles itself
    label: str  # short: the footer, and the key's line on the help screen
    owner: Owner
    show: bool = True  # in the footer
    key_display: str | None = None  # how the footer and the help screen write the key
    palette: PaletteEntry | None = None  # None keeps the action out of the command palette


ACTIONS: tuple[Action, ...] = (
    # Reading, on the main screen; in footer order.
    Action("j", "move(1)", "Next passage", "main", key_display="j/↓"),
    Action("k", "move(-1)", "Previous passage", "main", key_display="k/↑", show=False),
    Action(
        "n",
        "next('conflict')",
        "Next conflict",
        "main",
        palette=PaletteEntry(
            0, "Next conflict", "Jump to the next passage in conflict, in this story or the next"
        ),
    ),
    Action(
        "N",
        "next('conflict', False)",
        "Previous conflict",
        "main",
        show=False,
        palette=PaletteEntry(1, "Previous conflict", "Jump to the previous conflict"),
    ),
    Action(
        "m",
        "next('match')",
        "Next match",
        "main",
        show=False,
        palette=PaletteEntry(2, "Next match", "Jump to the next passage another source confirms"),
    ),
    Action(
        "u",
        "next('unique')",
        "Next unique",
        "main",
        show=False,
        palette=PaletteEntry(3, "Next unique passage", "Jump to what only this source reports"),
    ),
    Action(
        "M",
        "next('match', False)",
        "Previous match",
        "main",
        show=False,
        palette=PaletteEntry(10, "Previous match", "Jump to the previous confirmed passage"),
    ),
    Action(
        "U",
        "next('unique', False)",
        "Previous unique",
        "main",
        show=False,
        palette=PaletteEntry(11, "Previous unique passage", "Jump back to what only one reports"),
    ),
    Action("g", "edge(False)", "First passage (the headline)", "main", show=False),
    Action("G", "edge(True)", "Last passage", "main", show=False),
    Action(
        "backspace,ctrl+o",
        "back",
        "Back to where the last jump started",
        "main",
        show=False,
        palette=PaletteEntry(12, "Back", "Return to where you were before the last jump"),
    ),
    Action(
        "right_curly_bracket",
        "story(1)",
        "Next story",
        "main",
        show=False,
        key_display="}",
        palette=PaletteEntry(13, "Next story", "Open the next story of the source list"),
    ),
    Action(
        "left_curly_bracket",
        "story(-1)",
        "Previous story",
        "main",
        show=False,
        key_display="{",
        palette=PaletteEntry(14, "Previous story", "Open the previous story of the list"),
    ),
    Action(
        "o",
        "open_link",
        "Open the article's link in the browser",
        "main",
        show=False,
        palette=PaletteEntry(15, "Open original article", "Open its link ($BROWSER or default)"),
    ),
    Action(
        "y",
        "copy_citation",
        "Copy the passage as a citation",
        "main",
        show=False,
        palette=PaletteEntry(
            16, "Copy citation", "The passage with outlet, date and link (both sides of a conflict)"
        ),
    ),
    Action(
        "left_square_bracket",
        "article(-1)",
        "Previous article",
        "main",
        key_display="[",
        palette=PaletteEntry(
            5, "Previous article of the story", "Open the story's previous source"
        ),
    ),
    Action(
        "right_square_bracket",
        "article(1)",
        "Next article",
        "main",
        key_display="]",
        palette=PaletteEntry(4, "Next article of the story", "Open the story's next source"),
    ),
    Action(
        "slash",
        "search",
        "Search",
        "main",
        key_display="/",
        palette=PaletteEntry(6, "Search articles", "Find passages containing words"),
    ),
    Action(
        "e",
        "export",
        "Export",
        "main",
        palette=PaletteEntry(
            7, "Export story as text", "Write the story's highlighted diff to a file"
        ),
    ),
    Action(
        "s",
        "toggle_sources",
        "Toggle sources",
        "main",
        show=False,
        palette=PaletteEntry(8, "Toggle source list", "Show or hide the stories and articles"),
    ),
    Action(
        "x",
        "toggle_crossref",
        "Toggle side panel",
        "main",
        show=False,
        palette=PaletteEntry(9, "Toggle cross-reference panel", "Show or hide the side panel"),
    ),
    # Finding the stories that matter (FindingScreen, a base of the main screen).
    Action(
        "f",
        "filter",
        "Filter the source list: words, outlet:, from:, to:, has:conflicts",
        "main",
        show=False,
        palette=PaletteEntry(17, "Filter sources", "By words, outlet:name, from:/to: dates"),
    ),
    Action(
        "r",
        "rank",
        "Sort stories: most outlets, most recent, most conflicts",
        "main",
        show=False,
        palette=PaletteEntry(18, "Sort stories", "Most outlets, most recent or most conflicts"),
    ),
    Action(
        "exclamation_mark",
        "conflicts_only",
        "Only stories with conflicts (again: all of them)",
        "main",
        show=False,
        key_display="!",
        palette=PaletteEntry(19, "Only stories with conflicts", "Where the outlets disagree"),
    ),
    Action(
        "t",
        "story_view",
        "Story view: timeline, who covered it, conflicts",
        "main",
        show=False,
        palette=PaletteEntry(
            20, "Story view", "Its outlets over time, who covered it or not, its conflicts"
        ),
    ),
    Action(
        "c",
        "compare",
        "Two sources side by side",
        "main",
        show=False,
        palette=PaletteEntry(21, "Compare side by side", "This article and another, aligned"),
    ),
    Action(
        "P",
        "problems",
        "Every problem met in the sources",
        "main",
        show=False,
        palette=PaletteEntry(22, "Source problems", "Files and URLs not read, and why"),
    ),
    Action("tab", "app.focus_next", "Next pane", "main", show=False),
    Action("shift+tab", "app.focus_previous", "Previous pane", "main", show=False),
    # In a pane: the widgets' own keys, listed on the help screen.
    Action("up,down", "", "Move in the focused pane", "pane"),
    Action("enter", "", "Open the article / jump to the counterpart", "pane"),
    Action("mouse", "", "Click a story, an article, a passage or a counterpart", "pane"),
    # Everywhere.
    Action("q", "quit", "Quit", "app"),
    # Textual's own ctrl+c only says which key quits. With text selected, the screen or the
    # search field copies it instead, before this binding is reached.
    Action("ctrl+c", "quit", "Quit (or copy the selected text)", "app", show=False),
    Action("question_mark", "help", "Help", "app", key_display="?"),
    Action("ctrl+p", "command_palette", "Commands: actions, stories, articles, themes", "textual"),
    # On the help screen.
    Action("escape,q,question_mark", "dismiss", "Close help", "help"),
    Action("j,down", "scroll(1)", "Scroll down", "help", show=False),
    Action("k,up", "scroll(-1)", "Scroll up", "help", show=False),
    # In the source list's filter field (f).
    Action("enter,down", "keep", "Back to the list, the filter kept", "filter", show=False),
    Action("escape", "clear", "Clear the filter, back to the list", "filter", show=False),
    # In the story view (t).
    Action("enter", "open", "Read the article or the passage", "story"),
    Action("c", "compare", "Side by side: a conflict's two sources", "story"),
    Action("j", "move(1)", "Next line", "story", show=False, key_display="j/↓"),
    Action("k", "move(-1)", "Previous line", "story", show=False, key_display="k/↑"),
    Action("escape,q,t", "close", "Back to reading", "story"),
    # Side by side (c).
    Action("n", "difference", "Next difference", "compare"),
    Action("N", "difference(False)", "Previous difference", "compare", show=False),
    Action("left_square_bracket", "other(-1)", "Other source", "compare", key_display="["),
    Action("right_square_bracket", "other(1)", "Other source", "compare", key_display="]"),
    Action("s", "swap", "Swap sides", "compare"),
    Action("enter", "read", "Read this passage", "compare"),
    Action("j", "move(1)", "Next row", "compare", show=False, key_display="j/↓"),
    Action("k", "move(-1)", "Previous row", "compare", show=False, key_display="k/↑"),
    Action("escape,q,c", "close", "Back to reading", "compare"),
    # The sources' problems (P).
    Action("escape,q,P", "dismiss", "Close", "problems"),
    Action("j,down", "scroll(1)", "Scroll down", "problems", show=False),
    Action("k,up", "scroll(-1)", "Scroll up", "problems", show=False),
)

HELP_SECTIONS: tuple[tuple[str, tuple[Owner, ...]], ...] = (
    ("Reading", ("main",)),
    ("In a pane", ("pane",)),
    ("Everywhere", ("app", "textual")),
    ("In the filter field (f)", ("filter",)),
    ("Story view (t)", ("story",)),
    ("Side by side (c)", ("compare",)),
    ("Source problems (P)", ("problems",)),
)
"""The help screen's sections, in order, and whose keys each lists."""


def bindings(owner: Owner) -> list[BindingType]:
    """The owner's rows as a `BINDINGS` class attribute, in table order (the footer's order)."""
    return [*key_bindings(owner)]


def key_bindings(owner: Owner) -> list[Binding]:
    """The owner's rows as Textual bindings, in table order."""
    return [
        Binding(row.keys, row.action, row.label, show=row.show, key_display=row.key_display)
        for row in ACTIONS
        if row.owner == owner
    ]


def help_sections() -> list[tuple[str, list[Binding]]]:
    """Each help section's title and keys."""
    return [
        (title, [binding for owner in owners for binding in key_bindings(owner)])
        for title, owners in HELP_SECTIONS
    ]


def palette_key() -> str:
    """The key that opens the command palette."""
    return next(row.keys for row in ACTIONS if row.action == "command_palette")


def palette_actions() -> list[tuple[str, str, str]]:
    """(title, action, help) of each action the command palette offers, in the palette's order.

    Every one is a main screen action, run on that screen."""
    offered = [(row.palette, row.action) for row in ACTIONS if row.palette is not None]
    offered.sort(key=lambda pair: pair[0].order)
    return [(entry.title, action, entry.help) for entry, action in offered]
