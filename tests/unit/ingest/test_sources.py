"""Reading sources: one error per bad file, folders walked in a stable order."""

from __future__ import annotations

import os

import pytest

from newsterm.ingest.sources import displayable, read_sources

from .conftest import _errors


def test_dispatcher_reports_missing_empty_and_binary(tmp_path, write) -> None:
    """Explicitly named bad files each produce exactly one error naming them; others still load."""
    good = write("good.txt", "Headline\nA sentence of the story.\n")
    empty = write("empty.txt", "")
    binary = write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    errors, sink = _errors()
    docs = read_sources([good, empty, binary, tmp_path / "missing.txt"], sink)
    assert [d.title for d in docs] == ["Headline"]
    assert [(w.rsplit("/", 1)[1], why) for w, why in errors] == [
        ("empty.txt", "empty file"),
        ("image.txt", "binary file, not text"),
        ("missing.txt", "no such file or folder"),
    ]


def test_folder_walk_is_sorted_and_skips_hidden(tmp_path, write) -> None:
    """Folders are read recursively in name order; hidden files and images are skipped."""
    write("b/second.txt", "Second\nBody two.\n")
    write("a.txt", "First\nBody one.\n")
    write(".hidden.txt", "Hidden\nBody.\n")
    write("photo.jpg", b"\xff\xd8\xff\xe0")
    errors, sink = _errors()
    docs = read_sources([tmp_path], sink)
    assert [d.title for d in docs] == ["First", "Second"]
    assert not errors


def test_symlink_loop_does_not_hang(tmp_path, write) -> None:
    """A folder that links to its parent is visited once."""
    write("sub/a.txt", "Title\nBody.\n")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    errors, sink = _errors()
    docs = read_sources([tmp_path], sink)
    assert [d.title for d in docs] == ["Title"]
    assert not errors


@pytest.mark.parametrize(
    ("location", "shown"),
    [
        (os.fsdecode(b"/news/caf\xe9.txt") + ":3", "/news/caf\\xe9.txt:3"),
        ("pile.jsonl#\ud800", "pile.jsonl#\\ud800"),
        ("/news/café.txt", "/news/café.txt"),
    ],
)
def test_locations_with_undecodable_names_are_shown_escaped(location: str, shown: str) -> None:
    """A file name that is not UTF-8 becomes lone surrogates in Python, which crashed every
    export; it is shown escaped, as `ls -b` would."""
    assert displayable(location) == shown
    displayable(location).encode("utf-8")
