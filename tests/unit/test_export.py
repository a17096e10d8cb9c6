"""Exports: the JSON contract, a readable text diff, and writes that never lose anything."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import newsterm
from newsterm.export import ExportError, letters, render, render_json, write_file


@pytest.fixture(scope="module")
def corpus():
    return newsterm.load()


def test_json_follows_the_contract(corpus) -> None:
    """Every field DESIGN.md promises is there, with the promised types and offsets."""
    data = json.loads(render_json(corpus))
    assert data["version"] == 1
    texts = {}
    for article in data["articles"]:
        assert set(article) >= {
            "id",
            "source",
            "title",
            "published",
            "published_inferred",
            "location",
            "passages",
        }
        assert isinstance(article["published_inferred"], bool)
        for passage in article["passages"]:
            texts[passage["id"]] = passage["text"]
            assert passage["end"] > passage["start"] >= 0
    for story in data["stories"]:
        assert set(story) >= {"id", "title", "articles"}
    for link in data["links"]:
        assert link["a"] in texts and link["b"] in texts
        assert link["relation"] in ("match", "conflict", "related")
        assert 0 <= link["score"] <= 1
        for conflict in link["conflicts"]:
            assert set(conflict) == {"kind", "a", "b", "explanation"}
    assert set(data["unique"]) <= set(texts)


def test_json_offsets_point_into_the_cleaned_text(corpus) -> None:
    """start/end slice each passage out of its article's cleaned text; the headline's, marked
    as such, out of the title."""
    data = json.loads(render_json(corpus))
    headlines = 0
    for article in data["articles"]:
        text = corpus.article(article["id"]).text
        for passage in article["passages"]:
            source = article["title"] if passage.get("in") == "title" else text
            headlines += passage.get("in") == "title"
            assert source[passage["start"] : passage["end"]] == passage["text"]
    assert headlines == len(data["articles"])


def test_json_is_deterministic() -> None:
    """Two runs over the same input give byte-identical output."""
    assert render_json(newsterm.load()) == render_json(newsterm.load())


def test_undated_article_is_null_and_inferred(corpus) -> None:
    """An article without a date is published: null, with the borrowed date marked inferred."""
    data = json.loads(render_json(corpus))
    undated = [a for a in data["articles"] if a["published"] is None]
    assert undated, "the seeds include an undated article"
    assert all(a["published_inferred"] and a["reference_date"] for a in undated)


def test_text_report_marks_differences_and_explains_conflicts(corpus) -> None:
    """The text diff names its sources, marks differing words and explains each conflict."""
    text = render(corpus, "text")
    assert "STORY 1:" in text and "[A]" in text and "[B]" in text and "[C]" in text
    assert "{+seven+}" in text or "[-seven-]" in text
    assert "≠ number" in text and "seven ≠ eight" in text.replace("eight ≠ seven", "seven ≠ eight")
    assert "≠ date" in text and "so far this year" in text
    assert "date unknown" in text  # the undated seed is labelled as such
    assert "\x1b" not in text
    assert max(len(line) for line in text.splitlines()) <= 100


def test_markdown_report_escapes_article_text(tmp_path) -> None:
    """Markdown special characters from articles are escaped, not interpreted."""
    body = "The <b>council</b> voted on the *harbour* budget on `Monday` in Port [Ellis](x).\n"
    # Titles too short to be compared as headlines, so the two bodies face each other alone.
    (tmp_path / "a.txt").write_text("Harbour budget\n" + body)
    (tmp_path / "b.txt").write_text("Budget vote\n" + body)
    md = render(newsterm.load([tmp_path]), "markdown")
    assert "\\*harbour\\*" in md and "\\[Ellis\\]" in md and "\\<b\\>" in md
    assert "<b>" not in md


def test_unknown_format_is_an_error(corpus) -> None:
    with pytest.raises(ExportError, match="unknown format"):
        render(corpus, "pdf")


@pytest.mark.parametrize(("n", "label"), [(0, "A"), (25, "Z"), (26, "AA"), (27, "AB")])
def test_source_letters(n: int, label: str) -> None:
    assert letters(n) == label


def test_write_file_refuses_to_overwrite(tmp_path: Path) -> None:
    """An existing file is left untouched unless force is given."""
    target = tmp_path / "report.txt"
    target.write_text("keep me")
    with pytest.raises(ExportError, match=r"already exists \(use --force to overwrite\)"):
        write_file(target, "new")
    assert target.read_text() == "keep me"
    write_file(target, "new", force=True)
    assert target.read_text() == "new"


def test_write_file_leaves_no_temporary_files(tmp_path: Path) -> None:
    """A successful write leaves exactly the target, with the mode of any new file."""
    mask = os.umask(0o022)
    try:
        target = write_file(tmp_path / "out.json", "{}\n")
    finally:
        os.umask(mask)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]
    assert target.stat().st_mode & 0o777 == 0o644


def test_write_file_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        write_file(tmp_path / "nope" / "out.txt", "x")


def test_write_file_read_only_folder(tmp_path: Path, monkeypatch) -> None:
    """A folder the user cannot write to gives a one-line reason (simulated: tests run as root,
    for whom permissions do not apply; tests/unit/support/test_files.py tries a real one)."""
    real_open = os.open

    def denied(path, flags, *args, **kwargs):
        if flags & os.O_CREAT:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr("newsterm.support.files.os.open", denied)
    with pytest.raises(ExportError, match="permission denied"):
        write_file(tmp_path / "out.txt", "x")
    assert list(tmp_path.iterdir()) == []


def test_write_file_never_writes_a_source(tmp_path: Path) -> None:
    """The sources being read are `keep`: refused with a reason, even with force."""
    source = tmp_path / "articles.jsonl"
    source.write_text("precious")
    with pytest.raises(ExportError, match="being read"):
        write_file(source, "report", force=True, keep=[source])
    assert source.read_text() == "precious"


def test_write_file_through_a_link_keeps_the_link(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text("old")
    (tmp_path / "link.txt").symlink_to("real.txt")
    write_file(tmp_path / "link.txt", "new", force=True)
    assert (tmp_path / "link.txt").is_symlink()
    assert (tmp_path / "real.txt").read_text() == "new"


def test_write_file_failure_keeps_the_old_file(tmp_path: Path, monkeypatch) -> None:
    """If writing fails half-way, the previous file is intact and no temporary file remains."""
    target = tmp_path / "report.txt"
    target.write_text("old report")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(ExportError, match="No space left"):
        write_file(target, "new report", force=True)
    assert target.read_text() == "old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]


def test_json_is_written_in_pieces_that_add_up_to_the_whole(corpus, tmp_path, monkeypatch) -> None:
    """The CLI streams JSON to the file in pieces; what lands is byte for byte the JSON text."""
    import newsterm.export as export
    from newsterm.support import jsontext

    monkeypatch.setattr(jsontext, "PIECE_CHARS", 64)  # many pieces even for the seeds
    monkeypatch.setattr(jsontext, "ITEMS_AT_ONCE", 2)
    data = export.to_json_data(corpus)
    pieces = list(export.json_pieces(data))
    assert len(pieces) > 10
    whole = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert "".join(pieces) == whole
    written = write_file(tmp_path / "out.json", iter(pieces))
    assert written.read_text(encoding="utf-8") == whole


def _web_pile(tmp_path: Path) -> Path:
    """Two outlets' reports of one event, with addresses, as a JSON Lines file."""
    records = [
        {
            "id": "herald",
            "source": "Herald",
            "url": "https://herald.example/bridge",
            "published": "2024-03-05",
            "title": "Bridge collapse in Riverton kills 12",
            "text": "Twelve people were killed when the Old Mill bridge collapsed in Riverton on "
            "Monday, officials said.\n\nRescue teams pulled 30 survivors from the river.\n\n"
            "The mayor said the bridge had passed an inspection in January.",
        },
        {
            "id": "courier",
            "source": "Courier",
            "url": "https://courier.example/riverton?id=7",
            "published": "2024-03-05",
            "title": "Riverton bridge collapse kills 14",
            "text": "Fourteen people were killed when the Old Mill bridge collapsed in Riverton "
            "on Monday, police said.\n\nRescue teams pulled 30 survivors from the river.\n\n"
            "Engineers arrived on Tuesday to examine the wreckage.",
        },
    ]
    path = tmp_path / "pile.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_reports_cite_each_source_by_outlet_date_and_url(tmp_path: Path) -> None:
    """A reader of a report can find every source again: outlet, date and address; a file
    read from disk is named by its path, since it has no address."""
    corpus = newsterm.load([_web_pile(tmp_path)])
    text = render(corpus, "text")
    assert "[A] Herald · 5 Mar 2024" in text or "[B] Herald · 5 Mar 2024" in text
    assert "      https://herald.example/bridge\n" in text
    assert "      https://courier.example/riverton?id=7\n" in text
    md = render(corpus, "markdown")
    assert "| Link |" in md
    assert (
        "<https://herald.example/bridge>" in md and "<https://courier.example/riverton?id=7>" in md
    )
    seeds = render(newsterm.load(), "text")
    assert "seeds/000_1e57c82900ebba1d.txt" in seeds  # no URL: the path stands in


