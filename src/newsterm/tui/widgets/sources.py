"""The source list: stories as groups, their articles under them with dates and badges.

The list can be filtered and sorted (tui.finding chooses; this module only shows). On all of
Reuters it holds 3,000 stories and 10,000 single-source articles: a keystroke must not build them
again. Each node is made once and kept; a filter only changes which of them the root holds and
in which order (see `SourceTree.show_found`).

Labels fit the list's width when drawn, not when made: the list widens with the terminal, so a
headline is cut only where there is no room, and always before the date or the count that
ends it (see `fit`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from newsterm.model import Article, StoryAlignment
from newsterm.tui.finding import Finder, Found
from newsterm.tui.render import StyleMap, article_counts, badges
from newsterm.tui.widgets.source_labels import Entry, article_label, story_text, titled_label

if TYPE_CHECKING:
    from newsterm.corpus.corpus import Corpus

# Node data: ("story", story id) or ("article", article id).
NodeData = tuple[str, str]
# Articles per group of the list shown before stories are formed (populate_early). One group of
# all of Reuters, 18,800 lines, froze the app for seven seconds while the tree measured every
# line, three times over; no key, not even q, was answered meanwhile.
EARLY_BLOCK = 500
# A filter that finds single-source articles only opens their group to show them, when they are
# this few: listing 10,000 lines of Reuters at once takes seconds.
OPEN_FOUND = 500
_TOGGLE = Style.from_meta({"toggle": True})


class SourceTree(Tree[NodeData]):
    """Stories with several sources first (they are what there is to compare), largest first;
    single-source articles gathered in one group at the end so they do not bury the rest."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Open article"),
    ]

    class Filled(Message):
        """The list holds the pile's stories (again): a filter typed meanwhile applies now."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text("Stories"), id=id)
        self.show_root = False
        self.guide_depth = 2
        self._article_nodes: dict[str, TreeNode[NodeData]] = {}
        self._story_nodes: dict[str, TreeNode[NodeData]] = {}
        self._single: TreeNode[NodeData] | None = None  # the group of single-source articles
        self._single_ids: Sequence[str] = ()  # the articles that group lists (all, or found)
        # Closed groups list their articles when first opened: on all of Reuters the list holds
        # 17,000 articles in 7,000 groups, and adding every node took a second of the start.
        # Until then: each such group's articles, and the group each of them is in.
        self._unlisted: dict[TreeNode[NodeData], Sequence[str]] = {}
        self._group_of: dict[str, TreeNode[NodeData]] = {}
        self._entries: dict[int, Entry] = {}  # node id -> its label's forms (source_labels)
        self._shared: dict[str, frozenset[str]] = {}  # story id -> its outlets named twice
        self._single_set: frozenset[str] | None = None  # _single_ids as a set, when filtered
        self._opened_for_filter = False  # the single group was opened to show what was found
        self._corpus: Corpus | None = None
        self.finder: Finder | None = None
        self.found: Found | None = None  # None: every story is listed
        self._early: dict[str, Article] = {}  # the articles listed before stories exist
        self._styles: StyleMap = {}

    def populate(self, corpus: Corpus, styles: StyleMap) -> None:
        self._reset()
        self._corpus, self._styles = corpus, styles
        self.finder = finder = Finder(corpus)
        for number, story in enumerate(finder.several):
            alignment = corpus.cached_alignment(story.id)
            label = story_text(story, alignment, styles)
            node = self._add(self.root, label, ("story", story.id), expand=number == 0)
            self._story_nodes[story.id] = node
            self._hold(node, story.article_ids)
        if finder.single:
            self._single_ids = [story.article_ids[0] for story in finder.single]
            group = self.root.add(
                self._single_title(), data=("story", ""), expand=not finder.several
            )
            self._single = group
            self._hold(group, self._single_ids)
        self.post_message(self.Filled())

    def _add(
        self,
        parent: TreeNode[NodeData],
        label: Entry,
        data: NodeData,
        *,
        leaf: bool = False,
        expand: bool = False,
    ) -> TreeNode[NodeData]:
        if leaf:
            node = parent.add_leaf(label.full, data)
        else:
            node = parent.add(label.full, data, expand=expand)
        self._entries[node.id] = label
        return node

    def _single_title(self) -> Text:
        total = len(self.finder.single) if self.finder else len(self._single_ids)
        shown = len(self._single_ids)
        count = f"{shown:,}" if shown == total else f"{shown:,} of {total:,}"
        return Text(f"Single-source articles ({count})", style="italic")

    def _reset(self) -> None:
        self.clear()
        self._article_nodes.clear()
        self._story_nodes.clear()
        self._unlisted.clear()
        self._group_of.clear()
        self._entries.clear()
        self._shared.clear()
        self._single_set = None
        self._opened_for_filter = False
        self._single, self._single_ids = None, ()
        self.found = None
        self._early = {}

    def _hold(self, group: TreeNode[NodeData], article_ids: Sequence[str]) -> None:
        """List an open group's articles now, a closed one's when it is opened."""
        for aid in article_ids:
            self._group_of[aid] = group
        if group.is_expanded:
            self._list(group, article_ids)
        else:
            self._unlisted[group] = article_ids

    def _list(self, group: TreeNode[NodeData], article_ids: Sequence[str]) -> None:
        """Give a group its articles' nodes, in order, making those it never had."""
        nodes = []
        for aid in article_ids:
            node = self._article_nodes.get(aid)
            if node is None:
                node = self._article_nodes[aid] = self._add(
                    group, self._label_of(group, aid), ("article", aid), leaf=True
                )
            nodes.append(node)
        self._show_children(group, nodes)

    def _label_of(self, group: TreeNode[NodeData], aid: str) -> Entry:
        if self._early:  # before stories: headlines only (see populate_early)
            return titled_label(self._early[aid])
        corpus = self._corpus
        assert corpus is not None and group.data is not None
        story_id = group.data[1]  # "" for the group of single-source articles
        article = corpus.article(aid)
        if not story_id:  # a lone article has no story heading above it to name it
            return titled_label(article)
        return self._badged(article, corpus.cached_alignment(story_id), story_id)

    def _badged(self, article: Article, alignment: StoryAlignment | None, story_id: str) -> Entry:
        assert self._corpus is not None
        counts = badges(article_counts(article, alignment), self._styles)
        shared = self._shared.get(story_id)
        if shared is None:
            shared = self._shared[story_id] = _shared_outlets(self._corpus, story_id)
        by_headline = article.label in shared
        return article_label(article, counts, by_headline=by_headline)

    def _list_group(self, group: TreeNode[NodeData]) -> None:
        article_ids = self._unlisted.pop(group, None)
        if article_ids is not None:
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

    # ------------------------------------------------------------------ filter
    def show_found(self, found: Found | None) -> None:
        """List only what a filter found, in its order (None: everything, as first listed).

        The nodes are kept, not made again: only the root's list of stories and the single
        group's list of articles change, so a keystroke costs a list, not 13,000 nodes."""
        finder = self.finder
        if finder is None:
            return
        self.found = found
        cursor = self.cursor_node
        several = [s.id for s in finder.several] if found is None else found.several
        stories = [self._story_nodes[sid] for sid in several]
        single_all = [story.article_ids[0] for story in finder.single]
        self._single_ids = single_all if found is None else found.single
        self._single_set = None if found is None else frozenset(found.single)
        group = self._single
        if group is not None:
            group.set_label(self._single_title())
            if self._opened_for_filter and group.is_expanded:
                group.collapse()  # opened by a filter, not by the reader: closed again
            self._opened_for_filter = False
            if group in self._unlisted or not group.is_expanded:
                self._unlisted[group] = self._single_ids
            else:
                self._list(group, self._single_ids)
            if self._single_ids:
                stories.append(group)
                few = len(self._single_ids) <= OPEN_FOUND
                if not several and found is not None and few and not group.is_expanded:
                    group.expand()  # nothing else is listed: show what was found
                    self._list_group(group)
                    self._opened_for_filter = True
        self._show_children(self.root, stories)
        if cursor is not None and self._is_listed(cursor):
            self.move_cursor(cursor)
        else:
            self.cursor_line = 0
        self.scroll_to_line(self.cursor_line, animate=False)

    def _show_children(self, parent: TreeNode[NodeData], nodes: list[TreeNode[NodeData]]) -> None:
        """Make `nodes` the children of `parent`, in that order: nodes it held and are not among
        them are kept aside, not removed, to come back when a filter lets them.

        Textual's Tree has no way to hide a node, and removing nodes to add them again made
        every keystroke of a filter on Reuters rebuild thousands; the node list is set here, in
        the one place that reaches into the Tree (tests/tui/test_finding_sources.py checks it
        against the installed Textual)."""
        parent._children[:] = nodes
        parent._updates += 1
        self._invalidate()
        self._tree_lines  # noqa: B018 - lines numbered now, so that the cursor can be placed

    def _is_listed(self, node: TreeNode[NodeData]) -> bool:
        """Whether a node is among the lines the tree shows now."""
        lines = self._tree_lines
        return 0 <= node.line < len(lines) and lines[node.line].node is node

    def listed_stories(self) -> list[str]:
        """The stories of several sources as the list shows them now: filtered, in order."""
        return [node.data[1] for node in self.root.children if node.data and node.data[1]]

    def is_listed(self, article_id: str) -> bool:
        """Whether the article is in the list as filtered (listed or in a closed group)."""
        found, corpus = self.found, self._corpus
        if found is None or corpus is None:
            return True
        story = corpus.story_of(article_id)
        if len(story.article_ids) > 1:
            return (
                story.id in self._story_nodes and self._story_nodes[story.id] in self.root.children
            )
        return self._single_set is None or article_id in self._single_set

    # ------------------------------------------------------------------ labels
    def render_label(self, node: TreeNode[NodeData], base_style: Style, style: Style) -> Text:
        """The node's label fitted to the list's width as it is now (see `fit`)."""
        entry = self._entries.get(node.id)
        room = self._room(node)
        label = (entry.at(room) if entry else node._label).copy()
        label.truncate(room, overflow="ellipsis")
        label.stylize(style)
        if not node.allow_expand:
            return label
        icon = self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE
        return Text.assemble((icon, base_style + _TOGGLE), label)

    def get_label_width(self, node: TreeNode[NodeData]) -> int:
        """Nothing to measure: labels are fitted to the list's width, so there is nothing to
        scroll sideways to. Textual measures every line of the list on each change, and on all
        of Reuters measuring them took most of the time a filter takes."""
        return 1

    def _room(self, node: TreeNode[NodeData]) -> int:
        depth = 0
        parent = node.parent
        while parent is not None and parent is not self.root:
            depth += 1
            parent = parent.parent
        icon = 2 if node.allow_expand else 0
        width = self.scrollable_content_region.width or self.size.width
        return max(4, width - depth * self.guide_depth - icon)

    @property
    def mark_styles(self) -> StyleMap:
        """The marks' styles the list was filled with (the theme's)."""
        return self._styles

    def update_badges(self, corpus: Corpus, alignment: StoryAlignment, styles: StyleMap) -> None:
        """Badges of a story just compared (or in a new theme); a group not listed yet takes
        them from the corpus when it is."""
        self._styles = styles
        story = corpus.story(alignment.story_id)
        if len(story.article_ids) < 2:
            return  # a single source keeps its headline: there is nothing to count against
        story_node = self._story_nodes.get(story.id)
        if story_node is not None:
            self._relabel(story_node, story_text(story, alignment, styles))
        for aid in story.article_ids:
            node = self._article_nodes.get(aid)
            if node is not None:
                self._relabel(node, self._badged(corpus.article(aid), alignment, story.id))

    def _relabel(self, node: TreeNode[NodeData], label: Entry) -> None:
        self._entries[node.id] = label
        node.set_label(label.full)

    def reveal(self, article_id: str) -> None:
        """Expand the article's story and put the tree cursor on it, without opening it again;
        an article the filter leaves out stays out, and the cursor where it is."""
        if not self.is_listed(article_id):
            return
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
