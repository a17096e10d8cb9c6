"""The source list: stories as groups, their articles under them with dates and badges."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from newsterm.corpus.corpus import Corpus
from newsterm.model import Article, Story, StoryAlignment
from newsterm.tui.render import (
    StyleMap,
    article_counts,
    article_label,
    story_label,
    titled_label,
)

# Node data: ("story", story id) or ("article", article id).
NodeData = tuple[str, str]
# Articles per group of the list shown before stories are formed (populate_early). One group of
# all of Reuters, 18,800 lines, froze the app for seven seconds while the tree measured every
# line, three times over; no key, not even q, was answered meanwhile.
EARLY_BLOCK = 500


# An article of at least this many passages is a report, not a brief (a dividend notice, a
# table of results): what a reader opens a story for.
REPORT_PASSAGES = 4


def story_rank(corpus: Corpus, story: Story) -> tuple[int, int, int, int]:
    """Stories told by the most outlets first, then by the most independent reports, then (in
    a wire archive, where one outlet tells them all) by the most full reports and articles: the
    first screen shows where outlets can agree or disagree, or a developing story, not a pile of
    one outlet's briefs told in one template."""
    reports = sum(len(corpus.article(aid).passages) >= REPORT_PASSAGES for aid in story.article_ids)
    return (-story.outlet_count, -story.independent_reports, -reports, -len(story.article_ids))


class SourceTree(Tree[NodeData]):
    """Stories with several sources first (they are what there is to compare), largest first;
    single-source articles gathered in one group at the end so they do not bury the rest."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Open article"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text("Stories"), id=id)
        self.show_root = False
        self.guide_depth = 2
        self._article_nodes: dict[str, TreeNode[NodeData]] = {}
        # Closed groups list their articles when first opened: on all of Reuters the list holds
        # 17,000 articles in 7,000 groups, and adding every node took a second of the start.
        # Until then: each such group's articles, and the group each of them is in.
        self._unlisted: dict[TreeNode[NodeData], list[str]] = {}
        self._group_of: dict[str, TreeNode[NodeData]] = {}
        self._corpus: Corpus | None = None
        self._early: dict[str, Article] = {}  # the articles listed before stories exist
        self._styles: StyleMap = {}

    def populate(self, corpus: Corpus, styles: StyleMap) -> None:
        self._reset()
        self._corpus, self._styles = corpus, styles
        multi = [s for s in corpus.stories if len(s.article_ids) > 1]
        multi.sort(key=lambda story: story_rank(corpus, story))  # stable: ties keep corpus order
        single = [s for s in corpus.stories if len(s.article_ids) == 1]
        for number, story in enumerate(multi):
            node = self.root.add(story_label(story), data=("story", story.id), expand=number == 0)
            self._hold(node, list(story.article_ids))
        if single:
            group = self.root.add(
                Text(f"Single-source articles ({len(single)})", style="italic"),
                data=("story", ""),
                expand=not multi,
            )
            self._hold(group, [story.article_ids[0] for story in single])

    def _reset(self) -> None:
        self.clear()
        self._article_nodes.clear()
        self._unlisted.clear()
        self._group_of.clear()
        self._early = {}

    def _hold(self, group: TreeNode[NodeData], article_ids: list[str]) -> None:
        """List an open group's articles now, a closed one's when it is opened."""
        if group.is_expanded:
            self._list(group, article_ids)
            return
        self._unlisted[group] = article_ids
        for aid in article_ids:
            self._group_of[aid] = group

    def _list(self, group: TreeNode[NodeData], article_ids: list[str]) -> None:
        if self._early:  # before stories: headlines only (see populate_early)
            for aid in article_ids:
                label = titled_label(self._early[aid])
                self._article_nodes[aid] = group.add_leaf(label, data=("article", aid))
            return
        corpus = self._corpus
        assert corpus is not None and group.data is not None
        story_id = group.data[1]  # "" for the group of single-source articles
        alignment = corpus.cached_alignment(story_id) if story_id else None
        shared = _shared_outlets(corpus, story_id) if story_id else frozenset()
        for aid in article_ids:
            article = corpus.article(aid)
            # A lone article has no story heading above it to name it: its headline does.
            label = self._badged(article, alignment, shared) if story_id else titled_label(article)
            self._article_nodes[aid] = group.add_leaf(label, data=("article", aid))

    def _badged(
        self, article: Article, alignment: StoryAlignment | None, shared: frozenset[str]
    ) -> Text:
        counts = article_counts(article, alignment) if alignment else None
        by_headline = article.label in shared
        return article_label(article, counts, self._styles, by_headline=by_headline)

    def _list_group(self, group: TreeNode[NodeData]) -> None:
        article_ids = self._unlisted.pop(group, None)
        if article_ids is not None:
            for aid in article_ids:
                del self._group_of[aid]
            self._list(group, article_ids)

    @on(Tree.NodeExpanded)
    def _expanded(self, event: Tree.NodeExpanded[NodeData]) -> None:
        self._list_group(event.node)

    def populate_early(self, articles: Sequence[Article]) -> None:
        """Before stories are formed: the articles in the order they were read, so that reading
        can begin while a big pile is still being indexed and grouped. They come in groups of
        EARLY_BLOCK, the first one open; the others list their articles when opened."""
        self._reset()
        self._early = {article.id: article for article in articles}
        total = len(articles)
        for start in range(0, total, EARLY_BLOCK):
            block = [article.id for article in articles[start : start + EARLY_BLOCK]]
            label = f"Not grouped into stories yet ({total:,})"
            if total > EARLY_BLOCK:
                label = f"Not grouped into stories yet: {start + 1:,}–{start + len(block):,}"
                label += f" of {total:,}"
            group = self.root.add(Text(label, style="italic"), data=("story", ""), expand=not start)
            self._hold(group, block)

    def update_badges(self, corpus: Corpus, alignment: StoryAlignment, styles: StyleMap) -> None:
        """Badges of a story just compared (or in a new theme); a group not listed yet takes
        them from the corpus when it is."""
        self._styles = styles
        article_ids = corpus.story(alignment.story_id).article_ids
        if len(article_ids) < 2:
            return  # a single source keeps its headline: there is nothing to count against
        shared = _shared_outlets(corpus, alignment.story_id)
        for aid in article_ids:
            node = self._article_nodes.get(aid)
            if node is not None:
                node.set_label(self._badged(corpus.article(aid), alignment, shared))

    def reveal(self, article_id: str) -> None:
        """Expand the article's story and put the tree cursor on it, without opening it again."""
        group = self._group_of.get(article_id)
        if group is not None:
            self._list_group(group)
        node = self._article_nodes.get(article_id)
        if node is None:
            return
        if node.parent is not None and not node.parent.is_expanded:
            node.parent.expand()
            self.call_after_refresh(self.move_cursor, node)  # lines exist after the refresh
        else:
            self.move_cursor(node)

    def first_article(self) -> str | None:
        """The first article of the first (largest) story: where reading starts."""
        for node in self.root.children:
            for child in node.children:
                if child.data and child.data[0] == "article":
                    return child.data[1]
        return None


def _shared_outlets(corpus: Corpus, story_id: str) -> frozenset[str]:
    """Outlets with more than one article in the story: there, the outlet names none of them."""
    seen: set[str] = set()
    shared: set[str] = set()
    for aid in corpus.story(story_id).article_ids:
        label = corpus.article(aid).label
        (shared if label in seen else seen).add(label)
    return frozenset(shared)
