"""Word knowledge: curated lists (name aliases, synonyms, antonyms, closed sets) and what
newsterm keeps of WordNet 3.0 (opposites, classes of nouns, senses), shipped as data files.

Kept as data rather than code so that a reviewer can read and extend them without touching the
logic, and so that each entry is a decision someone can argue with. The curated lists hold only
what the broad resource does not know and what helps beyond the story it was written from
(bench/lexicon_ablation.py); WordNet's part is derived at development time by
bench/build_wordnet.py, nothing is downloaded at run time.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from functools import cache, cached_property, lru_cache
from importlib.resources import files

from newsterm.text.tokens import fold, stem


def _lines(name: str) -> list[list[str]]:
    raw = files("newsterm").joinpath("data", name).read_text(encoding="utf-8")
    groups = []
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            groups.append([item.strip() for item in line.split(",") if item.strip()])
    return groups


def _name_key(text: str) -> str:
    return " ".join(fold(word) for word in text.replace("’", "'").split())


@cache
def _aliases() -> dict[str, str]:
    table = {}
    for group in _lines("aliases.txt"):
        canonical = _name_key(group[0])
        for item in group:
            table[_name_key(item)] = canonical
    return table


@cache
def _nicknames() -> frozenset[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for group in _lines("nicknames.txt"):
        names = [fold(name) for name in group]
        pairs.update((x, y) for x in names for y in names if x != y)
    return frozenset(pairs)


def same_given_name(name_a: str, name_b: str) -> bool:
    """ "Liz" and "Elizabeth", "Bill" and "William": one person's given name, told two ways."""
    return (fold(name_a), fold(name_b)) in _nicknames()


@cache
def _leanings() -> dict[str, int]:
    table: dict[str, int] = {}
    for group in _lines("polarity.txt"):
        label, _, first = group[0].partition(":")
        sign = 1 if label.strip() == "positive" else -1
        for word in (first, *group[1:]):
            table[stem(fold(word.strip()))] = sign
    return table


def leaning(stem_: str) -> int:
    """+1 for a word that judges favourably ("triumphant"), -1 unfavourably ("troubled"),
    0 for the rest."""
    return _leanings().get(stem_, 0)


@cache
def _synonyms() -> dict[str, str]:
    table = {}
    for group in _lines("synonyms.txt"):
        canonical = stem(fold(group[0].split()[0]))
        for item in group:
            table[stem(fold(item.replace(" ", "")))] = canonical
            if " " not in item:
                table[stem(fold(item))] = canonical
    return table


@cache
def _synonym_groups() -> dict[str, frozenset[int]]:
    """Stem -> every synonym group it is in: "ship" (of "shipped") is in the group of
    "transported" as well as in that of "vessel", where canonical_stem keeps only one."""
    table: dict[str, set[int]] = {}
    for number, group in enumerate(_lines("synonyms.txt")):
        for item in group:
            table.setdefault(stem(fold(item.replace(" ", ""))), set()).add(number)
            if " " not in item:
                table.setdefault(stem(fold(item)), set()).add(number)
    return {key: frozenset(groups) for key, groups in table.items()}


@cache
def _antonyms() -> frozenset[tuple[str, str]]:
    pairs = set()
    for group in _lines("antonyms.txt"):
        if len(group) == 2:
            a, b = (stem(fold(word)) for word in group)
            pairs.add((a, b))
            pairs.add((b, a))
    return frozenset(pairs)


@cache
def _seats() -> frozenset[tuple[str, str]]:
    pairs = set()
    for group in _lines("capitals.txt"):
        if len(group) == 2:
            country, seat = canonical_name(group[0]), canonical_name(group[1])
            pairs.add((country, seat))
            pairs.add((seat, country))
    return frozenset(pairs)


def same_actor(key_a: str, key_b: str) -> bool:
    """True when two name keys are a country and the seat of its government ("Moscow", "Russia")."""
    return (key_a, key_b) in _seats()


def canonical_name(text: str) -> str:
    """The key two spellings of one name share: "U.S.", "US" and "United States" agree."""
    key = _name_key(text)
    if key.startswith("the "):
        key = _aliases().get(key, key[4:])
    return _aliases().get(key, key)


def known_name(key: str) -> bool:
    """True for a country, a seat of government or a listed alias: a name even where a sentence
    starts with it ("Japan's yields rose"), when capitals alone cannot tell."""
    return key in _aliases() or key in _alias_targets() or key in _known_places()


@cache
def _known_places() -> frozenset[str]:
    return frozenset(key for pair in _seats() for key in pair)


def has_aliases(key: str) -> bool:
    """True for a canonical name that other spellings map to ("united states")."""
    return key in _alias_targets()


@cache
def _alias_targets() -> frozenset[str]:
    return frozenset(_aliases().values())


