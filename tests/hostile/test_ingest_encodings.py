"""Bytes that used to crash or garble an export: lone surrogates in JSON and in file names, UTF-16
without a byte-order mark, undeclared legacy encodings, and wire briefs that lost their bodies."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsterm.cli import main

from ..unit.ingest.translations import PARAGRAPHS, article


def _pile(folder: Path) -> Path:
    folder.mkdir()
    (folder / "surrogates.jsonl").write_text(
        '{"title": "Flood \\udc80 warning", "text": "The river rose \\ud800 two metres on '
        'Tuesday, the mayor said."}\n',
        encoding="ascii",
    )
    (folder / "le.txt").write_bytes(article("fr").encode("utf-16-le"))
    (folder / "be.txt").write_bytes(article("el").encode("utf-16-be"))
    (folder / "koi8.txt").write_bytes(article("ru").encode("koi8-r"))
    (folder / "cp1250.txt").write_bytes(article("pl").encode("cp1250"))
    brief = {
        "title": "HARLAND <HFI> NET",
        "text": "Shr 42 cts vs 37 cts\n    Net 5,318,000 vs 4,702,000\n Reuter\n",
    }
    (folder / "wire.jsonl").write_text(json.dumps(brief) + "\n", encoding="utf-8")
    # A name that is not UTF-8, as a Latin-1 system writes "café.txt".
    name = os.fsdecode(b"caf\xe9.txt")
    (folder / name).write_text(
        "Harbour reopens\n\nThe harbour reopened on Wednesday, the port authority said.\n",
        encoding="utf-8",
    )
    return folder


@pytest.mark.parametrize("fmt", ["json", "text", "markdown"])
def test_export_survives_every_source(
    tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: a traceback ("surrogates not allowed") and no report at all."""
    pile = _pile(tmp_path / "pile")
    target = tmp_path / f"out.{fmt}"
    assert main(["export", str(pile), "-f", fmt, "-o", str(target), "--no-cache"]) == 0
    assert target.read_text(encoding="utf-8")
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "binary" not in err


def test_every_source_is_read_as_written(tmp_path: Path) -> None:
    """Before: the UTF-16 files were refused as binary, Russian and Polish came out as
    mojibake, the brief as its headline alone (and the export crashed)."""
    pile = _pile(tmp_path / "pile")
    target = tmp_path / "out.json"
    assert main(["export", str(pile), "-f", "json", "-o", str(target), "--no-cache"]) == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    texts = {
        Path(a["location"]).name: " ".join(p["text"] for p in a["passages"] if "in" not in p)
        for a in data["articles"]
    }
    assert texts == {
        "surrogates.jsonl:1": "The river rose \ufffd two metres on Tuesday, the mayor said.",
        "le.txt": PARAGRAPHS["fr"],
        "be.txt": PARAGRAPHS["el"],
        "koi8.txt": PARAGRAPHS["ru"],
        "cp1250.txt": PARAGRAPHS["pl"],
        "wire.jsonl:1": "Shr 42 cts vs 37 cts Net 5,318,000 vs 4,702,000",
        "caf\\xe9.txt": "The harbour reopened on Wednesday, the port authority said.",
    }
    assert not data["errors"]
