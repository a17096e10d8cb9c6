"""A real terminal for tests: the installed `newsterm` command run inside a detached tmux."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

NEWSTERM = Path(sys.executable).with_name("newsterm")


def available() -> bool:
    return shutil.which("tmux") is not None and NEWSTERM.exists()


class Terminal:
    """One tmux session of a given size running one command; always killed on exit.

    Each terminal has a tmux server of its own (`-L`): with a shared server, killing the last
    session stops it, and a session started in that moment fails ("server exited unexpectedly").
    """

    def __init__(
        self,
        argv: list[str],
        cwd: Path,
        size: tuple[int, int] = (120, 40),
        environ: dict[str, str] | None = None,
    ) -> None:
        self.name = f"newsterm-test-{uuid.uuid4().hex[:8]}"
        self.argv = argv
        self.cwd = cwd
        self.size = size
        self.environ = environ or {}  # more variables for the command (BROWSER, say)

    def __enter__(self) -> Terminal:
        # COLUMNS/LINES from the test run would pin the size the app sees (shutil reads them).
        # The tmux server may be older than this test: its environment is not ours, so what the
        # app must see (the test's private cache folder) is set in the command itself.
        cache = shlex.quote(os.environ.get("NEWSTERM_CACHE_DIR", str(self.cwd / ".cache")))
        state = shlex.quote(os.environ.get("NEWSTERM_STATE_DIR", str(self.cwd / ".state")))
        extra = "".join(f"export {k}={shlex.quote(v)}; " for k, v in self.environ.items())
        command = (
            f"unset COLUMNS LINES; export NEWSTERM_CACHE_DIR={cache}; "
            f"export NEWSTERM_STATE_DIR={state}; {extra}"
            f"cd {shlex.quote(str(self.cwd))} && exec {shlex.join(self.argv)}"
        )
        width, height = self.size
        subprocess.run(
            [
                *self.tmux("new-session", "-d", "-s", self.name),
                *("-x", str(width), "-y", str(height)),
                *("sh", "-c", command),
            ],
            check=True,
        )
        # Keep the pane after the command ends, so a crash can still be read.
        subprocess.run(self.tmux("set-option", "-t", self.name, "remain-on-exit", "on"), check=True)
        return self

    def __exit__(self, *_exc: object) -> None:
        socket = self.display("#{socket_path}")
        subprocess.run(self.tmux("kill-server"), capture_output=True)
        if socket:
            Path(socket).unlink(missing_ok=True)  # tmux leaves it behind

    def tmux(self, *args: str) -> list[str]:
        return ["tmux", "-L", self.name, *args]

    def screen(self) -> str:
        return subprocess.run(
            self.tmux("capture-pane", "-p", "-t", self.name),
            capture_output=True,
            text=True,
            check=False,
        ).stdout

    def scrollback(self, lines: int = 200) -> str:
        """The screen with the lines above it: a dead pane's notice can push the first line of
        what the command printed last off the top."""
        return subprocess.run(
            self.tmux("capture-pane", "-p", "-S", f"-{lines}", "-t", self.name),
            capture_output=True,
            text=True,
            check=False,
        ).stdout

    def keys(self, *keys: str) -> None:
        for key in keys:
            subprocess.run(self.tmux("send-keys", "-t", self.name, key), check=True)
            time.sleep(0.15)

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")

    def display(self, fmt: str) -> str:
        return subprocess.run(
            self.tmux("display-message", "-p", "-t", self.name, fmt),
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()

    def exited(self, timeout: float = 10.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.display("#{pane_dead}") == "1":
                return True
            time.sleep(0.1)
        return False


def recording_browser(folder: Path) -> tuple[Path, Path]:
    """A `$BROWSER` that only writes the address it was given to a file: (the script, the
    file it writes)."""
    opened = folder / "opened.txt"
    browser = folder / "browser.sh"
    browser.write_text(f'#!/bin/sh\nprintf "%s" "$1" > {opened}\n', encoding="utf-8")
    browser.chmod(0o755)
    return browser, opened


def wait_for_file(path: Path, timeout: float = 10.0) -> str:
    """The text of `path` once something has been written to it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.read_text(encoding="utf-8"):
            return path.read_text(encoding="utf-8")
        time.sleep(0.1)
    raise AssertionError(f"{path} was never written")


def export_story(term: Terminal, folder: Path) -> str:
    """e, then enter on the dialog's proposed name: the one report written in `folder`."""
    term.keys("e")
    term.wait_for("Export this story")
    term.keys("Enter")
    term.wait_for("Exported this story")
    written = list(folder.glob("newsterm-*.txt"))
    assert len(written) == 1
    return written[0].read_text(encoding="utf-8")
