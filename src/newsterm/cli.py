"""The `newsterm` command: the app by default, `export` and `compare` for scripts.

    newsterm [SOURCES...] [--newsboat [PATH]] [--no-cache]   open the app (default: the seeds)
    newsterm export [SOURCES...] [-f FORMAT] [-o FILE] [--force] [--newsboat [PATH]] [--no-cache]
    SOURCES: files, folders, http(s) URLs of pages and feeds [--opml FILE] [--full] [--save DIR]
    newsterm compare "passage a" "passage b" [--published-a DATE] [--published-b DATE]

Bad sources are reported one line each on stderr and the rest is read; the exit status is 1
only when nothing at all could be read or written. `-o -` is standard output; what `-o` may
write over is newsterm.support.files' rule (never a source, a file only with --force, a device or
FIFO written to, never replaced). Ctrl+C ends a command at once with status 130 and SIGTERM with
143 (128 + the signal's number, as shells report it), one line on stderr and nothing left behind.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import signal
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from newsterm.model import LoadError

if TYPE_CHECKING:
    from newsterm.ingest.fetch import FetchOptions
    from newsterm.support.files import Output
    from newsterm.support.progress import ProgressBar

PROG = "newsterm"
# How each stage of a load or an export reads on the progress bar.
STAGE_LABELS = {
    "fetching": "Fetching",
    "reading": "Reading",
    "indexing": "Indexing",
    "grouping": "Grouping stories",
    "aligning": "Cross-referencing",
    "exporting": "Writing report",
    "cache": "Checking the cache",
    "saving": "Saving to the cache",
}


def _warn(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


def _print_error(error: LoadError) -> None:
    _warn(str(error))


# -------------------------------------------------------------------------------- app


class _Version(argparse.Action):
    """--version, looking the version up only when asked (the lookup reads package metadata,
    a tenth of a second at every start otherwise)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kw: object) -> None:
        from importlib import metadata

        parser.exit(message=f"{parser.prog} {metadata.version('newsterm')}\n")


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Read several news articles about one story side by side: where outlets "
        "agree, where they contradict each other, and what only one of them reports.",
        epilog="Other commands: 'newsterm export --help', 'newsterm compare --help', "
        "'newsterm cache --help'.",
    )
    parser.add_argument(
        "sources",
        nargs="*",
        metavar="SOURCE",
        help=_SOURCES_HELP,
    )
    _add_newsboat_option(parser)
    _add_fetch_options(parser)
    _add_cache_option(parser)
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    return parser


def _add_cache_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-cache",
        dest="cache",
        action="store_false",
        help="build the index from the sources even if a cached one is on disk, and keep none "
        "(cache: $NEWSTERM_CACHE_DIR or ~/.cache/newsterm)",
    )


_SOURCES_HELP = (
    "article files or folders, or http(s) URLs of web pages and RSS/Atom feeds, fetched "
    "(default: the bundled seed articles)"
)


def _add_fetch_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--opml",
        action="append",
        default=[],
        metavar="FILE",
        help="also fetch the feeds an OPML file lists (a feed reader's export); may be repeated",
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help="for each feed entry, fetch the page it links to and read that instead of the "
        "feed's summary",
    )
    parser.add_argument(
        "--save",
        metavar="DIR",
        help="keep every page and feed fetched as a file in DIR (created if need be; nothing "
        "is overwritten), so that 'newsterm DIR' reopens them offline",
    )
    parser.add_argument(
        "--timeout",
        type=_seconds,
        default=None,
        metavar="SECONDS",
        help="give up on a server that takes longer than this to connect or to send more "
        "(default: 10 to connect, 20 to send)",
    )


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"not a number of seconds between 0 and 3600: {text!r}")
    return value


def _fetch_options(args: argparse.Namespace) -> FetchOptions:
    """How URL sources are fetched, from --full, --save and --timeout."""
    from newsterm.ingest.fetch import FetchOptions

    options = FetchOptions(full=args.full, save=Path(args.save) if args.save else None)
    return options if args.timeout is None else options.with_timeout(args.timeout)


def _add_newsboat_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--newsboat",
        nargs="?",
        const="",
        metavar="PATH",
        help="also read a newsboat cache, read-only (default: ~/.newsboat/cache.db or "
        "~/.local/share/newsboat/cache.db)",
    )


