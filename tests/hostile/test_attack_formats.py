"""Formats pushed past what a parser should take: HTML nested 100,000 deep, entity expansion and
an external entity in a feed file, JSON nested a million deep, a 200 MB line of JSON Lines,
UTF-16 with and without a byte-order mark, NUL bytes and lone surrogates, bidi overrides and
zero-width characters in titles, and file names that carry escape sequences, newlines or markup.

Whatever the input, the rest of the pile is read, a refused source is one line naming it, and
nothing that reorders or controls a terminal reaches an article, stderr or an export."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import newsterm
from newsterm.cli import main
from newsterm.ingest.sanitize import sanitize_line

from .children import bounded_memory, load_in_child

WAIT = 60.0
OK = "Harbour reopens\n\nThe harbour reopened on Wednesday, the port authority said.\n"
# Terminal controls and the invisible characters that reorder or hide text.
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _pile(folder: Path, files: dict[str, str | bytes]) -> Path:
    folder.mkdir()
    (folder / "ok.txt").write_text(OK)
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def _strings(value: object) -> list[str]:
    """Every string in decoded JSON, keys included: where a raw control would be."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def _written(out: Path) -> str:
    """An export as its reader would see it: a JSON report's strings decoded, one per line."""
    text = out.read_text(encoding="utf-8")
    if out.suffix == ".json":
        return "\n".join(_strings(json.loads(text)))
    return text


def _errors(corpus: newsterm.Corpus) -> list[tuple[str, str]]:
    return [(e.location, e.reason) for e in corpus.errors]


def test_html_nested_100000_deep_is_bounded(tmp_path: Path) -> None:
    """lxml caps the depth; the page is read for what it gives or named with a reason."""
    page = "<html><body>" + "<div>" * 100_000 + "Deep text." + "</div>" * 100_000
    pile = _pile(tmp_path / "pile", {"deep.html": page + "</body></html>"})
    corpus = newsterm.load([pile])
    assert "Harbour reopens" in [a.title for a in corpus.articles]
    assert all(e.location == str(pile / "deep.html") for e in corpus.errors)


def _laughs(levels: int) -> str:
    entities = ['<!ENTITY lol0 "lol">']
    for n in range(1, levels + 1):
        entities.append(f'<!ENTITY lol{n} "' + f"&lol{n - 1};" * 10 + '">')
    return f"<!DOCTYPE rss [{''.join(entities)}]>"


FEED = (
    '<?xml version="1.0"?>{doctype}<rss version="2.0"><channel><title>Gazette</title>'
    "<item><title>Ferry {entity} aground</title><description>The ferry {entity} ran aground "
    "on Tuesday night, the coastguard said.</description></item></channel></rss>"
)


def test_a_feed_file_expands_no_entity_bomb(tmp_path: Path) -> None:
    """A billion laughs (10^9 "lol"s) in a feed on disk: read as a feed (before, the DOCTYPE's
    brackets kept it from being recognised as one, and it was read as a web page, "]>" and
    all), with the entity left unexpanded and the parser's refusal as a note."""
    feed = tmp_path / "laughs.xml"
    feed.write_text(FEED.format(doctype=_laughs(9), entity="&lol9;"))
    corpus = newsterm.load([feed])
    [article] = corpus.articles
    assert article.source == "Gazette"
    assert len(article.text) < 200 and "lollol" not in article.text
    assert all(e.location == str(feed) for e in corpus.errors)


def test_a_feed_file_reads_no_external_entity(tmp_path: Path) -> None:
    """An external entity naming /etc/passwd (and one naming a URL, never fetched) leaves the
    feed's text as it is, without the file's lines."""
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:secret-marker\n")
    doctype = (
        f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{secret.as_uri()}">'
        '<!ENTITY net SYSTEM "http://127.0.0.1:9/x">]>'
    )
    feed = tmp_path / "xxe.rss"
    feed.write_text(FEED.format(doctype=doctype, entity="&xxe;&net;"))
    corpus = newsterm.load([feed])
    [article] = corpus.articles
    assert article.source == "Gazette" and "coastguard" in article.text
    assert "secret-marker" not in article.text + article.title
    assert all(e.location == str(feed) for e in corpus.errors)


