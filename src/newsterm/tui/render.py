"""Rich renderables for article text, built as `Text` objects so no article can inject markup.

Every string that came from an article goes through `Text(...)`/`Text.append`, never through
markup parsing; the glyph beside each passage carries its meaning when colour is unavailable
(NO_COLOR, monochrome terminals), and the colour only repeats it.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.style import Style
from rich.text import Text

from newsterm.model import (
    Article,
    Link,
    Passage,
    Story,
    StoryAlignment,
    format_date,
    inferred_day,
    other_end,
)
from newsterm.text.diff import pair_spans

if TYPE_CHECKING:
    from newsterm.corpus.corpus import Corpus

# Status -> (glyph, word). The glyph must stay distinguishable without colour.
MARKS: dict[str, tuple[str, str]] = {
    "conflict": ("≠", "conflict"),
    "update": ("Δ", "update"),
    "match": ("✓", "match"),
    "related": ("~", "related"),
    "unique": ("•", "unique"),
    "pending": ("·", "not compared yet"),
}

StyleMap = Mapping[str, Style]
BADGE_WIDTH = 9  # "2≠ 12✓ 5•"; longer badges push the label right
HEADER_WIDTH = 100  # the article header's width before the pane has one
LOCATION_MIN = 24  # narrower than this beside the date, the location takes a line of its own


def short_date(article: Article) -> str:
    """A date that fits a list column: '3 Jun 2025', '≈2 Jun 2025?' when borrowed from the
    story (model.inferred_day: never '~', the related mark), 'date ?' when unknown."""
    if article.published is not None:
        when = article.published
        return f"{when.day} {when:%b %Y}"
    if article.reference_date is not None:
        return inferred_day(article.reference_date)
    return "date ?"


@dataclass(frozen=True, slots=True)
class Counts:
    """How an article's passages fare against the rest of its story."""

    match: int = 0
    conflict: int = 0
    update: int = 0
    unique: int = 0
    related: int = 0


def article_counts(article: Article, alignment: StoryAlignment | None) -> Counts | None:
    if alignment is None:
        return None
    tally = {"match": 0, "conflict": 0, "update": 0, "unique": 0, "related": 0}
    for passage in article.passages:
        tally[alignment.status(passage.id)] += 1
    return Counts(**tally)


def badges(counts: Counts | None, styles: StyleMap) -> Text:
    """'3✓ 2≠ 5•' with each count in its mark's style; empty counts are left out."""
    text = Text()
    if counts is None:
        return text.append("…", styles["pending"])
    for status, value in (
        ("conflict", counts.conflict),
        ("update", counts.update),
        ("match", counts.match),
        ("unique", counts.unique),
    ):
        if value:
            if text:
                text.append(" ")
            text.append(f"{value}{MARKS[status][0]}", styles[status])
    return text


def story_label(story: Story) -> Text:
    """'Title (3 · 2–3 Jun)': how many articles ('4, 2 outlets' when some share an outlet) and
    when they came out, so that a story's time span is seen before it is opened."""
    sources = len(story.article_ids)
    label = Text(story.title or "(untitled)", overflow="ellipsis", no_wrap=True)
    extra = f"{sources}"
    if story.outlet_count != sources:
        extra += f", {story.outlet_count} outlet{'s' if story.outlet_count != 1 else ''}"
    elif story.independent_reports != sources:
        extra += f", {story.independent_reports} independent"
    when = short_span(story)
    if when:
        extra += f" · {when}"
    label.append(f" ({extra})", style="dim")
    return label


def short_span(story: Story) -> str:
    """'2 Jun', '2–3 Jun', '30 May–2 Jun', '28 Dec 1986–3 Jan 1987'; '' when undated."""
    first, last = story.first_day, story.last_day
    if first is None or last is None:
        return ""
    if first.year != last.year:
        return f"{first.day} {first:%b %Y}–{last.day} {last:%b %Y}"
    if first == last:
        return f"{last.day} {last:%b}"
    if first.month == last.month:
        return f"{first.day}–{last.day} {last:%b}"
    return f"{first.day} {first:%b}–{last.day} {last:%b}"


def clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def middle_clip(text: str, width: int) -> str:
    """Shortened from the middle, where an address or a path says least: its site (whole when
    it takes no more than two thirds of the room) or first folders, and its last words, stay
    ('https://www.example.com/…/north-korea-russia-ties')."""
    if len(text) <= width:
        return text
    if width < 2:
        return text[:width]
    head = (width - 1) // 2
    site = text.find("/", text.find("://") + 3) if "://" in text else -1
    if head < site < width * 2 // 3:
        head = site + 1
    return text[:head] + "…" + text[len(text) - (width - 1 - head) :]


# Only measures cell widths for wrapping; never written to.
_MEASURE = Console(file=io.StringIO(), width=200, color_system=None, legacy_windows=False)
_GUTTER = 2  # the glyph and a space


def passage_prompt(passage: Passage, status: str, styles: StyleMap, width: int) -> Text:
    """A passage with its glyph in a gutter, wrapped to `width` cells so lines hang under the
    text. Wrapped here, once, as plain lines: a two-column table does the same on screen but
    costs several times more to measure and draw, on every article switch."""
    prompt = Text()
    prompt.append(MARKS[status][0], styles[status])
    prompt.append(" ")
    lines = "\n  ".join(_wrapped(passage.text, max(width - _GUTTER, 8)))
    prompt.append(lines, style="bold" if passage.headline else "")
    return prompt


def passage_name(passage: Passage, article: Article) -> str:
    """'Headline', or 'Passage 3' counting the body's passages from 1, as a reader would."""
    if passage.headline:
        return "Headline"
    return f"Passage {passage.index + (0 if article.headline else 1)}"


@lru_cache(maxsize=4096)
def _wrapped(text: str, width: int) -> tuple[str, ...]:
    """A passage's lines at a width. Remembered: flipping between a story's sources shows the
    same passages again, and wrapping is most of what building the article pane costs."""
    return tuple(line.plain.rstrip() for line in Text(text).wrap(_MEASURE, width, overflow="fold"))


def shown_location(location: str) -> str:
    """A path relative to the current folder when it lies inside it: shorter to read."""
    try:
        return str(Path(location).resolve().relative_to(Path.cwd()))
    except (ValueError, OSError):
        return location


def article_header(article: Article, story: Story | None, width: int = 0) -> Text:
    """Title, then one line: outlet, date, place in the story, where the article came from,
    that last shortened from the middle to fit `width` cells (on a line of its own when little
    room is left), never wrapped over two or three rows. A headline compared like a passage
    opens the pane below instead, with its mark."""
    width = width if width > 0 else HEADER_WIDTH
    text = Text()
    if article.headline is None:
        text.append(article.title or article.label, style="bold")
        text.append("\n")
    line_start = len(text)
    text.append(article.label)
    if not article.outlet_known:
        text.append(" (file name)", style="dim italic")
    text.append(f" · {format_date(article)}", style="dim")
    if story is not None and len(story.article_ids) > 1:
        position = story.article_ids.index(article.id) + 1
        text.append(f" · source {position} of {len(story.article_ids)}", style="dim")
    if article.url or article.location:
        where = article.url or shown_location(article.location)
        room = width - text[line_start:].cell_len - 3
        if room >= min(LOCATION_MIN, len(where)):
            text.append(f" · {middle_clip(where, room)}", style="dim")
        else:
            text.append(f"\n{middle_clip(where, width)}", style="dim")
    for note in article.notes:
        text.append("\n")
        text.append(f"note: {note}", style="italic")
    return text


def highlighted(text: str, spans: Sequence[tuple[int, int]], style: Style) -> Text:
    result = Text(text)
    for start, end in spans:
        result.stylize(style, start, end)
    return result


@lru_cache(maxsize=32768)
def _differing_in_second(here: str, there: str) -> tuple[tuple[int, int], ...]:
    """Words of `there` that differ from `here`. Remembered, since moving the cursor up and down
    asks again for the same pairs, and a story of forty sources asks forty times per move."""
    return tuple(pair_spans(here, there)[1])


ADDED_SHOWN = 48  # characters of the first detail only one side tells


@lru_cache(maxsize=8192)
def _added(here: str, there: str) -> tuple[str, ...]:
    """Details one side tells that the other does not support (claims.additions), for two
    passages that match: 'only Courier adds: who was recently released on bail'. Remembered,
    as the word diffs are; a comparison of two passages takes a millisecond or two."""
    from newsterm.claims.compare import compare  # the engine's, not loaded for the first frame

    return compare(here, there).additions


