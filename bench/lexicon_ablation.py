"""Does each entry of the curated word lists help beyond the story it was written from?

For every pair of data/antonyms.txt and every word of a set of data/contrasts.txt, the
development pairs whose two sides hold the entry's words are judged with and without it. An
entry's gain is counted per SummEdits story (13 source articles) and on the development parts
of MSRP and ClaimDiff. An entry was most likely written from the story where it helps most; it
is kept only if it also helps some other story, or, never firing on any development pair, it
is one WordNet does not already know (untested, not overfitted). Entries that only ever help one
story, that hurt, or that WordNet already covers are listed for removal.

BASIL's hand-judged true conflicts (bench/gold/basil_conflicts.json, checked by
`bench/accuracy.py --set basil`) are another set of stories; an entry one of them needs is kept
(KEPT_FOR_BASIL), whatever SummEdits says.

    python bench/lexicon_ablation.py [--write]    # --write removes the failing entries
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable

import newsterm
import newsterm.text.lexicon as lexicon
from judge_data import ROOT, Pair, load
from newsterm.text.tokens import fold, stem, tokenize

DATA = ROOT / "src" / "newsterm" / "data"
# Sets BASIL's hand-judged true conflicts need: "the second black senator" against "the first".
KEPT_FOR_BASIL = frozenset({"ordinal"})


def _right(pair: Pair) -> bool:
    relation = newsterm.compare(pair.a, pair.b, pair.date_a, pair.date_b).relation
    if pair.set == "summedits":
        return (relation == "conflict") == pair.conflict
    if pair.set == "msrp":
        return (relation == "match") == (pair.label == "match")
    return relation != "conflict"  # claimdiff, consistent pairs only


def _stems(text: str) -> set[str]:
    return {t.stem for t in tokenize(text)} | {stem(t.norm) for t in tokenize(text)}


Indexed = list[tuple[Pair, set[str], set[str]]]


def _gain(
    pairs: Indexed, words: tuple[str, ...], without: Callable[[], None], restore: Callable
) -> Counter[str]:
    """Correct judgements with the entry minus without, by story ("s3") and set."""
    gain: Counter[str] = Counter()
    touched = [
        p for p, sa, sb in pairs if any(w in sa for w in words) and any(w in sb for w in words)
    ]
    if not touched:
        return gain
    with_entry = [_right(p) for p in touched]
    without()
    try:
        without_entry = [_right(p) for p in touched]
    finally:
        restore()
    for pair, x, y in zip(touched, with_entry, without_entry, strict=True):
        if x != y:
            where = f"s{pair.story}" if pair.set == "summedits" else pair.set
            gain[where] += 1 if x else -1
    return gain


def _verdict(gain: Counter[str], covered: bool) -> str:
    stories = {k: v for k, v in gain.items() if k.startswith("s")}
    if not gain:
        return "redundant (WordNet knows it)" if covered else "kept (never fires; untested)"
    best = max(stories, key=stories.__getitem__) if stories else None
    elsewhere = sum(v for k, v in stories.items() if k != best)
    others = gain["msrp"] + gain["claimdiff"]
    if elsewhere > 0 and others >= 0:
        return "kept (helps other stories)"
    if not stories and others > 0:
        return "kept (helps MSRP/ClaimDiff)"
    return "removed (helps one story only)" if sum(gain.values()) > 0 else "removed (no help)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    pairs = [
        (p, _stems(p.a), _stems(p.b)) for p in load() if p.part == "dev" and p.conflict is not None
    ]

    antonyms = lexicon._antonyms()
    contrasts = lexicon._contrasts()
    removed_lines: dict[str, set[int]] = {"antonyms.txt": set(), "contrasts.txt": set()}
    print("antonyms.txt")
    raw = (DATA / "antonyms.txt").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(raw):
        entry = line.split("#", 1)[0].strip()
        if "," not in entry:
            continue
        x, y = (stem(fold(w.strip())) for w in entry.split(","))
        rest = antonyms - {(x, y), (y, x)}
        original = lexicon._antonyms

        def without(rest: frozenset = rest) -> None:
            lexicon._antonyms = lambda: rest  # type: ignore[assignment]

        def restore(original: Callable = original) -> None:
            lexicon._antonyms = original  # type: ignore[assignment]

        gain = _gain(pairs, (x, y), without, restore)
        covered = lexicon._wordnet_opposite(x, y) or lexicon._wordnet_opposite(
            lexicon.canonical_stem(x), lexicon.canonical_stem(y)
        )
        verdict = _verdict(gain, covered)
        print(f"  {entry:32} {verdict:34} {dict(gain)}")
        if not verdict.startswith("kept"):
            removed_lines["antonyms.txt"].add(number)
    print("contrasts.txt")
    raw_c = (DATA / "contrasts.txt").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(raw_c):
        entry = line.split("#", 1)[0].strip()
        if ":" not in entry:
            continue
        label, members = entry.split(":", 1)
        words = [w.strip() for m in members.split(",") for w in m.split("=") if w.strip()]
        keys = tuple(stem(fold(w)) for w in words)
        rest_c = {
            k: {n: v for n, v in lines.items() if n != number} for k, lines in contrasts.items()
        }
        original_c = lexicon._contrasts

        def without_c(rest_c: dict = rest_c) -> None:
            lexicon._contrasts = lambda: rest_c  # type: ignore[assignment]

        def restore_c(original_c: Callable = original_c) -> None:
            lexicon._contrasts = original_c  # type: ignore[assignment]

        gain = _gain(pairs, keys, without_c, restore_c)
        covered = all(lexicon.shared_class(x, y) for x in keys for y in keys if x != y)
        verdict = _verdict(gain, covered)
        if label.strip() in KEPT_FOR_BASIL:
            verdict = "kept (BASIL needs it)"
        print(f"  {label.strip():28} {verdict:34} {dict(gain)}")
        if not verdict.startswith("kept"):
            removed_lines["contrasts.txt"].add(number)
    if args.write:
        kept = [line for n, line in enumerate(raw) if n not in removed_lines["antonyms.txt"]]
        (DATA / "antonyms.txt").write_text("\n".join(kept) + "\n", encoding="utf-8")
        out = [line for n, line in enumerate(raw_c) if n not in removed_lines["contrasts.txt"]]
        (DATA / "contrasts.txt").write_text("\n".join(out) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
