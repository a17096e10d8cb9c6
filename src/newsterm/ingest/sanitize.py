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
_ESCAPE_PATTERN = r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]                     # CSI
  | (?:\x1b\]|\x9d).*?(?:\x07|\x1b\\|\x9c|$)             # OSC, up to BEL or ST
  | (?:\x1b[PX^_]|[\x90\x98\x9e\x9f]).*?(?:\x1b\\|\x9c|$) # DCS, SOS, PM, APC
  | \x1b[ -/]*[0-~]?                                      # other ESC sequences, or a lone ESC
    """
_ESCAPE_SEQUENCE = re.compile(_ESCAPE_PATTERN, re.VERBOSE | re.DOTALL)
# The same sequences, an unterminated one ending at the end of its line: over a whole file, one
# stray OSC introducer must not swallow every article after it.
_LINE_ESCAPE_SEQUENCE = re.compile(_ESCAPE_PATTERN, re.VERBOSE | re.MULTILINE)

# Control characters other than tab and newline (C0, DEL, C1), and the invisible characters that
# reorder or hide text: bidi embeddings/overrides/isolates, the marks, the zero-width space, the
# word joiner and the invisible operators (which hide a difference inside a word: "res\u2060igns"
# is not "resigns" to a search). The zero-width joiner and non-joiner stay: they are part of
# writing (Persian, the Indic scripts, emoji sequences) and neither hide nor reorder anything.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u180e\u200b\u200e\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
)
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_ESCAPE_START = re.compile("[\x1b\x80-\x9f]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROL_LINE_BREAKS = re.compile(r"\r\n?|\x85")
# Surrogate code points never stand alone in real text; JSON's "\ud800" escapes and file names
# read with surrogateescape bring them in, and writing one to a terminal or a UTF-8 file fails.
_SURROGATE = re.compile("[\ud800-\udfff]")


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
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def sanitize_line(text: str) -> str:
    """Sanitise a one-line field (title, outlet): whitespace of every kind collapses to spaces."""
    return " ".join(sanitize(text).split())


def strip_controls(text: str) -> str:
    """Decoded bytes made safe to parse and to keep: no NUL or other C0/C1 control but tab and
    newline, no terminal escape sequence, no lone surrogate; every other character untouched.

    Unlike `sanitize` this runs on a whole file before any reader parses it, so it leaves
    invisible formatting characters, line separators and normalisation to `sanitize` (a JSON
    string may hold a raw U+2028), and an unterminated escape sequence ends with its line.
    Carriage returns become newlines, as the readers split lines on "\\n" alone.
    """
    text = _CONTROL_LINE_BREAKS.sub("\n", text)
    if _ESCAPE_START.search(text):
        text = _LINE_ESCAPE_SEQUENCE.sub("", text)
    text = _CONTROL.sub("", text)
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    return text
