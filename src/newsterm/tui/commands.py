"""Command palette entries: the screen's actions, and a jump to any story or article.

The actions, their names and their help come from the table of keys (tui.actions), the same
one the bindings, the footer and the help screen read.

Titles come from articles, so hits are built as plain `Content` and highlighted by offsets,
never through `Matcher.highlight`, which would parse the title as markup.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from newsterm.tui.actions import palette_actions

if TYPE_CHECKING:
    from newsterm.tui.screens.main import MainScreen

MAX_ARTICLE_HITS = 2_000  # candidates scanned per keystroke on huge corpora

ACTIONS = palette_actions()  # (title, action, help), from the one table of keys


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