def canonical_stem(word_stem: str) -> str:
    """Map a stem to its synonym group's representative ("wound" -> "injur")."""
    return _synonyms().get(word_stem, word_stem)


def canonical_stems(word_stems: Iterable[str]) -> list[str]:
    """canonical_stem of each stem, in order: one dict look-up per stem rather than a call
    (preparing a passage maps every one of its tokens)."""
    get = _synonyms().get
    return [get(word_stem, word_stem) for word_stem in word_stems]


def listed_antonyms(stem_a: str, stem_b: str) -> bool:
    """Opposites the curated list names (data/antonyms.txt)."""
    return (stem_a, stem_b) in _antonyms()


@lru_cache(maxsize=65_536)
def are_antonyms(stem_a: str, stem_b: str, word_a: str = "", word_b: str = "") -> bool:
    """Opposites: from the curated list or WordNet, two words of opposite direction classes
    (any word the synonym groups fold into "rise" against any folded into "fall"), or a word
    against its negative-prefixed form. `word_a`/`word_b`, the words as folded, let the prefix
    test read the word rather than its stem ("unarmed" is "un" + "armed"; the stems "unarm"
    and "arm" hide it). Kept per pair of words: the words replaced in one story's passages
    meet again and again (a big story asked about the same pairs thousands of times)."""
    if stem_a == stem_b:
        return False
    if (stem_a, stem_b) in _antonyms() or _wordnet_opposite(stem_a, stem_b):
        return True
    canon_a, canon_b = canonical_stem(stem_a), canonical_stem(stem_b)
    if canon_a != canon_b and (
        (canon_a, canon_b) in _antonyms() or _wordnet_opposite(canon_a, canon_b)
    ):
        return True
    return _prefixed_opposite(word_a or stem_a, word_b or stem_b)


# Comparative and superlative endings, and the spellings a base takes before them: "low" ->
# "lowest", "large" -> "larger", "big" -> "biggest", "early" -> "earliest".
_DEGREE_ENDINGS = ("est", "er")


@lru_cache(maxsize=50_000)
def adjective_base(word: str) -> str:
    """The stem of the adjective a comparative or superlative is formed from ("highest" ->
    "high", "larger" -> "larg", "earliest" -> "earli"), or "" for any other word. WordNet keeps
    opposites between base forms only ("high" / "low"), and the stemmer leaves degrees alone,
    so "highest" / "lowest" met no opposite. Only a word WordNet knows as an adjective, if it
    knows it at all ("higher" and "lower" it keeps as adjectives; "worker" and "water" as no
    adjective), and whose base it knows as one."""
    net = _wordnet()
    if not net.is_adjective(stem(word)) and net.senses(stem(word)):
        return ""
    for ending in _DEGREE_ENDINGS:
        if not word.endswith(ending) or len(word) < len(ending) + 3:
            continue
        root = word[: -len(ending)]
        candidates = [root[:-1] + "y"] if root.endswith("i") else []  # "earliest"
        candidates += [root, root + "e"]
        if len(root) > 2 and root[-1] == root[-2] and root[-1] not in "aeiou":
            candidates.append(root[:-1])  # "biggest"
        for candidate in candidates:
            found = stem(candidate)
            # Three letters at least: "upper" and "inner" are no degrees of "up" and "in".
            if len(found) >= 3 and found != stem(word) and net.is_adjective(found):
                return found
    return ""


# Prefixes that turn a word into its opposite ("controlled"/"uncontrolled", "legal"/"illegal").
# "in-", "im-" and "dis-" only where WordNet knows the unprefixed word as an adjective
# ("inaccurate", "impossible", "dishonest"): too many other words merely start with them
# ("increase", "import", "discover").
_NEGATIVE_PREFIXES = ("un", "non", "non-", "il", "ir")
_ADJECTIVE_PREFIXES = ("in", "im", "dis")


def _prefixed_opposite(word_a: str, word_b: str) -> bool:
    short, long = sorted((word_a, word_b), key=len)
    if len(short) < 4 or not long.endswith(short):
        return False
    prefix = long[: -len(short)]
    if prefix in _NEGATIVE_PREFIXES:
        return True
    net = _wordnet()
    return (
        prefix in _ADJECTIVE_PREFIXES
        and net.is_adjective(stem(short))
        and net.is_adjective(stem(long))
    )