def warm_counterparts(corpus: Corpus, alignment: StoryAlignment, stop: Callable[[], bool]) -> None:
    """Work out every word diff the side panel may show for a story, ahead of the cursor: in a
    story of forty sources that is most of what a keypress would otherwise do."""
    for link in alignment.links:
        if stop():
            return
        a, b = corpus.passage(link.a).text, corpus.passage(link.b).text
        _differing_in_second(a, b)
        _differing_in_second(b, a)
        if link.relation == "match":
            _added(a, b)
            _added(b, a)


def counterpart(corpus: Corpus, link: Link, here: Passage, styles: StyleMap) -> Text:
    """One counterpart in the side panel: relation, source, explanations, then its words with
    those that differ from the passage under the cursor highlighted.

    One `Text` with line breaks rather than a `Group`: Textual converts `Text` to its own
    content natively and keeps the spaces at style boundaries."""
    there = corpus.passage(other_end(link, here.id))
    article = corpus.article(there.article_id)
    glyph, _ = MARKS[link.relation]
    head = Text()
    head.append(f"{glyph} {link.relation.upper()}", styles[link.relation] + Style(bold=True))
    kinds = sorted({c.kind for c in link.conflicts})
    if kinds:
        head.append(f" {', '.join(kinds)}", styles[link.relation])
    head.append(f"  {clip(article.label, 24)}", style="bold")
    head.append(f" · {short_date(article)} · {link.score:.2f}", style="dim")
    for conflict in link.conflicts:
        head.append("\n")
        head.append(conflict.explanation, style=styles["conflict"])
    added = _added(here.text, there.text) if link.relation == "match" else ()
    if added:
        # One line: the words are underlined below already; this says who alone tells them.
        sides = {detail.partition(": ")[0] for detail in added}
        who = " and ".join(
            "this article" if side == "A" else clip(article.label, 24) for side in sorted(sides)
        )
        verb = "add" if len(sides) > 1 else "adds"
        head.append("\n")
        head.append(f"only {who} {verb}: ", style="italic")
        head.append(clip(added[0].partition(": ")[2], ADDED_SHOWN), style="italic")
        if len(added) > 1:
            head.append(f" (+{len(added) - 1})", style="dim")
    spans = _differing_in_second(here.text, there.text)
    head.append("\n")
    head.append_text(highlighted(there.text, spans, styles["diff"]))
    return head


def passage_summary(
    corpus: Corpus, story: Story, passage: Passage, alignment: StoryAlignment | None
) -> Text:
    """How many sources of the story confirm, contradict or miss the passage under the cursor."""
    others = len(story.article_ids) - 1
    if others == 0:
        return Text("Only one source reports this story: nothing to compare.", style="dim")
    if alignment is None:
        return Text("Comparing this story's sources…", style="dim")
    links = alignment.links_of(passage.id)
    by_relation: dict[str, set[str]] = {
        "match": set(),
        "conflict": set(),
        "update": set(),
        "related": set(),
    }
    confirming: set[str] = set()  # outlets other than this article's that tell it the same
    for link in links:
        there = corpus.article(corpus.passage(other_end(link, passage.id)).article_id)
        by_relation[link.relation].add(there.id)
        if link.relation == "match" and not link.same_outlet:
            confirming.add(there.voice)
    confirming -= {corpus.article(there).voice for there in by_relation["conflict"]}
    text = Text()
    outlets = story.outlet_count
    if outlets > 1:
        text.append(f"Confirmed by {len(confirming)} of the {outlets - 1} other outlets")
    else:
        text.append("One outlet tells this story: no other outlet confirms it")
    if story.independent_reports not in (len(story.article_ids), outlets):
        text.append(f" ({story.independent_reports} independent reports in the story)")
    if by_relation["conflict"]:
        n = len(by_relation["conflict"])
        text.append(f"; contradicted by {n}")
    if by_relation["update"]:
        n = len(by_relation["update"])
        text.append(f"; told differently later by {n}")
    silent = others - len(set().union(*by_relation.values()))
    if silent:
        verb = "does" if silent == 1 else "do"
        text.append(f"; {silent} source{'s' if silent != 1 else ''} {verb} not report it")
    text.append(".")
    return text
