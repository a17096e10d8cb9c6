"""Search across every article: passages containing all the words typed, and matching titles.

Typing searches the index by word stems; when the words are not all whole indexed words yet (a
half-typed word), a plain case-insensitive scan of the passages takes over on corpora small
enough for it to stay instant.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from newsterm.corpus.corpus import Corpus
from newsterm.model import Passage

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


def result_prompt(corpus: Corpus, passage: Passage, query: str) -> Text:
    article = corpus.article(passage.article_id)
    text = Text()
    text.append(article.label, style="bold")
    text.append(f" · {article.title}\n", style="dim")
    body = Text(passage.text)
    for word in query.split():
        body.highlight_words([word], style="reverse", case_sensitive=False)
    text.append_text(body)
    return text


class SearchScreen(ModalScreen[str | None]):
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
        for passage in hits:
            if entries:
                entries.append(None)
            entries.append(Option(result_prompt(self.corpus, passage, event.value), id=passage.id))
        results.add_options(entries)
        count = f"{len(hits)}{'+' if len(hits) >= LIMIT else ''} passages" if event.value else ""
        self.query_one("#search-count", Label).update(count)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        results = self.query_one(OptionList)
        if results.option_count:
            self.dismiss(results.get_option_at_index(results.highlighted or 0).id)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_results(self) -> None:
        results = self.query_one(OptionList)
        if results.option_count:
            results.focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
