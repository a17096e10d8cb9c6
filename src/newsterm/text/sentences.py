"""Split cleaned article text into sentence passages, keeping exact character offsets.

A sentence ends at ".", "!", "?" or "…" (plus any closing quotes or brackets) followed by space and
something that can start a sentence. What makes news text hard is everything that looks like an
end but is not: "U.S. officials", "Jun. 3", "Mr. Kim", "3.5 million", "J. Smith", and a full stop
inside a quotation that goes on ("... illegal.” the ministry said"). Paragraph breaks always end a
sentence. Short lines without final punctuation are sub-headings, not passages, except the opening
line of an article that came without a title: that line is its headline.
"""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm maj st jr sr rev hon pres supt
    insp det inc ltd co corp plc bros vs v etc al approx dept est fig no nos vol pp p ft mt
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    ave blvd rd
    """.split()
)
# After these, a capitalised word still starts a new sentence even though the period could
# belong to an abbreviation ("... in the U.S. The talks ...").
_SENTENCE_STARTERS = frozenset(
    """
    the a an he she it they we i this that these those there in on at but and or so yet however
    meanwhile after before when while if as his her their its our
    """.split()
)

_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_NEXT_START = re.compile(r"\s+([\"'“‘«(\[]*)(\S)")
_WORD_BEFORE = re.compile(r"(\S+)$")
_LONGEST_WORD = 100
# Fewer words than this on an opening line make a label ("Politics", "By Jane Doe"), not a headline.
MIN_HEADLINE_WORDS = 4
_HEADING_END = re.compile(r"[.!?…:;,\"'”’)]$")


def is_heading(line: str) -> bool:
    """A short line without closing punctuation: a sub-heading, a label or a stray caption."""
    stripped = line.strip()
    if not stripped or _HEADING_END.search(stripped):
        return False
    return len(stripped.split()) <= 12


def _ends_sentence(text: str, end: int, mark_start: int) -> bool:
    """Decide whether the punctuation run text[mark_start:end] closes a sentence."""
    nxt = _NEXT_START.match(text, end)
    if nxt is None:
        return True
    following = nxt.group(2)
    if text[mark_start] != ".":
        # "!" / "?": a sentence ends unless the quotation goes on in lower case ("Why?" she asked),
        # or the mark is inside a quotation that closes on an attribution later on ("What is
        # this? A circus?" he said): one question of the speaker's after another, one passage.
        return not following.islower() and not _inside_attributed_quote(text, end, mark_start)
    if following.islower() or following in ",;:":
        return False
    # Only the word before the mark matters, and no word that decides anything is this long:
    # searching from the start of the text made a line of many sentences cost its length squared.
    before = _WORD_BEFORE.search(text, max(0, mark_start - _LONGEST_WORD), mark_start)
    word = before.group(1) if before else ""
    word = word.lstrip("\"'“‘«([")
    if not word:
        return True
    next_word = re.match(r"[^\W\d_]+", text[nxt.start(2) :])
    next_lower = next_word.group().lower() if next_word else ""
    bare = word.lower().rstrip(".")
    if word.replace(".", "").isdigit() and following.isdigit():
        return False
    if len(bare) == 1 and word[0].isupper():
        # An initial ("J. Smith"), unless the sentence really ends with a one-letter word.
        return next_lower in _SENTENCE_STARTERS
    if "." in bare and bare.replace(".", "").isalpha():
        # A dotted acronym such as U.S. or a.m.: ends a sentence only before a sentence starter.
        return next_lower in _SENTENCE_STARTERS
    if bare in _ABBREVIATIONS:
        if following.isdigit():
            return False
        closes_sentences = bare in {"etc", "inc", "ltd", "co", "corp", "plc"}
        return closes_sentences and next_lower in _SENTENCE_STARTERS
    return True


_OPENING_QUOTES = "“«"
_CLOSING_QUOTES = "”»"
# A quotation closing within this many characters, then a lower-case word or a comma.
_QUOTE_REACH = 120
_ATTRIBUTED_CLOSE = re.compile(rf"[^\n\"”»]{{1,{_QUOTE_REACH}}}?[.!?,]?[\"”»]\s*(?:,|[a-z])")


def _inside_attributed_quote(text: str, end: int, mark_start: int) -> bool:
    """Whether text[mark_start:end] stands inside a quotation opened earlier on its line that
    closes soon after, followed by its attribution ("he said") or a comma."""
    if text[mark_start:end][-1:] in "\"”»'’":
        return False  # the mark closes the quotation itself: decided by what follows
    line_start = text.rfind("\n", 0, mark_start) + 1
    before = text[line_start:mark_start]
    curly_open = sum(before.count(q) for q in _OPENING_QUOTES)
    curly_close = sum(before.count(q) for q in _CLOSING_QUOTES)
    inside = curly_open > curly_close or (curly_open == 0 and before.count('"') % 2 == 1)
    return inside and _ATTRIBUTED_CLOSE.match(text, end) is not None


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    cursor = start
    for mark in _BOUNDARY.finditer(text, start, end):
        if _ends_sentence(text, mark.end(), mark.start()):
            spans.append((cursor, mark.end()))
            nxt = _NEXT_START.match(text, mark.end())
            cursor = nxt.start(1) if nxt else mark.end()
    if cursor < end:
        spans.append((cursor, end))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def segment(text: str, *, opens_with_headline: bool = False) -> list[tuple[int, int]]:
    """Sentence spans of a cleaned text, in order; headings are left out.

    `opens_with_headline`: the text's first line, even heading-shaped, is a passage of its own.
    A record that carries no title often opens with its headline ("Ellen DeGeneres To Host 86th
    Oscars"), and outlets' headlines are where a story's claim is put most plainly.
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        line_start, line_end = offset, offset + len(line)
        offset = line_end + 1
        if not line.strip():
            continue
        if is_heading(line):
            if opens_with_headline and len(line.split()) >= MIN_HEADLINE_WORDS:
                spans.append(_trim(text, line_start, line_end))
            opens_with_headline = False
            continue
        opens_with_headline = False
        spans.extend(_sentence_spans(text, line_start, line_end))
    return spans
