"""The engine must stay usable without the terminal UI: no core module imports Textual or Rich."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import newsterm


def _core_modules() -> list[str]:
    names = ["newsterm"]
    for info in pkgutil.walk_packages(newsterm.__path__, "newsterm."):
        if not info.name.startswith("newsterm.tui"):
            names.append(info.name)
    return sorted(names)


def test_core_modules_are_found() -> None:
    """The walk sees the engine's modules (a guard against the next test passing vacuously)."""
    modules = _core_modules()
    assert {
        "newsterm.claims.compare",
        "newsterm.corpus.corpus",
        "newsterm.export",
        "newsterm.cli",
    } <= set(modules)


def test_core_imports_without_textual_or_rich() -> None:
    """Importing every core module, and running the pipeline, pulls in neither Textual nor Rich."""
    code = (
        "import importlib, sys\n"
        f"for name in {_core_modules()!r}:\n"
        "    if name != 'newsterm.__main__':\n"
        "        importlib.import_module(name)\n"
        "import newsterm\n"
        "corpus = newsterm.load()\n"
        "corpus.align_all()\n"
        "from newsterm.export import render_text\n"
        "render_text(corpus)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "assert not bad, bad\n"
        "print('clean')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "clean"
