"""A folder of hostile and broken sources, built fresh for each test that wants it.

Each file is one attack or one kind of damage; `EXPECTED_BAD` names the files that must be
reported as unreadable, `MARKERS` words that prove the readable ones were read.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

ESC = "\x1b"
# One of each family: CSI (clear screen, colours, cursor moves), OSC (window title, OSC 52
# clipboard, hyperlinks), DCS, a bare C1 CSI, C0 controls (bell, backspace), bidi overrides.
ATTACKS = {
    "csi_clear": f"{ESC}[2J{ESC}[H",
    "csi_colour": f"{ESC}[31;1m",
    "osc_title": f"{ESC}]0;pwned-title\x07",
    "osc_title_st": f"{ESC}]2;pwned-title{ESC}\\",
    "osc52": f"{ESC}]52;c;cm0gLXJmIH4=\x07",
    "osc8": f"{ESC}]8;;https://evil.example/\x07click{ESC}]8;;\x07",
    "dcs": f"{ESC}P1$r0m{ESC}\\",
    "c1_csi": "\x9b2J",
    "bell_backspace": "\x07\x08\x08\x08",
    "bidi": "\u202etxt.exe\u202c \u2066isolate\u2069",
}
MARKUP = "[bold red]LOUD[/] [link=https://evil.example]click[/link] [@click=app.quit]x[/]"


def _article(marker: str, attack: str) -> str:
    return (
        f"{marker} harbour report {attack}{MARKUP}\n"
        "2024-05-01\n\n"
        f"The {marker} ferry {attack} left the harbour at nine on Monday, officials said.\n"
        f"Seven {MARKUP} boats followed it out of the bay.{attack}\n"
    )


def build(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number, (name, attack) in enumerate(ATTACKS.items()):
        (folder / f"attack_{name}.txt").write_text(
            _article(f"marker{number}", attack), encoding="utf-8"
        )
    (folder / "markup_title.md").write_text(
        f"---\ntitle: {MARKUP}\nsource: '[b]Evil[/b] Times'\npublished: 2024-05-02\n---\n\n"
        "The harbour ferry left at nine on Monday, officials said.\n",
        encoding="utf-8",
    )
    (folder / "cp1252.txt").write_bytes(
        "Café owners cheer the ferry\n2024-05-01\n\n"
        "Café owners in the harbour said the ferry left at nine – “on time”.\n".encode("cp1252")
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(512))
    (folder / "broken.json").write_text('{"text": "unterminated', encoding="utf-8")
    (folder / "lines.jsonl").write_text(
        '{"title": "Good line", "text": "The harbour ferry left at nine."}\n'
        "{not json}\n"
        f'{{"title": "{MARKUP}", "text": "A second ferry \\u001b[2J left at ten."}}\n',
        encoding="utf-8",
    )
    (folder / "huge_line.txt").write_text(
        "One enormous line\n" + ("harbour ferry storm " * 260_000) + "\n", encoding="utf-8"
    )
    # Damaged formats: a feed cut off mid-entry, a page cut off mid-paragraph, a cache that says
    # it is SQLite and is not, and a feed whose entries carry the attacks in titles and bodies.
    (folder / "cut_feed.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Cut Wire</title>'
        "<item><title>Ferry cut short</title><description>The harbour ferry",
        encoding="utf-8",
    )
    (folder / "hostile_feed.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed [b]Wire[/b]</title>'
        "<item><title>feedmarker &#x1b;]0;pwned-title&#x7; ferry</title>"
        "<link>https://example.org/ferry</link><pubDate>Wed, 01 May 2024 09:00:00 GMT</pubDate>"
        "<description>&lt;p&gt;The feedmarker ferry left the harbour at nine on Monday."
        "&lt;script&gt;alert(1)&lt;/script&gt;&lt;/p&gt;</description></item></channel></rss>",
        encoding="utf-8",
    )
    (folder / "cut_page.html").write_text(
        "<!doctype html><html><head><title>pagemarker ferry \x1b[2J report</title>"
        "<script>document.title='x'</script></head><body><nav>Home | World</nav><article>"
        "<h1>pagemarker ferry report</h1><p>The pagemarker ferry left the harbour at nine on "
        "Monday, officials said. Seven boats followed it out of the bay, and the harbour master "
        "said the crossing was calm.</p><p>The second paragraph is cut off in the mid",
        encoding="utf-8",
    )
    (folder / "cache.db").write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 16)
    loop = folder / "loop"
    loop.mkdir()
    (loop / "self").symlink_to(loop, target_is_directory=True)
    (loop / "inside.txt").write_text(
        "Inside the loop\n2024-05-01\n\nThe harbour ferry looped at nine.\n", encoding="utf-8"
    )
    return folder


EXPECTED_BAD = {"binary.txt", "broken.json", "empty.txt", "cache.db"}


def checksums(folder: Path) -> dict[str, str]:
    """SHA-256 and mtime of every file under the folder (symlinks not followed)."""
    found = {}
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(root) / name
            if path.is_symlink():
                continue
            data = path.read_bytes()
            found[str(path)] = f"{hashlib.sha256(data).hexdigest()} {path.stat().st_mtime_ns}"
    return found
