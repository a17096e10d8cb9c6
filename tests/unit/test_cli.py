"""The command line as a script would use it: exit codes, stdout, stderr, files."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from newsterm.cli import main

from .ingest.fetch_server import deadline, news_site, offline, serve


def test_export_json_to_stdout(capsys) -> None:
    """`newsterm export --format json` on the seeds prints the contract to stdout."""
    assert main(["export", "--format", "json", "-q"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["articles"]) == 3 and len(data["stories"]) == 1


def test_export_refuses_to_overwrite_without_force(tmp_path: Path, capsys) -> None:
    """An existing output file is kept, with a one-line reason and exit status 1."""
    out = tmp_path / "report.txt"
    out.write_text("precious")
    assert main(["export", "-o", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"newsterm: {out} already exists (use --force to overwrite)"]
    assert out.read_text() == "precious"
    assert main(["export", "-o", str(out), "--force", "-q"]) == 0
    assert out.read_text().startswith("newsterm report:")


def test_export_dash_is_standard_output(tmp_path: Path, monkeypatch, capsys) -> None:
    """`-o -` is standard output, as for most tools, not a file named "-"."""
    monkeypatch.chdir(tmp_path)
    assert main(["export", "-o", "-", "-q"]) == 0
    assert capsys.readouterr().out.startswith("newsterm report:")
    assert list(tmp_path.iterdir()) == []


def test_export_never_writes_over_a_source(tmp_path: Path, seeds: Path, capsys) -> None:
    """A source named as the output is refused before any work, even with --force; so is a file
    of a source folder (the seeds, read by default)."""
    source = tmp_path / "articles.jsonl"
    source.write_text('{"title": "Ferry", "text": "The ferry left at nine."}\n')
    before = source.read_bytes()
    assert main(["export", str(source), "-o", str(source), "--force"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"newsterm: {source} is one of the files being read; choose another file"
    ]
    assert source.read_bytes() == before
    seed = next(path for path in seeds.iterdir() if path.is_file())
    assert main(["export", "-o", str(seed), "--force"]) == 1
    assert "being read" in capsys.readouterr().err


def test_export_to_a_device_needs_no_force_and_keeps_it_a_device(tmp_path: Path, capsys) -> None:
    """`-o /dev/null` (a private one where we may make it): written to, never replaced."""
    null = tmp_path / "null"
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        null = Path(os.devnull)  # a user who cannot make one cannot replace this one either
    for extra in ([], ["--force"]):
        assert main(["export", "-o", str(null), *extra]) == 0
        assert stat.S_ISCHR(null.stat().st_mode)
    assert capsys.readouterr().err == ""  # nothing to say: no file was written


def test_export_through_a_link(tmp_path: Path, capsys) -> None:
    """A link to a file: its target is replaced with --force, the link kept. A dangling link
    or a link to a folder is refused in one line."""
    (tmp_path / "real.txt").write_text("old")
    (tmp_path / "link.txt").symlink_to("real.txt")
    assert main(["export", "-q", "-o", str(tmp_path / "link.txt")]) == 1
    assert "already exists (use --force to overwrite)" in capsys.readouterr().err
    assert main(["export", "-q", "-o", str(tmp_path / "link.txt"), "--force"]) == 0
    assert (tmp_path / "link.txt").is_symlink()
    assert (tmp_path / "real.txt").read_text().startswith("newsterm report:")
    (tmp_path / "dangling").symlink_to("gone.txt")
    (tmp_path / "folder").mkdir()
    (tmp_path / "to-folder").symlink_to("folder")
    for name, reason in [("dangling", "which does not exist"), ("to-folder", "is a folder")]:
        assert main(["export", "-q", "-o", str(tmp_path / name), "--force"]) == 1
        err = capsys.readouterr().err.splitlines()
        assert len(err) == 1 and reason in err[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "dangling",
        "folder",
        "link.txt",
        "real.txt",
        "to-folder",
    ]
    assert list((tmp_path / "folder").iterdir()) == []


def test_export_to_a_folder_is_refused(tmp_path: Path, capsys) -> None:
    assert main(["export", "-o", str(tmp_path), "--force"]) == 1
    assert capsys.readouterr().err == f"newsterm: {tmp_path} is a folder\n"
    assert list(tmp_path.iterdir()) == []


def test_export_reports_bad_sources_one_line_each(tmp_path: Path, seeds: Path, capsys) -> None:
    """Bad sources cost one stderr line each; the good ones are still exported."""
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert (
        main(["export", "--format", "json", str(seeds), str(empty), str(tmp_path / "gone.txt")])
        == 0
    )
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"newsterm: {empty}: empty file",
        f"newsterm: {tmp_path / 'gone.txt'}: no such file or folder",
    ]
    assert len(json.loads(captured.out)["articles"]) == 3


def test_export_with_nothing_readable_fails(tmp_path: Path, capsys) -> None:
    assert main(["export", str(tmp_path / "nothing.txt")]) == 1
    assert "nothing to export" in capsys.readouterr().err


def test_compare_command(capsys) -> None:
    """`newsterm compare` relates two passages and explains the conflict."""
    assert (
        main(
            [
                "compare",
                "Police said 12 people were injured in the blast on Monday.",
                "Police said 15 people were injured in the blast on Monday.",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert out.startswith("conflict")
    assert "≠ number: 12 ≠ 15" in out


def test_compare_json(capsys) -> None:
    assert main(["compare", "--json", "The vote passed.", "The vote passed."]) == 0
    assert json.loads(capsys.readouterr().out)["relation"] == "match"


def test_python_dash_m_and_no_progress_when_piped(tmp_path: Path) -> None:
    """`python -m newsterm export` works, and prints no progress bar when stderr is a pipe."""
    result = subprocess.run(
        [sys.executable, "-m", "newsterm", "export"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert result.stdout.startswith("newsterm report:")
    assert result.stderr == ""


def test_a_reader_that_leaves_early_is_no_error() -> None:
    """`newsterm export | head -1`: the pipe closes under the export, which ends quietly."""
    export = subprocess.Popen(
        [sys.executable, "-m", "newsterm", "export", "-f", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert export.stdout is not None
    export.stdout.close()  # before the export writes: its first write finds no reader
    try:
        _, err = export.communicate(timeout=120)
    finally:
        if export.poll() is None:
            export.kill()
            export.wait(timeout=30)
    assert err.decode() == ""
    assert export.returncode == 0


@pytest.mark.parametrize("argv", [["--help"], ["export", "--help"], ["compare", "--help"]])
def test_help(argv: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 0
    assert "usage: newsterm" in capsys.readouterr().out


# ------------------------------------------------------------------------- web sources
def _without_locations(report: dict) -> dict:
    """A JSON report but where each article was read from (a URL online, a file offline), and
    so the notes naming those places (a page read twice is read once)."""
    for article in report["articles"]:
        article.pop("location")
    report["errors"] = [error["reason"].split(" as ")[0] for error in report["errors"]]
    return report


def test_export_fetches_a_feed_and_its_pages(tmp_path: Path, monkeypatch, capsys) -> None:
    """`newsterm export URL --full -f json`: each entry's page, with its URL; the two outlets'
    reports of one fire make one story."""
    with deadline(60), offline(monkeypatch), serve() as site:
        news = news_site(site)
        assert main(["export", news.rss, news.atom, "--full", "-f", "json", "--timeout", "5"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    report = json.loads(captured.out)
    assert [(a["url"], a["source"]) for a in report["articles"]] == [
        (news.gazette_fire, "Harbour Gazette"),
        (news.gazette_bridge, "Harbour Gazette"),
        (news.post_fire, "Valley Post"),
    ]
    fire = next(story for story in report["stories"] if len(story["articles"]) == 2)
    assert sorted(fire["articles"]) == sorted(
        a["id"] for a in report["articles"] if "fire" in a["url"]
    )


def test_export_saves_and_reopens_offline(tmp_path: Path, monkeypatch, capsys) -> None:
    """--save DIR, then `newsterm export DIR` with the server gone: the same articles and
    stories, passage for passage."""
    saved = tmp_path / "saved"
    with deadline(60), offline(monkeypatch), serve() as site:
        news = news_site(site)
        argv = ["export", news.gazette_fire, news.rss, news.atom, "--full", "-f", "json", "-q"]
        assert main([*argv, "--save", str(saved)]) == 0
        online = json.loads(capsys.readouterr().out)
    assert main(["export", str(saved), "-f", "json", "-q"]) == 0
    reopened = json.loads(capsys.readouterr().out)
    assert reopened["articles"][0]["location"].startswith(str(saved))
    assert _without_locations(reopened) == _without_locations(online)
    assert len(online["articles"]) == 3 and online["stories"]
    assert online["errors"] == ["read once: the same article"]  # the page, and the feed's link


def test_export_reads_the_feeds_of_an_opml_file(tmp_path: Path, monkeypatch, capsys) -> None:
    listing = tmp_path / "feeds.opml"
    with deadline(60), offline(monkeypatch), serve() as site:
        news = news_site(site)
        listing.write_bytes(next(r for p, r in site.routes.items() if p == "/feeds.opml").data())
        assert main(["export", "--opml", str(listing), "-f", "json", "-q"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [a["location"] for a in report["articles"]] == [
        f"{news.rss}#1",
        f"{news.rss}#2",
        f"{news.atom}#1",
    ]
    (tmp_path / "bad.opml").write_text("<rss/>")
    assert main(["export", "--opml", str(tmp_path / "bad.opml")]) == 1
    assert capsys.readouterr().err == (
        f"newsterm: {tmp_path / 'bad.opml'}: not an OPML file (its root element is not <opml>)\n"
    )


def test_export_names_what_could_not_be_read(tmp_path: Path, monkeypatch, capsys) -> None:
    """A URL that fails, a path that does not exist, an empty folder: one line each; nothing
    read at all is said, with exit status 1."""
    (tmp_path / "empty").mkdir()
    with deadline(60), offline(monkeypatch), serve() as site:
        missing = site.url("/missing.html")
        argv = ["export", missing, str(tmp_path / "gone"), str(tmp_path / "empty")]
        assert main(argv) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"newsterm: {missing}: HTTP 404 Not Found",
        f"newsterm: {tmp_path / 'gone'}: no such file or folder",
        f"newsterm: {tmp_path / 'empty'}: empty folder: no file to read",
        "newsterm: nothing to export: no readable articles",
    ]


@pytest.fixture
def apps_made(monkeypatch) -> list[dict]:
    """What the command line hands the app factory, each time, with an app that does not run."""
    import newsterm.tui.app as tui_app

    given: list[dict] = []

    class FakeApp:
        return_code = 0

        def run(self) -> None:
            pass

    def make_app(sources, *, cache, fetch, forked):
        given.append({"sources": sources, "fetch": fetch, "forked": forked})
        return FakeApp()

    monkeypatch.setattr(tui_app, "make_app", make_app)
    return given


def test_the_app_is_handed_the_urls(apps_made) -> None:
    """The app is given the URLs as sources and the fetch options (load() fetches them)."""
    assert main(["https://example.com/feed.xml", "--full", "--timeout", "7"]) == 0
    (made,) = apps_made
    assert made["sources"] == ["https://example.com/feed.xml"]
    assert made["fetch"].full and made["fetch"].connect_timeout <= 7
    assert made["forked"] is None  # web pages are fetched by the app: no build is forked


def test_the_app_is_handed_a_forked_build_of_a_big_pile(apps_made, monkeypatch, tmp_path) -> None:
    """A big pile of files is built in a process forked before the app starts its threads
    (newsterm.corpus.forked_build); a small one is built by the app."""
    import newsterm.corpus.forked_build as forked_build

    pile = tmp_path / "pile.txt"
    pile.write_text("A headline\n\nThe council met on Monday and voted 7 to 2.\n")
    assert main([str(pile), "--no-cache"]) == 0
    monkeypatch.setattr(forked_build, "FORK_MIN_BYTES", 1)
    assert main([str(pile), "--no-cache"]) == 0
    small, big = (made["forked"] for made in apps_made)
    assert small is None
    assert isinstance(big, forked_build.ForkedBuild)
    corpus = big.wait()
    assert corpus is not None and [a.title for a in corpus.articles] == ["A headline"]