def test_json_nested_a_million_deep(tmp_path: Path) -> None:
    """A .json of a million nested arrays is one line naming it; in JSON Lines the line alone
    is lost (before, the whole file was, good lines and all)."""
    deep = "[" * 1_000_000 + "]" * 1_000_000
    good = json.dumps({"title": "Ferry aground", "text": "The ferry ran aground on Tuesday."})
    pile = _pile(tmp_path / "pile", {"deep.json": deep, "deep.jsonl": f"{good}\n{deep}\n"})
    corpus = newsterm.load([pile])
    assert sorted(a.title for a in corpus.articles) == ["Ferry aground", "Harbour reopens"]
    assert _errors(corpus) == [
        (f"{pile / 'deep.json'}", "too deeply nested to read"),
        (f"{pile / 'deep.jsonl'}:2", "too deeply nested to read"),
    ]


def test_a_200_mb_json_lines_line_is_skipped_in_bounded_memory(tmp_path: Path) -> None:
    """Before: the 200 MB line was read into memory with the rest of the file, decoded and
    parsed (90 s, 1.2 GB). Now it is named by number and skipped as it is read past, and the
    lines around it are read; the load runs in a child process to measure its memory."""
    path = tmp_path / "huge.jsonl"
    before = json.dumps({"title": "Before", "text": "The ferry left at nine on Monday."})
    after = json.dumps({"title": "After", "text": "The ferry came back at ten on Monday."})
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(before + '\n{"title": "Huge", "text": "')
        chunk = "word " * 200_000  # 1 MB
        for _ in range(200):
            handle.write(chunk)
        handle.write('"}\n' + after + "\n")
    loaded = load_in_child(path)
    assert loaded.titles == ["Before", "After"]
    assert loaded.errors == [(f"{path}:2", "line longer than 16 MB, skipped")]
    assert bounded_memory(loaded)


STORY = "Überschwemmung in Köln\n\nDer Rhein stieg am Montag um zwei Meter.\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_a_byte_order_mark(tmp_path: Path, encoding: str) -> None:
    """ "utf-16" writes a byte-order mark, the other two do not; text and JSON Lines both read."""
    record = json.dumps({"title": "Fähre läuft auf", "text": "Die Fähre lief am Dienstag auf."})
    pile = _pile(
        tmp_path / "pile",
        {
            "story.txt": STORY.encode(encoding),
            "records.jsonl": (record + "\n").encode(encoding),
        },
    )
    corpus = newsterm.load([pile])
    titles = sorted(a.title for a in corpus.articles)
    assert titles == ["Fähre läuft auf", "Harbour reopens", "Überschwemmung in Köln"]
    assert not [e for e in corpus.errors if e.kind != "note"]


def test_nul_bytes_and_lone_surrogates_never_reach_an_article(tmp_path: Path) -> None:
    """Escaped in JSON (\\u0000, \\ud800) they are dropped or replaced; raw NUL bytes in a text
    file make it binary, refused by name."""
    record = (
        '{"title": "Ferry\\u0000 aground \\ud800 at dawn", "source": "Gaz\\udc80ette",'
        ' "text": "The ferry\\u0000 ran aground \\udfff on Tuesday night."}\n'
    )
    pile = _pile(
        tmp_path / "pile",
        {"nul.jsonl": record, "raw.txt": b"Raw title\n\nThe ferry \x00ran aground.\n"},
    )
    corpus = newsterm.load([pile])
    for article in corpus.articles:
        for field in (article.title, article.text, article.source or "", article.label):
            assert not UNSAFE.search(field), field
    assert "Ferry aground \ufffd at dawn" in [a.title for a in corpus.articles]
    assert all(e.location == str(pile / "raw.txt") for e in corpus.errors)


