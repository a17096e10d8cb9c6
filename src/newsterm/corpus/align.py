"""Link each passage of a story to its counterparts in the story's other articles.

Candidates come from a postings list built over the story's passages only, scored by the
informative words they share; only the best few per other article are compared in full. So a
story of thirty articles costs thirty articles' worth of lookups, not every sentence against
every sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newsterm.claims.compare import RELATED_THRESHOLD, compare_prepared, same_claim
from newsterm.claims.conflicts.quotes import may_frame_quote
from newsterm.claims.prepared import Prepared
from newsterm.claims.similarity import similarity
from newsterm.corpus.updates import as_update, update_note
from newsterm.model import RELATION_RANK, Article, Link, Passage, Story, StoryAlignment
from newsterm.support.pausing import Pause, step
from newsterm.text.weights import weights

CANDIDATES_PER_ARTICLE = 3
# A related passage shares at least this many informative words: "America is an idea." is
# mostly contained in a long lede that mentions America, and says nothing of what it reports.
RELATED_SHARED_TERMS = 2
_STRONG = ("match", "conflict", "update")


def _candidates(
    passages: Sequence[Passage],
    prepared: Sequence[Prepared],
    article_rank: dict[str, int],
) -> dict[int, list[int]]:
    """For each passage, the few passages of each other article that share the most weight."""
    postings: dict[str, list[int]] = {}
    for number, prep in enumerate(prepared):
        for term in prep.terms:
            postings.setdefault(term, []).append(number)
    # A term in most of the story's passages ("Korea" in a story about Korea) finds nothing.
    common = max(8, len(passages) // 2)
    idf = weights().__getitem__
    # Each usable term's weight beside its postings, looked up once per term rather than once
    # per passage that has it.
    usable = {
        term: (idf(term), posting) for term, posting in postings.items() if len(posting) <= common
    }
    article_of = [passage.article_id for passage in passages]
    result: dict[int, list[int]] = {}
    for number, prep in enumerate(prepared):
        own = article_of[number]
        scores: dict[int, float] = {}
        # In sorted order, not set order: sums of floats taken in another order differ in the
        # last bit, and a tie between two candidates broken the other way links other passages
        # from run to run (the order of a set of strings changes with the hash seed).
        for term in sorted(prep.terms):
            found = usable.get(term)
            if found is None:
                continue
            weight, posting = found
            for other in posting:
                if article_of[other] != own:
                    scores[other] = scores.get(other, 0.0) + weight
        by_article: dict[str, list[tuple[float, int]]] = {}
        for other, score in scores.items():
            by_article.setdefault(article_of[other], []).append((score, other))
        chosen: list[int] = []
        for article_id in sorted(by_article, key=article_rank.__getitem__):
            best = sorted(by_article[article_id], key=lambda item: (-item[0], item[1]))
            chosen.extend(other for _, other in best[:CANDIDATES_PER_ARTICLE])
        result[number] = chosen
    return result


def align_story(
    story: Story,
    articles: Sequence[Article],
    prepare: Callable[[Passage], Prepared],
    pause: Pause | None = None,
) -> StoryAlignment:
    """Links between the passages of one story's articles, and the passages no one else has.
    `pause` runs between passages (see newsterm.support.pausing): the app's background comparing
    gives way to the reader there, as a big story takes a second."""
    passages = [p for article in articles for p in article.passages]
    if len(articles) < 2:
        # Nothing to cross-reference: every passage is unique, and preparing them (facts,
        # dates, names: most of the cost of alignment) would be thrown away.
        return StoryAlignment(story.id, (), tuple(p.id for p in passages), {})
    article_rank = {article.id: rank for rank, article in enumerate(articles)}
    article_of = {article.id: article for article in articles}
    # An article's voice is worked out from its source, URL or file (see Article.voice): once
    # per article here, not once per link.
    voice_of = {article.id: article.voice for article in articles}
    prepared = []
    for passage in passages:
        step(pause)
        prepared.append(prepare(passage))
    candidates = _candidates(passages, prepared, article_rank)
    quoted = [may_frame_quote(prep) for prep in prepared]

    # Best link of each relation per (passage, other article); pairs are compared once: a pair
    # found unrelated is remembered as None, since each side usually has the other among its
    # candidates (on 5,000 Reuters articles, half the comparisons were such repeats).
    best: dict[tuple[int, str, str], tuple[float, int]] = {}
    results: dict[tuple[int, int], Link | None] = {}
    for number, others in candidates.items():
        step(pause)
        for other in others:
            a, b = (number, other) if number < other else (other, number)
            if (a, b) not in results:
                # Most candidates share a word or two and nothing more: their same-claim score
                # (which the comparison could only lower) rounds below the related threshold,
                # and without a quotation on both sides no framed quote can lift it, so the
                # comparison would find them unrelated. Settled here, on the similarity the
                # comparison then reuses. Full comparisons on 5,000 Reuters articles went 99,402
                # -> 27,436, in a 49-article story (bench/big_story.py) 25,999 -> 1,259.
                similar = similarity(prepared[a], prepared[b])
                if (
                    not (quoted[a] and quoted[b])
                    and round(same_claim(*similar), 4) < RELATED_THRESHOLD
                ):
                    results[(a, b)] = None
                    continue
                outcome = compare_prepared(prepared[a], prepared[b], similar)
                if outcome.relation == "unrelated":
                    shared = len(prepared[a].terms & prepared[b].terms)
                    if outcome.similarity < RELATED_THRESHOLD or shared < RELATED_SHARED_TERMS:
                        results[(a, b)] = None
                        continue
                    relation = "related"
                else:
                    relation = outcome.relation
                first = article_of[passages[a].article_id]
                second = article_of[passages[b].article_id]
                same_outlet = voice_of[first.id] == voice_of[second.id]
                conflicts = outcome.conflicts
                if relation == "conflict":
                    update = update_note(first, second, same_outlet)
                    if update is not None:
                        relation = "update"
                        conflicts = tuple(as_update(c, *update) for c in conflicts)
                results[(a, b)] = Link(
                    passages[a].id,
                    passages[b].id,
                    relation,  # type: ignore[arg-type]
                    outcome.score,
                    conflicts,
                    same_outlet,
                )
            link = results.get((a, b))
            if link is None:
                continue
            for mine, theirs in ((a, b), (b, a)):
                key = (mine, passages[theirs].article_id, link.relation)
                if key not in best or (link.score, -theirs) > (best[key][0], -best[key][1]):
                    best[key] = (link.score, theirs)

    # A claim keeps its one best match and its one best conflict in each other article. Related
    # passages are kept all (a report returns to its subject several times, and the reader asks
    # where), unless each end already matches or contradicts the other's article.
    kept: set[tuple[int, int]] = set()
    for (mine, _article, relation), (_score, theirs) in best.items():
        if relation != "related":
            kept.add((min(mine, theirs), max(mine, theirs)))
    for (a, b), link in results.items():
        if (
            link is not None
            and link.relation == "related"
            and not all(
                any((mine, passages[theirs].article_id, strong) in best for strong in _STRONG)
                for mine, theirs in ((a, b), (b, a))
            )
        ):
            kept.add((a, b))

    # Passages are in story order (article by article), so pair order is reading order.
    links = [link for pair in sorted(kept) if (link := results[pair]) is not None]
    by_passage: dict[str, list[Link]] = {}
    for link in links:
        by_passage.setdefault(link.a, []).append(link)
        by_passage.setdefault(link.b, []).append(link)
    # Unique: told by no other outlet (the same outlet telling it again confirms nothing).
    confirmed = {
        pid
        for link in links
        if link.relation != "related" and not link.same_outlet
        for pid in (link.a, link.b)
    }
    unique = tuple(p.id for p in passages if p.id not in confirmed)
    ordered = {
        pid: tuple(sorted(items, key=lambda link: (RELATION_RANK[link.relation], -link.score)))
        for pid, items in by_passage.items()
    }
    return StoryAlignment(story.id, tuple(links), unique, ordered)
