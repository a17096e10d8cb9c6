"""Claims of a story: passages of different outlets joined by their links into groups.

Links are pairwise, but a reader thinks in claims: "three outlets say 600 soldiers died, one of
them says it differently". A claim group is a connected set of passages joined by match or
conflict links; how many distinct articles it spans is how many sources report the claim.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsterm.model import RELATION_RANK, Conflict, Link, Passage, Relation

if TYPE_CHECKING:
    # Annotations only: the app's first frame shows dates through this module without
    # loading the engine.
    from newsterm.corpus.corpus import Corpus


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


@dataclass(frozen=True, slots=True)
class ReportClaims:
    """What a report lists of one story."""

    groups: list[ClaimGroup]  # conflicts, updates, matches, then the closest related pairs
    related: int  # related pairs in all, of which only the closest are in `groups`
    unique: list[Passage]  # told by no other outlet, less those shown in a related pair


def report_claims(corpus: Corpus, story_id: str, related_shown: int) -> ReportClaims:
    """The story's claims as a report lists them: every conflict, update and match, the
    `related_shown` closest related pairs, then what only one source reports.

    Related pairs (the same subject, different details) are the weakest links and the most
    numerous: five BASIL stories gave 315 related blocks against 33 matches, burying what a
    reader exports a report for. A passage shown in a related pair is not listed again as
    told by one source only; the passages of the related pairs left out are."""
    groups = claim_groups(corpus, story_id)
    related = [group for group in groups if group.relation == "related"]
    closest = sorted(related, key=lambda group: -group.links[0].score)[:related_shown]
    kept = {id(group) for group in closest}
    shown = [group for group in groups if group.relation != "related" or id(group) in kept]
    in_related = {passage.id for group in closest for passage in group.passages}
    unique = [
        corpus.passage(pid) for pid in corpus.alignment(story_id).unique if pid not in in_related
    ]
    return ReportClaims(shown, len(related), unique)