class _WordNet:
    """What newsterm keeps of WordNet 3.0 (see bench/build_wordnet.py): a word stem's most
    frequent senses, each noun sense's hypernyms and depth below the root, the word naming
    each class, pairs of opposite stems, and which sense numbers are adjectives.

    The file holds one section per kind of line, in a fixed order (spans, senses, classes,
    labels, opposites...), and each section is parsed on first use: grouping a wire archive
    asks only for senses (is a headline word a noun?), and parsing all 200,000 lines there cost
    a tenth of a second before a story was ready; a comparison asks about a few dozen words."""

    def __init__(self, text: str) -> None:
        self._text = text
        # Where each section starts: the first line with its tag (the file opens on a comment).
        starts = {}
        for tag in "PSHLAXB":
            found = text.find("\n" + tag + " ")
            if found >= 0:
                starts[tag] = found + 1
        ordered = [*sorted(starts.values()), len(text)]
        self._sections = {tag: (at, ordered[ordered.index(at) + 1]) for tag, at in starts.items()}
        self.adjectives = self.nouns = range(0)
        for line in self._lines("P"):
            _, part, first, last = line.split()
            span = range(int(first, 16), int(last, 16) + 1)
            if part == "a":
                self.adjectives = span
            elif part == "n":
                self.nouns = span

    def _lines(self, tag: str) -> list[str]:
        """The lines of one section, each with its tag."""
        start, end = self._sections.get(tag, (0, 0))
        return self._text[start:end].splitlines()

    @staticmethod
    def _pairs(lines: list[str]) -> dict[str, str]:
        return dict(line[2:].split(" ", 1) for line in lines)

    @cached_property
    def _senses(self) -> dict[str, str]:
        return self._pairs(self._lines("S"))

    @cached_property
    def _classes(self) -> dict[str, str]:
        return self._pairs(self._lines("H"))

    @cached_property
    def _labels(self) -> dict[str, str]:
        return self._pairs(self._lines("L"))

    @cached_property
    def opposites(self) -> frozenset[str]:
        return frozenset(line[2:] for line in self._lines("A"))

    @cached_property
    def mostly_not_nouns(self) -> frozenset[str]:
        return frozenset(line[2:] for line in self._lines("X"))

    @cached_property
    def broad_opposites(self) -> frozenset[str]:
        return frozenset(line[2:] for line in self._lines("B"))

    @lru_cache(maxsize=50_000)  # noqa: B019 (one instance, kept for the process's life)
    def senses(self, word_stem: str) -> tuple[int, ...]:
        return tuple(int(i, 16) for i in self._senses.get(word_stem, "").split())

    @lru_cache(maxsize=50_000)  # noqa: B019
    def ancestors(self, sense: int) -> dict[int, int]:
        """A noun sense's classes up to CLASS_STEPS above it, with how many steps up."""
        found = {sense: 0}
        frontier = [sense]
        for step in range(1, CLASS_STEPS + 1):
            frontier = [p for s in frontier for p in self.parents(s)]
            for parent in frontier:
                found.setdefault(parent, step)
        return found

    def is_noun_sense(self, sense: int) -> bool:
        return f"{sense:x}" in self._classes

    def parents(self, sense: int) -> list[int]:
        return [int(p, 16) for p in self._classes.get(f"{sense:x}", "0").split()[1:]]

    def depth(self, sense: int) -> int:
        return int(self._classes.get(f"{sense:x}", "0").split()[0])

    def label(self, sense: int) -> str:
        return self._labels.get(f"{sense:x}", "")

    def is_adjective(self, word_stem: str) -> bool:
        return any(sense in self.adjectives for sense in self.senses(word_stem))

    def only_noun(self, word_stem: str) -> bool:
        """No sense but a noun's, or none at all: what names a place, a firm or a thing."""
        return all(sense in self.nouns for sense in self.senses(word_stem))


# Two nouns are rivals in one class when each stands at most this many steps below a class they
# share ("mayor" and "governor" under "politician"), and the class is at least this deep below
# WordNet's root: "entity", "object", "abstraction" say nothing.
CLASS_STEPS = 2
CLASS_MIN_DEPTH = 5


@cache
def _wordnet() -> _WordNet:
    raw = files("newsterm").joinpath("data", "wordnet.txt.gz").read_bytes()
    return _WordNet(gzip.decompress(raw).decode("utf-8"))


def only_noun(word_stem: str) -> bool:
    """Whether WordNet knows the stem as a noun alone, or not at all (most names): "peoria",
    "citi", but not "hog" (also to hog) nor "applaud"."""
    return _wordnet().only_noun(word_stem)


def _wordnet_opposite(stem_a: str, stem_b: str) -> bool:
    return f"{stem_a} {stem_b}" in _wordnet().opposites or (
        f"{stem_b} {stem_a}" in _wordnet().opposites
    )


def opposite_in_some_sense(stem_a: str, stem_b: str) -> bool:
    """Opposites (are_antonyms), or WordNet antonyms in a rarer sense of either word ("stop" as
    "discontinue", against "continue"): enough to spare a denial, too weak to make a conflict."""
    net = _wordnet()
    return (
        are_antonyms(stem_a, stem_b)
        or f"{stem_a} {stem_b}" in net.broad_opposites
        or f"{stem_b} {stem_a}" in net.broad_opposites
    )