TRICKS = {
    "\u202e": "right-to-left override",
    "\u202d": "left-to-right override",
    "\u2067": "right-to-left isolate",
    "\u200b": "zero width space",
    "\u2060": "word joiner",
    "\u2063": "invisible separator",
    "\u180e": "mongolian vowel separator",
    "\ufeff": "zero width no-break space",
}


def test_bidi_overrides_and_zero_width_characters_leave_titles(tmp_path: Path) -> None:
    """A headline that reads one way and says another ("Mayor \\u202eseningiser") must not reach
    the terminal or a report with its override: the safe display is the characters in the order
    they were written, without the invisible ones. Checked in the articles and in all three
    export formats. Before: the word joiner, the invisible operators and U+180E stayed. The
    zero-width joiner and non-joiner stay on purpose: they are part of writing (Persian, emoji
    sequences) and neither hide nor reorder text."""
    lines = [
        json.dumps(
            {
                "title": f"Mayor{char}resigns over {name}",
                "source": f"Ga{char}zette",
                "text": f"The mayor re{char}signed on Monday over the {name}, aides said.",
            }
        )
        for char, name in TRICKS.items()
    ]
    pile = _pile(tmp_path / "pile", {"tricks.jsonl": "\n".join(lines) + "\n"})
    corpus = newsterm.load([pile])
    invisible = re.compile("[" + "".join(TRICKS) + "\u2066-\u2069\u202a-\u202e\u200e\u200f]")
    for article in corpus.articles:
        assert not invisible.search(article.title + article.text + (article.source or ""))
    assert "Mayorresigns over word joiner" in [a.title for a in corpus.articles]
    kept = "می\u200cخواهم \U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert sanitize_line(kept) == kept
    for fmt in ("json", "text", "markdown"):
        out = tmp_path / f"out.{fmt}"
        assert main(["export", str(pile), "-f", fmt, "-o", str(out), "--no-cache"]) == 0
        assert not invisible.search(_written(out)), fmt


HOSTILE_NAMES = {
    "evil\x1b]0;pwned\x07": "an OSC sequence that retitles the terminal",
    "forged\nnewsterm: all is well": "a newline that forges a second message",
    "colour\x1b[31m": "a CSI colour",
    "[bold red]LOUD[\u2044b]": "Rich markup",
    "flip\u202etxt.exe": "a bidi override",
}


def test_file_names_with_escapes_newlines_and_markup_are_shown_escaped(tmp_path: Path) -> None:
    """Before: a name's escape sequence and newline reached stderr raw, and the text and
    Markdown exports wrote them raw in the article's location and in its label (the file's stem
    stands for an unnamed outlet). Now they are escaped as `ls -b` does; markup is literal."""
    pile = tmp_path / "pile"
    pile.mkdir()
    for n, stem in enumerate(HOSTILE_NAMES):
        (pile / f"{stem}.txt").write_text(OK.replace("Wednesday", f"day {n}"))
        (pile / f"{stem}.json").write_text("[broken")
    for fmt in ("json", "text", "markdown"):
        out = tmp_path / f"out.{fmt}"
        command = [sys.executable, "-m", "newsterm", "export", str(pile), "-f", fmt]
        done = subprocess.run(
            [*command, "-o", str(out), "--no-cache"],
            capture_output=True,
            text=True,
            timeout=WAIT,
        )
        assert done.returncode in (0, 1), done.stderr
        stderr_lines = done.stderr.splitlines()
        assert not UNSAFE.search(done.stderr)
        assert "\u202e" not in done.stderr
        broken = [line for line in stderr_lines if "invalid JSON" in line]
        assert len(broken) == len(HOSTILE_NAMES), stderr_lines  # one line each, none forged
        assert not any(line.startswith("newsterm: all is well") for line in stderr_lines)
        assert any("[bold red]LOUD" in line for line in broken)
        assert any("evil\\x1b]0;pwned\\x07" in line for line in broken)
        written = _written(out)
        assert not UNSAFE.search(written), fmt
        assert "\u202e" not in written
        assert "forged" in written
        assert not any(line.startswith("newsterm: all is well") for line in written.splitlines())