def _sources(args: argparse.Namespace) -> list[str] | None:
    """The SOURCE arguments, the feeds of the --opml files and the newsboat cache when asked
    for; None if one of those cannot be read."""
    from newsterm.ingest.fetch import is_url

    sources = list(args.sources)
    if args.opml:
        from newsterm.ingest.document import SourceError
        from newsterm.ingest.opml import feeds_of

        try:
            sources.extend(feeds_of(args.opml, _warn))
        except SourceError as exc:
            _warn(str(exc))
            return None
    if (args.full or args.save or args.timeout is not None) and not any(map(is_url, sources)):
        _warn("--full, --save and --timeout are for web sources (http:// or https://, --opml)")
    if args.newsboat is not None:
        from newsterm.ingest.document import SourceError
        from newsterm.ingest.newsboat import find_cache

        try:
            sources.append(str(find_cache(args.newsboat)))
        except SourceError as exc:
            _warn(str(exc))
            return None
    return sources


def run_app(argv: Sequence[str]) -> int:
    args = _app_parser().parse_args(argv)
    sources = _sources(args)
    if sources is None:
        return 1
    from newsterm.corpus.forked_build import ForkedBuild

    forked = ForkedBuild.start(sources or None, cache=args.cache)  # before the app's threads
    from newsterm.tui.app import make_app  # the UI is only imported when it is used

    app = make_app(sources or None, cache=args.cache, fetch=_fetch_options(args), forked=forked)
    app.run()  # when nothing at all could be read, it says why and returns 1
    return int(app.return_code or 0)


# ----------------------------------------------------------------------------- export


def _export_parser() -> argparse.ArgumentParser:
    from newsterm.export import FORMATS

    parser = argparse.ArgumentParser(
        prog=f"{PROG} export",
        description="Write what newsterm found (stories, matching and conflicting passages, "
        "passages only one source reports) as a report.",
    )
    parser.add_argument(
        "sources",
        nargs="*",
        metavar="SOURCE",
        help=_SOURCES_HELP,
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default="text",
        help="text: a highlighted diff to read or print (default); markdown; "
        "json: the machine-readable contract",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE instead of standard output ('-': standard output); a device or FIFO "
        "is written to, never replaced",
    )
    parser.add_argument(
        "--force", action="store_true", help="replace FILE if it exists (never a source)"
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        default=None,
        metavar="N",
        help="compare stories in N processes (default: one per CPU, up to 8; the report is the "
        "same whatever N)",
    )
    _add_newsboat_option(parser)
    _add_fetch_options(parser)
    _add_cache_option(parser)
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar and no warnings about unreadable sources",
    )
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {text!r}")
    return value


def run_export(argv: Sequence[str]) -> int:
    from newsterm.corpus.load import seeds_path
    from newsterm.support import files

    args = _export_parser().parse_args(argv)
    sources = _sources(args)
    if sources is None:
        return 1
    output = None
    if args.output not in (None, "-"):
        # Checked before the work, so that a refusal costs nothing and a FIFO's reader is
        # known to be there; the sources (the seeds by default) are never written over.
        try:
            output = files.prepare(args.output, force=args.force, keep=sources or [seeds_path()])
        except files.WriteError as exc:
            _warn(_write_error(exc))
            return 1
    try:
        return _export(args, sources, output)
    finally:
        if output is not None:
            output.close()


def _export(args: argparse.Namespace, sources: list[str], output: Output | None) -> int:
    """Load, compare and write the report to `output`, or to standard output if None."""
    from newsterm.corpus.load import load
    from newsterm.export import render, to_json_data
    from newsterm.support import files
    from newsterm.support.forking import default_workers
    from newsterm.support.jsontext import json_pieces
    from newsterm.support.progress import ProgressBar

    progress = ProgressBar(enabled=False if args.quiet else None, labels=STAGE_LABELS)
    try:
        workers = args.jobs or default_workers()
        corpus = load(
            sources or None,
            progress=progress,
            on_error=None if args.quiet else _print_error_clearing(progress),
            cache=args.cache,
            workers=workers,
            fetch=_fetch_options(args),
        )
        if not corpus.articles:
            progress.close()
            _warn("nothing to export: no readable articles")
            return 1
        corpus.align_all(progress, workers=workers)
        # JSON is written as it is encoded: whole, all of Reuters' would be some 60 MB held
        # twice over (see support.jsontext).
        content: Iterable[str] = (
            json_pieces(to_json_data(corpus, progress))
            if args.format == "json"
            else [render(corpus, args.format, progress)]
        )
    finally:
        progress.close()
    if output is not None:
        try:
            written = output.write(content)
        except files.WriteError as exc:
            _warn(_write_error(exc))
            return 1
        if not args.quiet and not output.is_stream:
            _warn(f"wrote {written}")
        return 0
    try:
        for piece in content:
            sys.stdout.write(piece)
        sys.stdout.flush()
    except BrokenPipeError:  # `newsterm export | head` is fine
        _quiet_stdout()
    return 0