@lru_cache(maxsize=100_000)
def meanings(word_stem: str) -> frozenset[str]:
    """Tokens for what a word can mean: its synonym group's representative, every synonym group
    it is in, and its kept WordNet senses. Two words are synonymous exactly when their meanings
    meet, so a passage's meanings can be pooled and asked once per word of the other."""
    found = {"c:" + canonical_stem(word_stem)}
    found.update(f"g:{group}" for group in _synonym_groups().get(word_stem, ()))
    found.update(f"s:{sense}" for sense in _wordnet().senses(word_stem))
    return frozenset(found)


@lru_cache(maxsize=200_000)
def synonymous(stem_a: str, stem_b: str) -> bool:
    """Two words that can mean the same: one synonym group, or a WordNet sense in common."""
    if stem_a == stem_b or canonical_stem(stem_a) == canonical_stem(stem_b):
        return True
    groups = _synonym_groups()
    if not groups.get(stem_a, frozenset()).isdisjoint(groups.get(stem_b, frozenset())):
        return True
    net = _wordnet()
    return not set(net.senses(stem_a)).isdisjoint(net.senses(stem_b))


def shared_class(stem_a: str, stem_b: str) -> str:
    """The class two different nouns are both members of ("politician" for "mayor" and
    "governor"), or "" when they are not rivals for one place: synonyms, one a kind of the
    other ("road" and "street", "mine" and "excavation": a wider word, not another thing), or
    only akin under a class too broad to say anything."""
    if synonymous(stem_a, stem_b):
        return ""
    net = _wordnet()
    if stem_a in net.mostly_not_nouns or stem_b in net.mostly_not_nouns:
        return ""  # "conduct" / "perform": verbs first, whatever their noun senses
    nouns_a = [s for s in net.senses(stem_a) if net.is_noun_sense(s)]
    nouns_b = [s for s in net.senses(stem_b) if net.is_noun_sense(s)]
    if nouns_a and nouns_b:
        first_a, first_b = nouns_a[0], nouns_b[0]
        if first_a in net.ancestors(first_b) or first_b in net.ancestors(first_a):
            return ""  # in their most frequent senses, one is a kind of the other
    best: tuple[int, str] | None = None
    for sa in nouns_a:
        up_a = net.ancestors(sa)
        for sb in nouns_b:
            up_b = net.ancestors(sb)
            if sa in up_b or sb in up_a:
                continue
            for common in up_a.keys() & up_b.keys():
                if net.depth(common) < CLASS_MIN_DEPTH or not net.label(common):
                    continue
                steps = up_a[common] + up_b[common]
                if best is None or steps < best[0]:
                    best = (steps, net.label(common))
    return best[1] if best else ""


@cache
def _contrasts() -> dict[str, dict[int, tuple[str, int]]]:
    """Stem -> the closed sets it belongs to (line number -> label and member); "second" is both
    an ordinal and a unit of time. A member may be several words joined by "=" ("required =
    obliged"): words for one degree, which are rivals of the other members but not of each
    other. They are kept here rather than folded as synonyms, which would also make passages
    that use them look more alike everywhere else."""
    raw = files("newsterm").joinpath("data", "contrasts.txt").read_text(encoding="utf-8")
    table: dict[str, dict[int, tuple[str, int]]] = {}
    for number, line in enumerate(raw.splitlines()):
        line = line.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        label, members = line.split(":", 1)
        for member, words in enumerate(members.split(",")):
            for word in words.split("="):
                if word.strip():
                    table.setdefault(stem(fold(word.strip())), {})[number] = (
                        label.strip(),
                        member,
                    )
    return table


def one_member(stem_a: str, stem_b: str) -> bool:
    """Whether a closed set lists two words as one member told two ways ("ship = boat")."""
    found_a, found_b = _contrasts().get(stem_a, {}), _contrasts().get(stem_b, {})
    return any(found_a[line] == found_b[line] for line in found_a.keys() & found_b.keys())


def contrast_set(stem_a: str, stem_b: str) -> str:
    """The name of the closed set two different words both belong to ("relative" for
    "brother"/"sister"), or "" when they are not rivals for the same place."""
    if stem_a == stem_b or canonical_stem(stem_a) == canonical_stem(stem_b):
        return ""
    found_a, found_b = _contrasts().get(stem_a, {}), _contrasts().get(stem_b, {})
    for line in sorted(found_a.keys() & found_b.keys()):
        if found_a[line][1] != found_b[line][1]:
            return found_a[line][0]
    return ""
