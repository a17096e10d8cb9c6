"""Files a scanned folder may hold that are no articles: links to devices and to /proc, a file
nobody may read, tens of thousands of tiny files, and one of 500 MB.

Each load runs in a child process with a time limit where reading could block or run without
end, so a regression fails the test instead of hanging the suite."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest

import newsterm
from newsterm.ingest.opening import NOT_REGULAR, SYSTEM_FILE

from .children import bounded_memory, load_in_child

OK = "Harbour reopens\n\nThe harbour reopened on Wednesday, the port authority said.\n"


def test_dev_zero_through_a_link_in_a_folder_is_named_and_never_read(tmp_path: Path) -> None:
    """Before: the link was reported as "broken symbolic link" (it is not broken); reading it
    would never end. Named explicitly, it is refused the same way."""
    (tmp_path / "ok.txt").write_text(OK)
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    loaded = load_in_child(tmp_path)
    assert loaded.titles == ["Harbour reopens"]
    assert loaded.errors == [(str(zero), NOT_REGULAR)]
    assert load_in_child(zero).errors == [(str(zero), NOT_REGULAR)]


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc here")
def test_a_proc_file_in_a_folder_is_refused_not_read_as_an_article(tmp_path: Path) -> None:
    """Before: /proc/self/status became an article titled "Name: python"; /proc files declare
    no size and make up their text as they are read. The environment, NUL-separated, is
    refused too (no suffix, so quietly)."""
    (tmp_path / "ok.txt").write_text(OK)
    status = tmp_path / "status.txt"
    status.symlink_to("/proc/self/status")
    (tmp_path / "environ").symlink_to("/proc/self/environ")
    loaded = load_in_child(tmp_path)
    assert loaded.titles == ["Harbour reopens"]
    assert loaded.errors == [(str(status), SYSTEM_FILE)]


def test_a_path_that_becomes_a_fifo_after_the_check_is_refused_on_open(tmp_path: Path) -> None:
    """The kind is checked on the opened file: a reader handed a FIFO (as a swap between the
    folder walk and the read would do) neither blocks nor reads it."""
    from newsterm.ingest.document import SourceError
    from newsterm.ingest.opening import open_source

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(SourceError, match=NOT_REGULAR):
        open_source(fifo)


def _unreadable_pile(folder: Path) -> tuple[Path, Path]:
    folder.mkdir(mode=0o755)
    ok = folder / "ok.txt"
    ok.write_text(OK)
    secret = folder / "secret.txt"
    secret.write_text("Secret\n\nA body nobody may read.\n")
    ok.chmod(0o644)
    secret.chmod(0)
    return ok, secret


def test_an_unreadable_file_is_one_line_and_the_rest_is_read() -> None:
    """chmod 000: "permission denied" naming the file, in a folder and named. As root (who may
    read anything) the load runs in a child that has given up root first, so the test is real
    in a container too."""
    with tempfile.TemporaryDirectory() as top:
        os.chmod(top, 0o755)
        folder = Path(top) / "pile"
        _ok, secret = _unreadable_pile(folder)
        expected = [(str(secret), "permission denied")] * 2
        if os.geteuid() != 0:
            corpus = newsterm.load([folder, secret])
            assert [a.title for a in corpus.articles] == ["Harbour reopens"]
            assert [(e.location, e.reason) for e in corpus.errors] == expected
            return
        read, write = os.pipe()
        newsterm.load([folder / "ok.txt"])  # every module imported while still root
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            code = 1
            try:
                os.close(read)
                os.setgid(65534)
                os.setuid(65534)
                corpus = newsterm.load([folder, secret])
                lines = [a.title for a in corpus.articles]
                lines += [f"{e.location}|{e.reason}" for e in corpus.errors]
                os.write(write, "\n".join(lines).encode())
                code = 0
            finally:
                os._exit(code)
        os.close(write)
        with os.fdopen(read) as pipe:
            out = pipe.read()
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
        titles = [line for line in out.splitlines() if "|" not in line]
        errors = [tuple(line.split("|")) for line in out.splitlines() if "|" in line]
        assert titles == ["Harbour reopens"]
        assert errors == expected


def test_fifty_thousand_tiny_files_load_in_bounded_time(tmp_path: Path) -> None:
    """A folder of 50,000 one-line files (each too short to be an article, the cheapest kind
    to read, so the walk and the per-file cost dominate) is read within the time limit, every
    one accounted for, and a few real articles among them are found."""
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(50_000):
        with open(folder / f"f{n:05d}.txt", "w") as handle:
            handle.write(f"T{n}\n")
    for n in range(3):
        (folder / f"real{n}.txt").write_text(OK.replace("Wednesday", f"day {n}"))
    loaded = load_in_child(folder)
    assert loaded.titles.count("Harbour reopens") == 3
    assert len(loaded.titles) + len(loaded.errors) >= 50_000


def _sparse(path: Path, head: bytes, size: int) -> Path:
    with open(path, "wb") as handle:
        handle.write(head)
        handle.truncate(size)
    return path


@pytest.mark.parametrize(
    ("name", "head", "reason"),
    [
        ("big.txt", ("Big title\n\n" + "The harbour reopened. " * 500_000).encode(), "truncated"),
        ("big.json", b'[{"title": "a", "text": "b"}', "too large to read: 500 MB"),
        ("big.jsonl", b'{"title": "a", "text": "b"}\x00', "too large to read: 500 MB"),
    ],
    ids=["text", "json", "jsonl-with-nul-bytes"],
)
def test_a_500_mb_file_is_capped_with_one_line_naming_it(
    tmp_path: Path, name: str, head: bytes, reason: str
) -> None:
    """A 500 MB file (sparse: quick to make) is read only up to the cap for its kind, with one
    line naming it and saying so, in bounded memory. Before: a JSON file was read whole into
    memory (the cap was 1 GB) and only then refused, as binary."""
    big = _sparse(tmp_path / name, head, 500 * 2**20)
    loaded = load_in_child(big)
    assert loaded.errors and all(where == str(big) for where, _why in loaded.errors)
    assert any(reason in why for _where, why in loaded.errors)
    assert bounded_memory(loaded)


def test_json_lines_of_500_mb_are_read_a_line_at_a_time(tmp_path: Path) -> None:
    """JSON Lines past the cap are streamed: the articles before a 500 MB line of NUL bytes
    are read, the line is named by number and skipped, and memory stays small."""
    lines = "".join(
        json.dumps(
            {
                "title": f"Report {n}",
                "text": f"The harbour reopened on day {n}, said "
                f"the port authority in a statement number {n * 7}.",
            }
        )
        + "\n"
        for n in range(60)
    )
    big = _sparse(tmp_path / "big.jsonl", lines.encode(), 500 * 2**20)
    loaded = load_in_child(big)
    assert loaded.titles == [f"Report {n}" for n in range(60)]
    assert loaded.errors == [(f"{big}:61", "line longer than 16 MB, skipped")]
    assert bounded_memory(loaded)
