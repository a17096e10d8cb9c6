"""Opening an article's original page in the reader's browser, without disturbing the app.

The browser runs in a process of its own, in a session of its own, with no terminal: nothing it
prints lands on the screen the app draws, no console browser (lynx, w3m) takes the terminal
from the app, and the app never waits for it. `$BROWSER` is honoured as other tools read it (a
list of commands separated by ':', each given the address in place of '%s', or at its end);
without it, Python's `webbrowser` chooses, in that process.

The address comes from a hostile file: only http and https addresses are opened, and always as
one argument, never through a shell.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from urllib.parse import urlsplit

from newsterm.model import Article

# Run in the browser's process when $BROWSER names nothing usable. Its exit status says whether
# webbrowser found a browser (it returns False when none is registered).
_WEBBROWSER = "import sys, webbrowser; sys.exit(0 if webbrowser.open(sys.argv[1], 2) else 3)"


def web_link(article: Article) -> str | None:
    """The article's address if a browser may be given it (http or https), else None: an
    address read from a file could name a local file, a script or an option."""
    url = article.url
    if not url or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


def browser_commands(url: str, environ: dict[str, str] | None = None) -> list[list[str]]:
    """The commands $BROWSER names for this address, in order, those that exist."""
    found = []
    for entry in (
        (environ if environ is not None else os.environ).get("BROWSER", "").split(os.pathsep)
    ):
        try:
            argv = shlex.split(entry)
        except ValueError:
            continue
        if not argv or shutil.which(argv[0]) is None:
            continue
        if any("%s" in arg for arg in argv[1:]):
            argv = [argv[0], *(arg.replace("%s", url).replace("%%", "%") for arg in argv[1:])]
        else:
            argv.append(url)
        found.append(argv)
    return found


def open_in_browser(url: str) -> subprocess.Popen[bytes]:
    """Start the reader's browser on `url` and return at once; the process, so that the caller
    can see (without waiting) whether it failed. Raises OSError if it cannot be started."""
    commands = browser_commands(url)
    environ = dict(os.environ)
    if commands:
        argv = commands[0]
    else:
        # Without a terminal a console browser cannot be used: webbrowser is told there is none
        # (it looks at TERM), and says False rather than starting one blind.
        argv = [sys.executable, "-c", _WEBBROWSER, url]
        environ.pop("BROWSER", None)
        environ.pop("TERM", None)
    return subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        close_fds=True,
        env=environ,
    )
