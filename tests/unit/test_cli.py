"""The command line as a script would use it: exit codes, stdout, stderr, files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsterm.cli import main


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
        [sys.executable, "-m", "newsterm", "export"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("newsterm report:")
    assert result.stderr == ""


@pytest.mark.parametrize("argv", [["--help"], ["export", "--help"], ["compare", "--help"]])
def test_help(argv: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 0
    assert "usage: newsterm" in capsys.readouterr().out
