"""Build the background term statistics shipped in src/newsterm/data/idf.txt.gz.

Matching two passages needs to know which words are informative ("artillery") and which are
not ("year"). A pile of three articles cannot say, so newsterm ships document frequencies of
word stems over Reuters-21578 (19,043 news articles, research use). Rerun this after changing
tokenisation, stemming or the synonym list:

    python bench/build_idf.py [../shared/corpora/reuters21578.jsonl]
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from pathlib import Path

from newsterm.text.lexicon import canonical_stem
from newsterm.text.tokens import STOPWORDS, Token, tokenize

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl"
OUT = ROOT / "src" / "newsterm" / "data" / "idf.txt.gz"
MIN_DF = 2  # a stem seen once tells nothing a missing stem would not


def content_stems(tokens: list[Token]) -> list[str]:
    """Stems of the words that carry meaning: stopwords and bare punctuation dropped."""
    return [t.stem for t in tokens if t.norm not in STOPWORDS and (len(t.norm) > 1 or t.is_number)]


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else DEFAULT
    df: Counter[str] = Counter()
    n = 0
    with source.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            text = f"{record.get('title', '')}\n{record.get('text', '')}"
            df.update(
                {canonical_stem(s) for s in content_stems(tokenize(text)) if not s[:1].isdigit()}
            )
            n += 1
    rows = sorted((stem, count) for stem, count in df.items() if count >= MIN_DF)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(f"#documents\t{n}\n")
        for stem, count in rows:
            out.write(f"{stem}\t{count}\n")
    print(
        f"{len(rows):,} stems from {n:,} documents -> {OUT.relative_to(ROOT)} "
        f"({OUT.stat().st_size / 1024:.0f} KiB)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
