"""Claims of a story: passages of different outlets joined by their links into groups.

Links are pairwise, but a reader thinks in claims: "three outlets say 600 soldiers died, one of
them says it differently". A claim group is a connected set of passages joined by match or
conflict links; how many distinct articles it spans is how many sources report the claim.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsterm.corpus.corpus import Corpus
from newsterm.model import RELATION_RANK, Conflict, Link, Passage, Relation


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """One claim as several sources tell it."""

    # The strongest relation among its links (conflict, update, match); "related" for pairs.
    relation: Relation
    passages: tuple[Passage, ...]  # in story order: the first is the pivot others are read against
    links: tuple[Link, ...]

    @property
    def conflicts(self) -> list[tuple[Link, Conflict]]:
        return [(link, conflict) for link in self.links for conflict in link.conflicts]

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.article_id for p in self.passages))

    @property
    def kinds(self) -> list[str]:
        return sorted({conflict.kind for _, conflict in self.conflicts})


def claim_groups(corpus: Corpus, story_id: str) -> list[ClaimGroup]:
    """Match/conflict groups of a story, conflicts first, then matches, then related pairs."""
    alignment = corpus.alignment(story_id)
    order = {
        p.id: n
        for n, p in enumerate(
            p for article in corpus.story_articles(story_id) for p in article.passages
        )
    }
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    strong = [link for link in alignment.links if link.relation != "related"]
    for link in strong:
        ra, rb = find(link.a), find(link.b)
        if ra != rb:
            parent[max(ra, rb, key=order.__getitem__)] = min(ra, rb, key=order.__getitem__)
    members: dict[str, list[str]] = {}
    for pid in parent:
        members.setdefault(find(pid), []).append(pid)
    group_links: dict[str, list[Link]] = {}
    for link in strong:
        group_links.setdefault(find(link.a), []).append(link)

    groups = []
    for root, pids in members.items():
        links = tuple(group_links.get(root, ()))
        relation = min((link.relation for link in links), key=RELATION_RANK.__getitem__)
        passages = tuple(corpus.passage(pid) for pid in sorted(pids, key=order.__getitem__))
        groups.append(ClaimGroup(relation, passages, links))
    related = [
        ClaimGroup(
            "related",
            tuple(
                sorted((corpus.passage(link.a), corpus.passage(link.b)), key=lambda p: order[p.id])
            ),
            (link,),
        )
        for link in alignment.links
        if link.relation == "related" and find(link.a) != find(link.b)
    ]
    groups.extend(related)
    groups.sort(key=lambda g: (RELATION_RANK[g.relation], order[g.passages[0].id]))
    return groups