def test_an_inferred_date_is_never_written_with_the_related_mark(corpus) -> None:
    """'~' marks a related passage; a date borrowed from the story reads '≈2 Jun 2025?'."""
    text = render(corpus, "text")
    assert "date unknown (≈2 Jun 2025?, inferred from its story)" in text
    assert "~2 Jun" not in text


def test_related_pairs_are_capped_and_their_passages_not_listed_again(corpus) -> None:
    """Related blocks are the few closest, with a count of all; a passage in one of them is not
    also 'reported by one source only', and every unique passage is still listed once."""
    from newsterm.corpus.claim_groups import claim_groups, report_claims
    from newsterm.export import RELATED_SHOWN

    story = corpus.stories[0]
    every = [g for g in claim_groups(corpus, story.id) if g.relation == "related"]
    assert len(every) > RELATED_SHOWN  # the seeds have 30: the cap is exercised
    claims = report_claims(corpus, story.id, RELATED_SHOWN)
    shown = [g for g in claims.groups if g.relation == "related"]
    assert len(shown) == RELATED_SHOWN and claims.related == len(every)
    assert min(g.links[0].score for g in shown) >= max(
        g.links[0].score for g in every if g not in shown
    )
    in_related = {p.id for g in shown for p in g.passages}
    only = {p.id for p in claims.unique}
    assert not only & in_related
    assert only | (in_related & set(corpus.alignment(story.id).unique)) == set(
        corpus.alignment(story.id).unique
    )
    text = render(corpus, "text")
    assert text.count(". RELATED") == RELATED_SHOWN
    assert f"(the {RELATED_SHOWN} closest of {len(every)} pairs)" in text
    md = render(corpus, "markdown")
    assert md.count("### Related") == RELATED_SHOWN


def test_json_text_has_the_standard_librarys_layout_byte_for_byte() -> None:
    """Encoded by orjson, laid out as json.dumps(ensure_ascii=False, indent=2): strings with
    quotes, backslashes, controls, line separators and emoji; nesting; empty containers;
    the four-place floats of scores."""
    from newsterm.support.jsontext import json_pieces

    cases = [
        {},
        {"a": []},
        {"a": [[]], "b": {}, "c": {"d": {"e": []}}},
        {
            "version": 1,
            "articles": [{"id": "x", "text": 'é\u2028\x1f"\\ \U0001f600\n', "n": None}],
            "links": [{"score": s, "ok": True} for s in (0.0, 0.0001, 0.5, 0.9999, 1.0)],
        },
    ]
    cases.append({"links": [{"a": str(n), "score": n / 10_000} for n in range(1_500)]})
    for data in cases:
        assert "".join(json_pieces(data)) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
