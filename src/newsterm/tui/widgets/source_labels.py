"""The source list's entries, made to fit the list's width when they are drawn.

The list widens with the terminal, so an entry is not cut to a fixed length when it is made:
it is kept whole in a few forms, longest first (with the year, without), and the list picks the
form that fits its width as it is, cutting a headline before the date or count that ends it.
Article text goes in as `Text`, never as markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.text import Text

from newsterm.model import Article, Story, StoryAlignment
from newsterm.tui.render import BADGE_WIDTH, MARKS, StyleMap, short_date, story_label

_YEAR = re.compile(r" \d{4}(?=\??$)")
HEAD_SHARE = 3 / 5  # a shorter form is chosen before the head gets less of the room than this


def fit(label: Text, tail: int, room: int) -> Text:
    """The label in `room` cells, cut before its last `tail` cells (a date, a count) so that
    they stay: 'Bridge collapse in Rive… (2 · 5–6 Mar)'. Where the tail would leave the head
    less than two fifths of the room, both are cut: a headline of three letters says nothing."""
    if label.cell_len <= room:
        return label
    split = len(label.plain) - tail
    head, end = label[:split], label[split:]
    head_room = max(room - end.cell_len, min(head.cell_len, room * 2 // 5))
    if tail <= 0 or head_room >= room - 1:
        cut = label.copy()
        cut.truncate(room, overflow="ellipsis")
        return cut
    head.truncate(head_room, overflow="ellipsis")
    end.truncate(room - head.cell_len, overflow="ellipsis")
    return Text.assemble(head, end, no_wrap=True)


@dataclass(frozen=True, slots=True)
class Entry:
    """An entry's forms, longest first: (label, cells at its end to keep whole, cells at its
    start before the name or headline, such as the badges)."""

    forms: tuple[tuple[Text, int, int], ...]
    # True: a longer form is used only while its head is shown whole (an outlet's name matters
    # more than a year); False: while the head keeps HEAD_SHARE of the room (a long headline is
    # cut anyway, and the story's span is worth its place).
    whole_head: bool = False

    @property
    def full(self) -> Text:
        return self.forms[0][0]

    def at(self, room: int) -> Text:
        """The form that suits `room` cells, fitted to them. The badges' column and the year
        go before the headline does: on a wire archive's story of one day, badges padded to
        their column and '2 Jun 1987' left a headline of nine letters in a list of thirty."""
        for label, tail, lead in self.forms[:-1]:
            head = label.cell_len - tail - lead
            need = head if self.whole_head else min(head, int(room * HEAD_SHARE))
            if room - tail - lead >= need:
                return fit(label, tail, room)
        label, tail, _lead = self.forms[-1]
        return fit(label, tail, room)


def _dated(label: Text, article: Article, lead: int = 0) -> list[tuple[Text, int, int]]:
    """The label ended by the article's date, with its year and without."""
    forms = []
    for when in dict.fromkeys((short_date(article), _YEAR.sub("", short_date(article)))):
        form = label.copy()
        form.append(f" {when}", style="dim")
        form.no_wrap = True
        forms.append((form, len(when) + 1, lead))
    return forms


def titled_label(article: Article) -> Entry:
    """An article on its own, with no story heading above it to name it: its headline, then its
    outlet and date."""
    label = Text(article.title or article.label)
    if article.title:
        label.append(f" · {article.label}", style="dim")
    return Entry(tuple(_dated(label, article)), whole_head=False)


def article_label(article: Article, counts_badge: Text, *, by_headline: bool = False) -> Entry:
    """Badges first, since they are what a reader scans for: '2≠ 4✓ 5• Express 3 Jun 2025'.
    `by_headline` names the article by its headline instead of its outlet, for a story in which
    the outlet does not tell its articles apart (one wire's briefs, one feed's posts). Where the
    room is short the badges lose their column's padding, so that names start at once."""
    name = article.title or article.label if by_headline else article.label
    padded = counts_badge.copy()
    padded.pad_right(max(1, BADGE_WIDTH - padded.cell_len))
    compact = counts_badge.copy()
    if compact.cell_len:
        compact.append(" ")
    # Unpadded, the year goes too: unaligned badges beside a year kept would read oddly.
    forms = _dated(padded + name, article, padded.cell_len)
    forms += _dated(compact + name, article, compact.cell_len)[-1:]
    return Entry(tuple(forms), whole_head=not by_headline)


def story_text(story: Story, alignment: StoryAlignment | None, styles: StyleMap) -> Entry:
    """'Title (3 · 2–3 Jun) 2≠ 1Δ', or where there is less room 'Title (3) 2≠ 1Δ': the story,
    its sources and span, and once compared, how many conflicts and updates it holds (what
    sorting by conflicts orders by)."""
    full = story_label(story)
    full.overflow = "fold"  # cut by `fit`, before the count, never by the label itself
    title = story.title or "(untitled)"
    short = Text(title)
    short.append(f" ({len(story.article_ids)})", style="dim")
    marks = Text()
    if alignment is not None:
        for relation in ("conflict", "update"):
            count = sum(link.relation == relation for link in alignment.links)
            if count:
                marks.append(f" {count}{MARKS[relation][0]}", styles.get(relation, ""))
    forms = []
    for label in (full, short):
        label.append_text(marks)
        forms.append((label, label.cell_len - Text(title).cell_len, 0))
    return Entry(tuple(forms))
