"""The hostile pile through `newsterm export`: every bad source named once, nothing leaks."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsterm.cli import main

from .pile import EXPECTED_BAD

# Anything a terminal would act on: C0 controls but newline and tab, DEL, C1, bidi controls.
DANGEROUS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_export_of_the_hostile_pile_is_free_of_control_sequences(
    hostile: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every format comes out clean: no escape sequence, C1 control or bidi override."""
    code, out, err = run(["export", str(hostile), "-f", fmt], capsys)
    assert code == 0
    assert not DANGEROUS.search(out)
    assert not DANGEROUS.search(err)
    for marker in ("marker0", "marker9", "Café", "Good line", "Inside the loop", "feedmarker"):
        assert marker in out


def test_each_broken_source_gets_one_line_naming_it_and_the_reason(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Binary, empty and malformed files are reported one line each; no traceback."""
    code, _out, err = run(["export", str(hostile), "-f", "json"], capsys)
    assert code == 0
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    for name in EXPECTED_BAD:
        mine = [line for line in lines if f"{name}:" in line]
        assert len(mine) == 1, (name, lines)
        assert len(mine[0].split(": ", 1)[1]) > 5  # a reason follows the name
    assert any("lines.jsonl:2" in line for line in lines)
    assert any("huge_line.txt" in line and "truncated" in line for line in lines)
    assert not any("image.png" in line for line in lines)  # not an article: skipped quietly
    assert any("cut_feed.xml" in line and "malformed feed" in line for line in lines)


def test_damaged_feeds_and_pages_give_up_only_what_is_missing(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A truncated page and a feed with a bad character still yield their article."""
    _code, out, _err = run(["export", str(hostile), "-f", "json"], capsys)
    articles = {
        Path(a["location"]).name: {**a, "text": " ".join(p["text"] for p in a["passages"])}
        for a in json.loads(out)["articles"]
    }
    page = articles["cut_page.html"]
    assert "pagemarker ferry report" in page["title"]
    assert "Seven boats followed it" in page["text"]
    assert "<script" not in page["text"] and "Home | World" not in page["text"]
    entry = articles["hostile_feed.rss#1"]
    assert entry["source"] == "Feed [b]Wire[/b]"
    assert "feedmarker ferry left the harbour" in entry["text"]
    assert "alert(1)" not in entry["text"]


def test_markup_in_titles_reaches_the_json_as_literal_text(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rich markup in a headline is data: it is kept verbatim, never interpreted."""
    _code, out, _err = run(["export", str(hostile), "-f", "json"], capsys)
    data = json.loads(out)
    titles = {article["title"] for article in data["articles"]}
    assert any("[link=https://evil.example]click[/link]" in title for title in titles)
    sources = {article["source"] for article in data["articles"]}
    assert "[b]Evil[/b] Times" in sources


def test_markdown_export_escapes_markup_and_links(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """In Markdown a headline cannot become a link or HTML."""
    _code, out, _err = run(["export", str(hostile), "-f", "markdown"], capsys)
    assert "](https://evil.example" not in out
    assert "<script" not in out


def test_export_refuses_to_overwrite_and_to_write_into_a_missing_folder(
    hostile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An existing file is kept unless --force; a missing folder is a one-line error."""
    target = tmp_path / "out.txt"
    target.write_text("mine\n", encoding="utf-8")
    code, _out, err = run(["export", str(hostile), "-o", str(target)], capsys)
    assert code == 1 and "already exists" in err and target.read_text() == "mine\n"
    code, _out, err = run(["export", str(hostile), "-o", str(tmp_path / "no" / "x.txt")], capsys)
    assert code == 1 and "does not exist" in err
    assert len([line for line in err.splitlines() if "does not exist" in line]) == 1
