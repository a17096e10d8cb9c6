"""What the story view shows, as plain data: when each outlet reported, who covered the story and
who did not among the pile's outlets, and its conflicts and updates in one list.

Pure functions over the corpus and one alignment, so that the view only draws, and the facts can
be checked without a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from newsterm.model import RELATION_RANK, Article, Link, Passage, Story, StoryAlignment
from newsterm.tui.finding import Outlet

if TYPE_CHECKING:
    from newsterm.corpus.corpus import Corpus


@dataclass(frozen=True, slots=True)
class Moment:
    """One article on the story's timeline: its day (None: undated), whether that day was
    borrowed from the story, and where the day falls in the story's span (0 first, 1 last)."""

    article: Article
    day: date | None
    inferred: bool
    place: float | None


def timeline(corpus: Corpus, story: Story) -> list[Moment]:
    """The story's articles by date, first report first; undated ones last, in story order."""
    first, last = story.first_day, story.last_day
    span = (last - first).days if first and last else 0
    moments = []
    for article in corpus.story_articles(story.id):
        day: date | None = article.published.date() if article.published else None
        inferred = day is None and article.reference_date is not None
        if day is None:
            day = article.reference_date
        place = None
        if day is not None and first is not None:
            place = min(1.0, max(0.0, (day - first).days / span)) if span else 0.0
        moments.append(Moment(article, day, inferred, place))
    moments.sort(key=lambda m: (m.day is None, m.day or date.min))  # stable: story order
    return moments


@dataclass(frozen=True)
class Coverage:
    """Outlets of the pile that told the story, and those that did not (most prolific first:
    the absence of an outlet that covers most of the pile says more)."""

    covered: tuple[Outlet, ...]
    missing: tuple[Outlet, ...]

    @property
    def pile(self) -> int:
        return len(self.covered) + len(self.missing)


def coverage(story: Story, outlets: list[Outlet]) -> Coverage:
    """Split the pile's outlets (see finding.pile_outlets) by whether they told the story."""
    voices = set(story.outlets)
    covered = tuple(o for o in outlets if o.voice in voices)
    missing = tuple(o for o in outlets if o.voice not in voices)
    return Coverage(covered, missing)


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A conflict or an update between two passages of the story, the earlier in story order
    first."""

    link: Link
    first: Passage
    second: Passage


def disagreements(corpus: Corpus, story: Story, alignment: StoryAlignment) -> list[Disagreement]:
    """Every conflict and update of the story in one list: conflicts first, then updates, each
    in reading order (article by article, top to bottom)."""
    order = {
        p.id: n
        for n, p in enumerate(p for a in corpus.story_articles(story.id) for p in a.passages)
    }
    found = []
    for link in alignment.links:
        if link.relation not in ("conflict", "update"):
            continue
        a, b = corpus.passage(link.a), corpus.passage(link.b)
        if order.get(b.id, 0) < order.get(a.id, 0):
            a, b = b, a
        found.append(Disagreement(link, a, b))
    found.sort(key=lambda d: (RELATION_RANK[d.link.relation], order.get(d.first.id, 0)))
    return found
