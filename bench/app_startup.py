"""Time to first frame and to "index ready" of the real app, in a real terminal (tmux).

For each size (the seeds, then 1k, 5k and all Reuters-21578 articles) this launches the
installed `newsterm` in a detached 120x40 tmux session and polls the screen every 20 ms:

- first frame: the pane borders are drawn (the app is on screen and answers keys);
- readable: an article can be read: on a big pile the articles open while the index and the
  stories are still being built (the status line says "you can read meanwhile"); on a small
  one, or from the cache, this is the same moment as ready;
- ready: the status line reports the corpus ("N articles · M stories"), i.e. the index is built
  and the first story can be compared.

Each size is started cold (--no-cache) and again with the on-disk cache that a first, untimed
start filled (a second start on an unchanged pile). Medians of N runs (default 3). The poll
interval bounds the resolution (~20 ms).

    python bench/app_startup.py [--runs 3] [--sizes seeds,1000,5000,all]
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from reuters import DEFAULT_CORPUS, first_articles

NEWSTERM = Path(sys.executable).with_name("newsterm")


def tmux(session: str, *args: str) -> list[str]:
    """A tmux command on the session's own server: with a shared one, killing the last session
    stops the server, and the next start in that moment fails."""
    return ["tmux", "-L", session, *args]


def open_session(session: str, command: str) -> None:
    """Run `command` in a detached 120x40 session on a server of its own."""
    size = ("-x", "120", "-y", "40")
    subprocess.run(
        tmux(session, "new-session", "-d", "-s", session, *size, "sh", "-c", command), check=True
    )


def stop(session: str) -> None:
    """Kill the session's server and remove its socket, which tmux leaves behind."""
    socket = subprocess.run(
        tmux(session, "display-message", "-p", "#{socket_path}"), capture_output=True, text=True
    ).stdout.strip()
    subprocess.run(tmux(session, "kill-server"), capture_output=True)
    if socket:
        Path(socket).unlink(missing_ok=True)


def capture(session: str) -> str:
    return subprocess.run(
        tmux(session, "capture-pane", "-p", "-t", session), capture_output=True, text=True
    ).stdout


def is_ready(screen: str) -> bool:
    """The status line reports the corpus: "N articles · M stories"."""
    return " articles · " in screen or " article · " in screen


def is_readable(screen: str) -> bool:
    """Articles are open for reading before the stories are formed (or the corpus is ready)."""
    return "read meanwhile" in screen or is_ready(screen)


def launch_once(argv: list[str], timeout: float, cache: Path | None) -> tuple[float, float, float]:
    session = f"bench-{uuid.uuid4().hex[:8]}"
    if cache is None:
        argv = [*argv, "--no-cache"]
    setting = f"export NEWSTERM_CACHE_DIR={shlex.quote(str(cache))}; " if cache else ""
    command = f"unset COLUMNS LINES; {setting}exec {shlex.join(argv)}"
    start = time.perf_counter()
    open_session(session, command)
    first = readable = ready = float("nan")
    try:
        while time.perf_counter() - start < timeout:
            screen = capture(session)
            now = time.perf_counter() - start
            if first != first and "╭─" in screen:
                first = now
            if readable != readable and is_readable(screen):
                readable = now
            if is_ready(screen):
                ready = now
                break
            time.sleep(0.02)
    finally:
        stop(session)
    return first, readable, ready


def fill_cache(argv: list[str], cache: Path, timeout: float) -> None:
    """Start the app once and leave it idle until it has written its cache (or timeout)."""
    session = f"bench-{uuid.uuid4().hex[:8]}"
    command = f"unset COLUMNS LINES; export NEWSTERM_CACHE_DIR={shlex.quote(str(cache))}; exec "
    command += shlex.join(argv)
    open_session(session, command)
    try:
        start = time.perf_counter()
        ready = None
        while time.perf_counter() - start < timeout:
            if list(cache.glob("*.corpus.msgpack")):
                return
            if ready is None and is_ready(capture(session)):
                ready = time.perf_counter()
            if ready is not None and time.perf_counter() - ready > 5:
                return  # too small to be cached
            time.sleep(0.2)
    finally:
        stop(session)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="seeds,1000,5000,all")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--timeout", type=float, default=900)
    args = parser.parse_args()
    if not shutil.which("tmux") or not NEWSTERM.exists():
        raise SystemExit("needs tmux and newsterm installed next to this Python")
    print(f"python {sys.version.split()[0]} · {os.cpu_count()} CPUs · runs={args.runs}")
    print(
        f"{'articles':>8} {'first frame s':>13} {'readable s':>10} {'ready s':>8} "
        f"{'cached: first':>13} {'ready s':>8}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for size_text in args.sizes.split(","):
            if size_text == "seeds":
                argv, label = [str(NEWSTERM)], "seeds"
            else:
                size = None if size_text == "all" else int(size_text)
                path = first_articles(args.corpus, size, Path(tmp))
                argv = [str(NEWSTERM), str(path)]
                label = f"{sum(1 for _ in path.open(encoding='utf-8')):,}"
            cache = Path(tmp) / f"cache-{size_text}"
            fill_cache(argv, cache, args.timeout)
            cold, warm = [], []
            for _ in range(args.runs):
                cold.append(launch_once(argv, args.timeout, None))
                warm.append(launch_once(argv, args.timeout, cache))
            print(
                f"{label:>8} {statistics.median(run[0] for run in cold):>13.2f} "
                f"{statistics.median(run[1] for run in cold):>10.2f} "
                f"{statistics.median(run[2] for run in cold):>8.2f} "
                f"{statistics.median(run[0] for run in warm):>13.2f} "
                f"{statistics.median(run[2] for run in warm):>8.2f}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
