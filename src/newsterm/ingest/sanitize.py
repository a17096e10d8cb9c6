"""Make untrusted article text safe to show in a terminal, once, at ingest.

Articles come from the open web. A headline carrying an OSC sequence can retitle the terminal or
write to the clipboard; a bidi override can make a sentence read differently from what it says.
Everything downstream (passages, the app, exports) is built from the sanitised text, so no view
can leak what was removed here.
"""

from __future__ import annotations

import re
import unicodedata

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), DCS/SOS/PM/APC
# (ESC P/X/^/_ ... ST), and the two-byte escapes. The 8-bit C1 introducers are handled too.
_ESCAPE_SEQUENCE = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]                     # CSI
  | (?:\x1b\]|\x9d).*?(?:\x07|\x1b\\|\x9c|$)             # OSC, up to BEL or ST
  | (?:\x1b[PX^_]|[\x90\x98\x9e\x9f]).*?(?:\x1b\\|\x9c|$) # DCS, SOS, PM, APC
  | \x1b[ -/]*[0-~]?                                      # other ESC sequences, or a lone ESC
    """,
    re.VERBOSE | re.DOTALL,
)

# Control characters other than tab and newline (C0, DEL, C1), and the invisible characters that
# reorder or hide text: bidi embeddings/overrides/isolates, the marks, and zero-width joiners
# that have no place in news prose.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
    "\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]"
)
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_ESCAPE_START = re.compile("[\x1b\x80-\x9f]")


def sanitize(text: str) -> str:
    """Strip terminal escape sequences and invisible reordering characters; keep the prose.

    Newlines and tabs survive, and so does ordinary Unicode (accents, CJK, emoji, curly quotes).
    Line separators of every kind become "\\n" so that offsets mean the same everywhere.
    """
    if not text:
        return ""
    text = _LINE_BREAKS.sub("\n", text)
    # The checks before each pass are C-speed scans that let clean text (nearly all of it)
    # skip the costlier pass.
    if _ESCAPE_START.search(text):
        text = _ESCAPE_SEQUENCE.sub("", text)
    text = _INVISIBLE.sub("", text)
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def sanitize_line(text: str) -> str:
    """Sanitise a one-line field (title, outlet): whitespace of every kind collapses to spaces."""
    return " ".join(sanitize(text).split())
