"""The in-memory index built at startup: term ids, statistics, postings and near-duplicate keys.

Two questions are asked of it again and again: which articles could be about the same story as
this one (story grouping), and which passages contain these words (search, counterparts). Both
are answered from postings lists, never by comparing every article with every other, and terms
too common to discriminate are left out of candidate retrieval (as passim caps n-gram
frequency), so the cost of a lookup does not grow with the size of the pile.
"""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import TYPE_CHECKING

from newsterm.facts.dates import MONTHS, WEEKDAYS
from newsterm.facts.negation import NEGATIONS
from newsterm.facts.number_words import TENS, UNITS
from newsterm.model import Article
from newsterm.support.pausing import Pause, step
from newsterm.text.lexicon import canonical_stem
from newsterm.text.tokens import STOPWORDS, TOKEN_RE, fold, stem
from newsterm.text.weights import idf as background_idf

if TYPE_CHECKING:
    # At run time numpy is imported where the search arrays are used: a load from the cache
    # that only exports (the index unread, see cache._StoredIndex) need not pay for it.
    import numpy as np
    import numpy.typing as npt

PROGRESS_EVERY = 250  # articles between progress reports
ARTICLE_TERMS = 40  # terms kept in an article's vector: its most characteristic words
POSTING_CAP = 200  # most articles a term may be in and still find candidates (reached at 2.5k)
SHINGLE = 4  # words per shingle, for spotting republished wire copy
_NAME_RE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+)*")
_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)
_NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS)
_LINE_START_RE = re.compile(r"(?:^|\n)[ \t]*")


def _dated(word: str) -> bool:
    """A dateline's month or weekday ("November 28, 2005"): when, not a table's label. Kept:
    the month two events happened in is one of the few things that tell them apart."""
    return fold(word).rstrip(",.") in _CALENDAR


def names_in(text: str) -> list[str]:
    """Capitalised runs of a text that may name someone or somewhere, as written.

    Words that open a sentence are capitalised whatever they are, so they are left out. So
    are the labels that open the rows of a table ("Oper shr 21 cts vs 18 cts", "Revs
    7,866,000"): wire earnings briefs are such tables, every one of them carries the same
    labels, and counted as names they made every brief look like every other. A label is a
    capitalised run that opens a line and is followed by a figure within three words.
    """
    found = []
    line_starts = {m.end() for m in _LINE_START_RE.finditer(text)}
    for match in _NAME_RE.finditer(text):
        start, end = match.span()
        name = match.group()
        if start in line_starts:
            line_end = text.find("\n", end)
            following = text[end : line_end if line_end >= 0 else len(text)].split()[:3]
            words = name.split()
            figure_in_words = False  # "Record March Two": the row's figure, capitalised too
            while words and fold(words[-1]) in _NUMBER_WORDS:
                figure_in_words = True
                words.pop()
            name = " ".join(words)
            if figure_in_words or any(word[:1].isdigit() for word in following):
                dated = [k for k, word in enumerate(words) if _dated(word)]
                if not dated:
                    continue  # a table's label
                name = " ".join(words[dated[0] :])  # "Pay March 31": the month, not "Pay"
        found.append(name)
    return found


@lru_cache(maxsize=500_000)
def term_of(word: str) -> str | None:
    """The index term of a surface word, or None for words that carry no content."""
    norm = fold(word)
    if norm in STOPWORDS or norm in NEGATIONS or len(norm) < 2 or norm[:1].isdigit():
        return None
    return canonical_stem(stem(norm))


def terms(text: str) -> list[str]:
    """Content terms of a text in order: the fast path used for whole articles."""
    # map over the cached term_of: no Python step per word but the filter.
    return [term for term in map(term_of, TOKEN_RE.findall(text)) if term is not None]


def shingles(term_ids: list[int]) -> frozenset[int]:
    """Hashes of consecutive runs of an article's term ids; republished copy shares most of
    them. Hashed as tuples of ints, which Python hashes the same in every process (no salt, as
    strings have), with no text joined and encoded per run: the crc32 of each run's words cost
    a fifth of indexing."""
    if not term_ids:
        return frozenset()
    if len(term_ids) < SHINGLE:
        return frozenset((hash(tuple(term_ids)),))
    # The runs as tuples zipped from shifted views, rather than a slice per position.
    return frozenset(map(hash, zip(*(term_ids[k:] for k in range(SHINGLE)), strict=False)))


