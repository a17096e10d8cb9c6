"""The layout stays one a newcomer can read: small modules, few at the package root, package
files that say what their folder holds. (Layers and cycles are checked by `lint-imports`.)"""

from __future__ import annotations

import ast
from pathlib import Path

import newsterm

PACKAGE = Path(newsterm.__file__).resolve().parent
MAX_LINES = 500
ROOT_MODULES = {"__init__.py", "__main__.py", "model.py", "cli.py", "export.py"}


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_module_is_over_500_lines() -> None:
    long = {
        str(path.relative_to(PACKAGE)): n
        for path in _modules()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_the_package_root_holds_only_the_entry_points_and_the_model() -> None:
    assert {path.name for path in PACKAGE.glob("*.py")} == ROOT_MODULES


def test_every_module_says_why_it_exists() -> None:
    missing = [
        str(path.relative_to(PACKAGE))
        for path in _modules()
        if path.name != "__main__.py" and not ast.get_docstring(ast.parse(path.read_text()))
    ]
    assert missing == []


def test_subpackage_files_only_describe_their_folder() -> None:
    """A subpackage's __init__ holds a docstring and nothing else: importing one module of a
    stage must not import the whole stage."""
    busy = []
    for path in PACKAGE.rglob("__init__.py"):
        if path.parent == PACKAGE:
            continue  # the public API
        body = ast.parse(path.read_text()).body
        if any(not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)) for n in body):
            busy.append(str(path.relative_to(PACKAGE)))
    assert busy == []
