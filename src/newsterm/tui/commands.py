"""Command palette entries: the screen's actions, and a jump to any story or article.

Titles come from articles, so hits are built as plain `Content` and highlighted by offsets,
never through `Matcher.highlight`, which would parse the title as markup.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

if TYPE_CHECKING:
    from newsterm.tui.screens.main import MainScreen

MAX_ARTICLE_HITS = 2_000  # candidates scanned per keystroke on huge corpora

ACTIONS = [
    ("Next conflict", "next('conflict')", "Jump to the next passage in conflict"),
    ("Previous conflict", "next('conflict', False)", "Jump to the previous conflict"),
    ("Next match", "next('match')", "Jump to the next passage another source confirms"),
    ("Next unique passage", "next('unique')", "Jump to what only this source reports"),
    ("Next article of the story", "article(1)", "Open the story's next source"),
    ("Previous article of the story", "article(-1)", "Open the story's previous source"),
    ("Search articles", "search", "Find passages containing words"),
    ("Export story as text", "export", "Write the story's highlighted diff to a file"),
    ("Toggle source list", "toggle_sources", "Show or hide the stories and articles"),
    ("Toggle cross-reference panel", "toggle_crossref", "Show or hide the side panel"),
]


def plain_highlight(text: str, query: str, matcher_offsets: list[int] | None) -> Content:
    content = Content(text)
    for offset in matcher_offsets or ():
        if offset < len(text) and not text[offset].isspace():
            content = content.stylize("bold reverse", offset, offset + 1)
    return content


class NewstermCommands(Provider):
    """Actions first, then stories and articles of the loaded corpus."""

    @property
    def main(self) -> MainScreen | None:
        from newsterm.tui.screens.main import MainScreen

        screen = self.screen
        return screen if isinstance(screen, MainScreen) else None

    def _candidates(self) -> list[tuple[str, object, str]]:
        main = self.main
        if main is None:
            return []
        found: list[tuple[str, object, str]] = [
            (title, partial(main.run_action, action), help_text)
            for title, action, help_text in ACTIONS
        ]
        corpus = main.corpus
        if corpus is None:
            return found
        for story in corpus.stories:
            if len(story.article_ids) > 1:
                found.append(
                    (
                        f"Story: {story.title}",
                        partial(main.open_article, story.article_ids[0]),
                        f"{len(story.article_ids)} sources",
                    )
                )
        for article in corpus.articles[:MAX_ARTICLE_HITS]:
            found.append(
                (
                    f"Article: {article.label} · {article.title}",
                    partial(main.open_article, article.id),
                    article.location,
                )
            )
        return found

    async def discover(self) -> Hits:
        for title, callback, help_text in self._candidates()[: len(ACTIONS)]:
            yield DiscoveryHit(Content(title), callback, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text in self._candidates():
            score = matcher.match(title)
            if score > 0:
                _, offsets = matcher.fuzzy_search.match(query, title)
                yield Hit(
                    score,
                    plain_highlight(title, query, list(offsets)),
                    callback,  # type: ignore[arg-type]
                    help=help_text,
                )