# Each term's postings of article numbers and weights, as arrays (see Index.prepare_search).
_Postings = dict[int, tuple["npt.NDArray[np.int64]", "npt.NDArray[np.float64]"]]


@dataclass(frozen=True, slots=True)
class SearchHit:
    passage_id: str
    score: float


class Index:
    """Term statistics and postings over a corpus's articles and passages."""

    def __init__(
        self,
        articles: Sequence[Article],
        progress: Callable[[int], None] | None = None,
        pause: Pause | None = None,
    ) -> None:
        """Index the articles; `progress` hears how many are done now and then (a big pile
        takes seconds, and a progress bar that stands still looks like a hang). `pause` runs
        between articles (see newsterm.support.pausing), so the app can call off a build of
        ten seconds or more when the reader quits."""
        # How many articles were indexed; the articles themselves stay with the corpus (an index
        # that held them too would be stored twice in the cache, or patched after loading).
        self.size = len(articles)
        self.term_ids: dict[str, int] = {}
        self.term_names: list[str] = []
        self.article_df: list[int] = []
        self.passage_ids: list[str] = []
        self.passage_article: array[int] = array("i")
        self.passage_postings: list[array[int]] = []
        self.article_tf: list[dict[int, int]] = []
        self.article_shingles: list[frozenset[int]] = []
        self.article_names: list[frozenset[str]] = []
        for number, article in enumerate(articles):
            step(pause)
            self._add(number, article)
            if progress and (number + 1) % PROGRESS_EVERY == 0:
                progress(number + 1)
        if progress:
            progress(self.size)
        # Once per distinct term, not once per (article, term): a term's rarity is fixed now.
        self._idf = [self.idf(term_id) for term_id in range(len(self.term_names))]
        step(pause)
        self.vectors: list[dict[int, float]] = []
        for tf in self.article_tf:
            step(pause)
            self.vectors.append(self._vector(tf))

    def _term_id(self, term: str) -> int:
        term_id = self.term_ids.get(term)
        if term_id is None:
            term_id = self.term_ids[term] = len(self.term_ids)
            self.term_names.append(term)
            self.article_df.append(0)
            self.passage_postings.append(array("i"))
        return term_id

    def _add(self, number: int, article: Article) -> None:
        tf: Counter[int] = Counter()
        all_ids: list[int] = []
        known = self.term_ids.get
        postings = self.passage_postings
        title_terms = terms(article.title)
        for term in title_terms:
            tf[self._term_id(term)] += 2  # a headline says what the story is about
        for passage in article.passages:
            ordinal = len(self.passage_ids)
            self.passage_ids.append(passage.id)
            self.passage_article.append(number)
            passage_terms = terms(passage.text)
            ids = [
                found if (found := known(term)) is not None else self._term_id(term)
                for term in passage_terms
            ]
            if not passage.in_title:  # the title's words are counted above, twice
                all_ids.extend(ids)
                tf.update(ids)
            # Each term once per passage, in order of first appearance.
            for term_id in dict.fromkeys(ids):
                postings[term_id].append(ordinal)
        for term_id in tf:
            self.article_df[term_id] += 1
        self.article_tf.append(dict(tf))
        self.article_shingles.append(shingles(all_ids))
        names = {" ".join(match.split()).lower() for match in names_in(article.text)}
        self.article_names.append(frozenset(name for name in names if fold(name) not in STOPWORDS))

    def idf(self, term_id: int) -> float:
        """Rarity of a term, in this pile and in news at large.

        A small pile cannot say which words are common (in three articles about Korea, "Korea"
        looks as rare as "artillery"), so the background statistics weigh most until the pile
        is large enough to speak for itself.
        """
        n = self.size
        local = math.log((n + 1) / (self.article_df[term_id] + 0.5))
        share = min(1.0, n / 2000)
        return share * local + (1 - share) * background_idf(self.term_names[term_id])

    def _vector(self, tf: dict[int, int]) -> dict[int, float]:
        """Sublinear tf-idf over the article's most characteristic terms, unit length."""
        idf = self._idf
        log = math.log
        weights = {t: (1 + log(count)) * idf[t] for t, count in tf.items()}
        top = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:ARTICLE_TERMS]
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        return {t: w / norm for t, w in top}

    def posting_cap(self) -> int:
        """Terms in more article vectors than this are too common to find candidates with.

        The cap grows with the pile up to POSTING_CAP and then stays put, as passim caps n-gram
        frequency: a growing cap makes every lookup scan longer lists, and grouping becomes
        quadratic in disguise (at 17k articles a cap of 526 spent most of the build there).
        """
        return min(POSTING_CAP, max(50, int(4 * math.sqrt(self.size))))

    def prepare_search(self) -> _Postings:
        """The weighted postings as arrays, built once (before forking, so workers share them;
        and after a load from the cache, which does not store them).

        Built from the article vectors in three flat arrays sorted by term, not term by term:
        a stable sort keeps each term's articles in ascending order, and a Python step per
        posting took a tenth of grouping a big pile. They are the only per-term postings of
        articles: lists of them, built beside the vectors and stored in the cache, were never
        read."""
        found: _Postings | None = self.__dict__.get("_search")
        if found is None:
            import numpy as np

            cap = self.posting_cap()
            vectors = self.vectors
            sizes = np.fromiter(map(len, vectors), dtype=np.int64, count=len(vectors))
            total = int(sizes.sum())
            term_ids = np.fromiter(chain.from_iterable(vectors), dtype=np.int64, count=total)
            weights = np.fromiter(
                chain.from_iterable(v.values() for v in vectors), dtype=np.float64, count=total
            )
            numbers = np.repeat(np.arange(len(vectors), dtype=np.int64), sizes)
            order = np.argsort(term_ids, kind="stable")
            term_ids, numbers, weights = term_ids[order], numbers[order], weights[order]
            terms, starts, counts = np.unique(term_ids, return_index=True, return_counts=True)
            found = self._search = {
                term: (numbers[start : start + count], weights[start : start + count])
                for term, start, count in zip(
                    terms.tolist(), starts.tolist(), counts.tolist(), strict=True
                )
                if count <= cap
            }
        return found

    def similar_articles(
        self, number: int, minimum: float = 0.1, *, later: bool = False
    ) -> list[tuple[int, float]]:
        """Articles whose vectors share characteristic terms with this one, best first; with
        `later`, only those numbered after it (grouping scores each pair once).

        The products of the two articles' weights are summed per other article in the order of
        this article's terms, as a loop over dictionaries summed them (np.bincount adds in
        input order), so scores are the same to the last bit, three times faster. The sums are
        binned by article number over the whole pile rather than over the articles met (no
        sort per article); an article met by no term scores 0 and is kept only when `minimum`
        lets 0 through, so then the articles met are counted too.
        """
        import numpy as np

        search = self.prepare_search()
        others: list[npt.NDArray[np.int64]] = []
        products: list[npt.NDArray[np.float64]] = []
        for term, weight in self.vectors[number].items():
            found = search.get(term)
            if found is not None:
                others.append(found[0])
                products.append(weight * found[1])
        if not others:
            return []
        met = np.concatenate(others)
        scores = np.bincount(met, weights=np.concatenate(products), minlength=self.size)
        keep = scores >= minimum
        if minimum <= 0:
            keep &= np.bincount(met, minlength=self.size) > 0
        keep[number] = False
        if later:
            keep[:number] = False
        articles = np.flatnonzero(keep)
        scores = scores[articles]
        order = np.lexsort((articles, -scores))
        return list(zip(articles[order].tolist(), scores[order].tolist(), strict=True))

    def cosine(self, i: int, j: int) -> float:
        vi, vj = self.vectors[i], self.vectors[j]
        if len(vi) > len(vj):
            vi, vj = vj, vi
        return sum(w * vj.get(t, 0.0) for t, w in vi.items())

    def shingle_overlap(self, i: int, j: int) -> float:
        """Share of the smaller article's shingles found in the other (1.0: a copy)."""
        a, b = self.article_shingles[i], self.article_shingles[j]
        if not a or not b:
            return 0.0
        return len(a & b) / min(len(a), len(b))

    def search(self, query: str, limit: int = 200) -> list[SearchHit]:
        """Passages containing all the query's words (by stem), rarest words weighing most."""
        found = [self.term_ids.get(t) for t in terms(query)]
        query_terms = [t for t in found if t is not None]
        if not found or len(query_terms) < len(found):
            return []
        ids = sorted(set(query_terms), key=lambda t: len(self.passage_postings[t]))
        result = set(self.passage_postings[ids[0]])
        for term_id in ids[1:]:
            result &= set(self.passage_postings[term_id])
            if not result:
                return []
        score = math.fsum(self.idf(t) for t in ids)
        return [SearchHit(self.passage_ids[o], score) for o in sorted(result)[:limit]]
