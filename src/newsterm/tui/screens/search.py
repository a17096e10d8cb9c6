"""Search across every article: passages containing all the words typed, and matching titles.

Typing searches the index by word stems; when the words are not all whole indexed words yet (a
half-typed word), a plain case-insensitive scan of the passages takes over on corpora small
enough for it to stay instant.

Results are grouped by story, in the order of each story's best hit, each with its outlet and
date: a reader looking for a claim wants to see at once which stories tell it and who said it
when.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from newsterm.model import Passage, Story
from newsterm.tui.render import short_date, story_label
from newsterm.tui.screens.once import OnceModal

if TYPE_CHECKING:
    from newsterm.corpus.corpus import Corpus

LIMIT = 100
SCAN_LIMIT = 50_000  # passages; beyond this only the index answers


def search(corpus: Corpus, query: str, limit: int = LIMIT) -> list[Passage]:
    """Passages for a query: index hits first, then a substring scan if the index has none."""
    query = query.strip()
    if not query:
        return []
    hits = [corpus.passage(hit.passage_id) for hit in corpus.index.search(query, limit)]
    if hits:
        return hits
    needle = query.casefold()
    found: list[Passage] = []
    passages = sum(len(a.passages) for a in corpus.articles)
    if passages > SCAN_LIMIT:
        return found
    for article in corpus.articles:
        title_hit = needle in article.title.casefold()
        for passage in article.passages:
            if (title_hit and passage.index == 0) or needle in passage.text.casefold():
                found.append(passage)
                if len(found) >= limit:
                    return found
    return found


def by_story(corpus: Corpus, hits: list[Passage]) -> list[tuple[Story, list[Passage]]]:
    """The hits under their stories, each story where its best hit ranked; hits keep their
    rank within a story."""
    groups: dict[str, list[Passage]] = {}
    for passage in hits:
        groups.setdefault(corpus.story_of(passage.article_id).id, []).append(passage)
    return [(corpus.story(story_id), passages) for story_id, passages in groups.items()]


def result_prompt(corpus: Corpus, passage: Passage, query: str, *, titled: bool = True) -> Text:
    """'Outlet · 3 Jun 2025', the headline when `titled` (an article's first hit in its story:
    the next hits of the article need not repeat it), then the passage with the words searched
    for."""
    article = corpus.article(passage.article_id)
    text = Text()
    text.append(f"{article.label} · {short_date(article)}", style="bold")
    if titled and not passage.headline:
        text.append(f" · {article.title}", style="dim")
    text.append("\n")
    body = Text(passage.text)
    for word in query.split():
        body.highlight_words([word], style="reverse", case_sensitive=False)
    text.append_text(body)
    return text


class SearchScreen(OnceModal[str | None]):
    """Type to search; down moves into the results, enter opens one, escape closes."""

    BINDINGS = [
        Binding("escape", "cancel", "Close search"),
        Binding("down", "results", "To the results", show=False),
    ]
    AUTO_FOCUS = "#query"

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus

    def compose(self) -> ComposeResult:
        with Vertical(id="search", classes="dialog"):
            yield Input(placeholder="Search all articles…", id="query")
            yield Label("", id="search-count")
            yield OptionList(markup=False, id="results")

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        results = self.query_one(OptionList)
        results.clear_options()
        hits = search(self.corpus, event.value)
        entries: list[Option | None] = []
        groups = by_story(self.corpus, hits)
        for story, passages in groups:
            if entries:
                entries.append(None)
            heading = story_label(story)
            heading.stylize("bold underline", 0, len(story.title or "(untitled)"))
            entries.append(Option(heading, disabled=True))
            titled: set[str] = set()
            for passage in passages:
                first = passage.article_id not in titled
                titled.add(passage.article_id)
                prompt = result_prompt(self.corpus, passage, event.value, titled=first)
                entries.append(Option(prompt, id=passage.id))
        results.add_options(entries)
        count = ""
        if event.value:
            more = "+" if len(hits) >= LIMIT else ""
            count = f"{len(hits)}{more} passages in {len(groups)} stor"
            count += "y" if len(groups) == 1 else "ies"
        self.query_one("#search-count", Label).update(count)

    def _first_result(self) -> int | None:
        """The index of the first hit, below its story's heading."""
        results = self.query_one(OptionList)
        for index in range(results.option_count):
            if not results.get_option_at_index(index).disabled:
                return index
        return None

    @on(Input.Submitted)
    def _submitted(self) -> None:
        results = self.query_one(OptionList)
        index = results.highlighted if results.highlighted is not None else self._first_result()
        if index is not None:
            self.dismiss(results.get_option_at_index(index).id)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_results(self) -> None:
        """Down from the field: into the results, the first one highlighted, so that the next
        down goes to the second and enter opens what is highlighted."""
        results = self.query_one(OptionList)
        first = self._first_result()
        if first is not None:
            results.focus()
            if results.highlighted is None:
                results.highlighted = first

    def action_cancel(self) -> None:
        self.dismiss(None)
