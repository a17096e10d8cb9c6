"""The least any pure-Python pipeline must do, timed against the read-and-split floor.

Issue 6 asks for the full export within 10x of `json.loads` plus `re.findall(r"\\w+")`, both
in C. This times a bare skeleton of newsterm's unavoidable steps, written for speed and
nothing else: split each article into sentences, tokenise and stem them (memoised, integer ids),
post each sentence under its terms, and encode the passages as JSON. It leaves out everything
else newsterm does: cleaning, datelines, headlines, names, numbers and dates, grouping,
alignment and conflicts. Whatever this costs over the floor, the real engine cannot beat in
pure Python; it says how much of the budget is left for the rest.

Fresh processes, alternating with the floor, medians of N runs (default 3).

    python bench/bare_pipeline.py [--runs 3] [--sizes 5000,all] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

from pipeline import FLOOR, run
from reuters import DEFAULT_CORPUS, first_articles

SKELETON = r"""
import json, re, sys
import snowballstemmer

sentence = re.compile(r"[^.!?]+(?:[.!?]+|$)")
word = re.compile(r"\w+")
stem_word = snowballstemmer.stemmer("english").stemWord
ids, vocabulary, postings, articles = {}, {}, {}, []
with open(sys.argv[1], encoding="utf-8") as handle:
    for number, line in enumerate(handle):
        record = json.loads(line)
        passages = []
        for index, match in enumerate(sentence.finditer(record.get("text", ""))):
            terms = set()
            for token in word.findall(match.group().lower()):
                term = ids.get(token)
                if term is None:
                    term = ids[token] = vocabulary.setdefault(stem_word(token), len(vocabulary))
                terms.add(term)
            for term in terms:
                postings.setdefault(term, []).append((number, index))
            passages.append(
                {"id": f"{number}:{index}", "start": match.start(), "end": match.end(),
                 "text": match.group()}
            )
        articles.append({"id": str(number), "title": record.get("title"), "passages": passages})
for piece in json.JSONEncoder(indent=2).iterencode({"articles": articles}):
    pass
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="5000,all")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]} · {os.cpu_count()} CPUs · runs={args.runs}")
    print(f"{'articles':>8} {'floor s':>8} {'skeleton s':>10} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for size_text in args.sizes.split(","):
            size = None if size_text == "all" else int(size_text)
            path = first_articles(args.corpus, size, Path(tmp))
            count = sum(1 for _ in path.open(encoding="utf-8"))
            floors, skeletons = [], []
            for _ in range(args.runs):
                floors.append(run([sys.executable, "-c", FLOOR, str(path)])[0])
                skeletons.append(run([sys.executable, "-c", SKELETON, str(path)])[0])
            floor_s, skeleton_s = statistics.median(floors), statistics.median(skeletons)
            print(f"{count:>8,} {floor_s:>8.2f} {skeleton_s:>10.2f} {skeleton_s / floor_s:>6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