def _write_error(error: Exception) -> str:
    """A refusal to overwrite says how to insist."""
    from newsterm.support.files import ExistsError

    return f"{error} (use --force to overwrite)" if isinstance(error, ExistsError) else str(error)


def _quiet_stdout() -> None:
    """The reader of our standard output left (`| head`): point it at /dev/null, so that the
    text still buffered is dropped at exit instead of failing with a second BrokenPipeError."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, io.UnsupportedOperation):  # not a real descriptor (a test's)
        pass


def _print_error_clearing(progress: ProgressBar) -> Callable[[LoadError], None]:
    """Errors arrive while the bar is drawn: clear it so each error gets a clean line."""

    def report(error: LoadError) -> None:
        progress.close()
        _print_error(error)

    return report


# ---------------------------------------------------------------------------- compare


def _compare_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} compare",
        description="Relate two passages: match (the same claim, told consistently), conflict "
        "(the same claim, told differently, with reasons) or unrelated.",
    )
    parser.add_argument("a", help="the first passage")
    parser.add_argument("b", help="the second passage")
    parser.add_argument(
        "--published-a", metavar="DATE", help="publication date of the first passage's article"
    )
    parser.add_argument(
        "--published-b", metavar="DATE", help="publication date of the second passage's article"
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    return parser


def run_compare(argv: Sequence[str]) -> int:
    from newsterm.claims.compare import compare

    args = _compare_parser().parse_args(argv)
    result = compare(args.a, args.b, args.published_a, args.published_b)
    if args.json:
        print(
            json.dumps(
                {
                    "relation": result.relation,
                    "score": result.score,
                    "conflicts": [
                        {"kind": c.kind, "a": c.a, "b": c.b, "explanation": c.explanation}
                        for c in result.conflicts
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(f"{result.relation} (score {result.score:.2f})")
        for conflict in result.conflicts:
            print(f"  ≠ {conflict.kind}: {conflict.explanation}")
    return 0


# ----------------------------------------------------------------------------- cache


def _cache_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} cache",
        description="Show where built corpora are kept for the next start, and how much room "
        "they take; or delete them.",
    )
    parser.add_argument(
        "--clear", action="store_true", help="delete every cached corpus (sources are untouched)"
    )
    return parser


def _corpora(count: int) -> str:
    return f"{count} cached {'corpus' if count == 1 else 'corpora'}"


def _mib(size: int) -> str:
    return f"{size / 2**20:,.1f} MiB"


def run_cache(argv: Sequence[str]) -> int:
    from newsterm.corpus import cache

    args = _cache_parser().parse_args(argv)
    found = cache.usage()
    if args.clear:
        removed = cache.clear()
        print(f"Removed {_corpora(removed)} ({_mib(found.size)}) from {found.folder}")
        return 0
    print(f"{found.folder}: {_corpora(found.corpora)}, {_mib(found.size)}")
    print(
        f"Kept: piles of {cache.MIN_ARTICLES} articles or more, the {cache.KEEP} most recently "
        "used. Set $NEWSTERM_CACHE_DIR to move it; 'newsterm cache --clear' empties it."
    )
    if not found.trusted:
        _warn(f"{found.folder}: others may write to this folder, so the cache there is never read")
    return 0


COMMANDS = {"export": run_export, "compare": run_compare, "cache": run_cache}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `newsterm` command; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        return _stoppable(COMMANDS[args[0]], args[1:])
    return run_app(args)


def _stoppable(command: Callable[[Sequence[str]], int], argv: Sequence[str]) -> int:
    """Run a command so that Ctrl+C or SIGTERM ends it at once and tidily: the work unwinds
    (temporary files removed on the way), worker processes are terminated and joined, one line
    says why, and the exit status is 130 (SIGINT) or 143 (SIGTERM); no traceback. Running out
    of memory ends it the same way, in one line (newsterm.support.memory)."""
    from newsterm.support.forking import stop_workers
    from newsterm.support.interrupts import Interrupted, exit_status, stopping_on_signals
    from newsterm.support.memory import out_of_memory_ends_run

    with stopping_on_signals(), out_of_memory_ends_run(_warn):
        try:
            return command(argv)
        except KeyboardInterrupt as stop:  # Interrupted is one; so is a plain Ctrl+C
            signum = stop.signum if isinstance(stop, Interrupted) else signal.SIGINT
            stop_workers()
            _warn("interrupted" if signum == signal.SIGINT else "terminated")
            return exit_status(signum)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
