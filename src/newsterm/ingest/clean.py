"""From the text a reader found to the story itself: boilerplate out, paragraphs whole, data kept.

Pages copied from news sites carry sign-up forms, "Also read" teasers, image credits, privacy
notices and share prompts between the paragraphs. They are recognised by what they are (short
lines of interface language, credits in a fixed shape, several newsletter or privacy terms in one
line that reports nothing), not by their exact wording on any one site, so the same rules hold
for outlets not seen yet.

Figures are reporting, never furniture: a wire brief is often nothing but a table ("Shr 21 cts
vs 18 cts", "Revs 7,866,000", "Pay March 13"), lines without a full stop that would otherwise be
taken for headings (see `table_lines`).
"""

from __future__ import annotations

import re
from itertools import pairwise

from newsterm.facts.number_words import TENS, UNITS
from newsterm.ingest.sanitize import sanitize
from newsterm.text.sentences import is_heading

# Interface language: a short line made of these is navigation or a teaser, not reporting.
_TEASER = re.compile(
    r"^(?:others are reading now|(?:also|more) read(?:ing)?|read (?:more|also|next|this)"
    r"|related(?: (?:articles?|stories|content|coverage|news|reading|topics?))?"
    r"|recommended(?: for you| stories| reading)?|most (?:read|popular|viewed|shared)"
    r"|trending(?: now)?|popular now|top stories|latest(?: news| stories)?|editor'?s picks?"
    r"|(?:story continues )?(?:below|after) (?:this )?advertisement|advertisement|sponsored"
    r"|skip (?:advertisement|ad|to content)|continue reading|keep reading|show more|load more"
    r"|share(?: this)?(?: article| story| on \w+)?|follow us(?: on \w+)?|listen to this article"
    r"|watch(?: now| the video| video)?|click here|more on this story|comments?"
    r"|view comments|print|email|copy link|sign up|subscribe(?: now)?|log ?in|sign in"
    r"|invalid email|enter your email(?: address)?|(?:your )?email address|thank you for "
    r"subscribing|something went wrong(?:, please try again later)?|image|photo|video|gallery"
    r"|you might also like|don'?t miss|in (?:other|related) news|see also|more from \w+"
    r"|(?:open|close) (?:image|gallery|menu)|toggle caption|hide caption|expand)\W*$",
    re.IGNORECASE,
)
# Terms of sign-up and privacy boxes; a line with several of them is a form, not a paragraph.
_FORM_TERMS = re.compile(
    r"sign[- ]?up|newsletter|unsubscribe|subscri(?:be|ption)|privacy (?:policy|notice|statement)"
    r"|cookie(?:s| policy)|terms (?:of|and) (?:service|use|conditions)|e-?mail address"
    r"|consent(?:ed)?|recaptcha|opt[- ]out|adverts? from|marketing|inbox",
    re.IGNORECASE,
)
# Credits of pictures: "(Image: Getty)", "Photo: Reuters", "Picture: AP", "(AP Photo/Jane Doe)".
_CREDIT_TAIL = re.compile(
    r"[(\[](?:(?:image|photo|picture|pic|photograph|credit|video|illustration|graphic)s?"
    r"(?: credit)?\s*[:/]|[A-Z][\w.&]* (?:photo|images?)\b)[^)\]]{0,80}[)\]]\s*$",
    re.IGNORECASE,
)
_CREDIT_LINE = re.compile(
    r"^(?:(?:image|photo|picture|pic|photograph|credit|source|illustration)s?"
    r"(?: credit)?\s*[:/]\s*\S.{0,80}|.{0,40}\b(?:getty images|afp via getty images|shutterstock"
    r"|alamy|reuters/\w+|ap photo.{0,40}))$",
    re.IGNORECASE,
)
# "© 2024 The Times", "Copyright Reuters"; not a table's footnote mark, "(C) - Sales made ...".
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)[\s©]*(?:\d{4}|[^\W\d_])", re.IGNORECASE)
# A form speaks to the reader; a report says who said what ("subscriptions are 126 dlrs, the
# company said" names two of the form terms and is news).
_REPORTING = re.compile(r"\b(?:said|says|told|according to|announced|reported)\b", re.IGNORECASE)
_NUMBER_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_QUANTITY = rf"(?:\d[\d,]*(?:\.\d+)?(?:-\d+/\d+)?|\d+/\d+|(?:{_NUMBER_WORD}))"
_UNIT = (
    r"(?:cts?|cents?|dlrs?|dollars?|mln|bln|billion|million|trillion|pct|percent|per cent"
    r"|stg|sterling|pounds?|pence|yen|marks|francs?|guilders?|lire|pesos?|euros?|rupees?"
    r"|tonnes?|tons?|bags|barrels?|bpd|ounces?|ozs?|bushels?|bu|shares|shrs|points?|pts"
    r"|acres|hectares|kilos?|kg|km|miles)"
)
# An amount, not a date, a time or an ordinal: money, a percentage, a figure grouped in
# thousands, a figure with its unit ("13 cts", "seven cts", "65.9 mln", "4,000 tonnes"), a rate
# or price quoted to three decimals or more ("1.6180"), or in fractions ("284 1/2", "5-7/8"), or
# figures compared ("10 Canadian cts vs 10 Canadian cts prior").
_AMOUNT = re.compile(
    rf"[$£€¥]\s?\d|\d\s?%|\b\d{{1,3}}(?:,\d{{3}})+\b|\b{_QUANTITY}\s?{_UNIT}\b"
    r"|\d\.\d{3,}\b|(?<![/\d])\d+[- ]\d{1,2}/\d{1,2}(?![/\d])"
    r"|\d\S*\s+(?:[^\W\d]+\s+){0,3}vs\.?\s+(?:[^\W\d]+\s+){0,3}\d",
    re.IGNORECASE,
)
_FIGURE = re.compile(rf"\d|\b(?:{_NUMBER_WORD})\b", re.IGNORECASE)
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
_MAX_ROW_WORDS = 12
_BARE_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_YEAR = re.compile(r"(?:19|20)\d\d")
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)\]]$")
# Words no sentence, heading or table label ends with: articles, prepositions, conjunctions,
# auxiliaries, possessives. A line that stops on one was broken mid-sentence.
_CARRIES_ON = frozenset(
    "a an the of to in on at by for with from into onto and or but nor than as that which "
    "whose its their his her our your my is are was were be been has have had will would "
    "could should said having per via".split()
)
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\((?:[^)(]|\([^)]*\))*\)")
_MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~|`)(?=\S)(.+?)(?<=\S)\1")
_MARKDOWN_PREFIX = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?=\S)|\d{1,3}[.)]\s+(?=\S))")


# A piece of every _FORM_TERMS alternative, in lower case: an ASCII line without any of them
# holds no form term.
_FORM_TERM_PIECES = (
    "sign",
    "newsletter",
    "subscri",
    "privacy ",
    "cookie",
    "terms ",
    "mail address",
    "consent",
    "recaptcha",
    "opt",
    "advert",
    "marketing",
    "inbox",
)


def _may_hold_form_terms(line: str) -> bool:
    """False for a line _FORM_TERMS cannot match: a few substring tests instead of a
    case-insensitive scan of every line (which was most of the cost of cleaning a text). Only
    for ASCII: outside it, case-insensitive matching has its own equivalents ("ſ" for "s")."""
    if not line.isascii():
        return True
    lowered = line.lower()
    return any(piece in lowered for piece in _FORM_TERM_PIECES)


def is_boilerplate(line: str) -> bool:
    """True for a line that is page furniture rather than part of the story."""
    stripped = line.strip()
    if not stripped:
        return False
    words = stripped.split()
    if len(words) <= 8 and _TEASER.match(stripped):
        return True
    if _COPYRIGHT.match(stripped) and len(words) <= 25:
        return True
    if (
        _may_hold_form_terms(stripped)
        and len(_FORM_TERMS.findall(stripped)) >= 2
        and len(words) <= 80
        and not _reports(stripped)
    ):
        return True
    if len(words) <= 30 and _CREDIT_TAIL.search(stripped):
        return True
    return len(words) <= 14 and bool(_CREDIT_LINE.match(stripped))


def carries_amount(line: str) -> bool:
    """True for a line that states an amount (money, a percentage, a figure with its unit or
    grouped in thousands) or is a row of a figures table; dates, times and ordinals are not
    amounts ("Published May 2, 2013", "Updated 10.12 BST", "86th Oscars")."""
    if _AMOUNT.search(line):
        return True
    # Figures without units (volumes, positions, index points: "MAY 2515 15541 off 885", "Total
    # 25273"): one of four digits or more that is not a year, or a row of three figures, two of
    # them of three digits or more; a timestamp has neither.
    numbers = [n.replace(",", "").split(".")[0] for n in _BARE_NUMBER.findall(line)]
    if any(len(n) > 4 or (len(n) == 4 and not _YEAR.fullmatch(n)) for n in numbers):
        return True
    if len(numbers) < 3 or ":" in line or "/" in line:
        return False
    return sum(1 for n in numbers if len(n) >= 3 and not _YEAR.fullmatch(n)) >= 2


def _reports(line: str) -> bool:
    """A line that reports: it attributes what it says, or it states an amount."""
    return bool(_REPORTING.search(line)) or carries_amount(line)


def table_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines of the text's tables that sentence splitting leaves out.

    Sentence splitting (newsterm.text.sentences.segment) leaves heading-shaped lines out (no
    closing punctuation, a dozen words at most), since on a web page they are sub-headings,
    bylines and datelines. A wire brief is such lines only ("Semi div 13 cts vs 18 cts prior /
    Pay March 13 / Record March Two"), so without this about one Reuters article in ten showed
    nothing but its headline. A table is a run of short lines that do not end a sentence (a row
    may end with a bracket: "Revenue £88.4m (£79.9m)"), two of which state an amount (see
    `carries_amount`), or one if the text has no other line at all; a headline stating an amount
    above a dateline is not a table. Its lines are kept, labels such as "Year" or "Nine mths"
    included, since they say which figures follow, up to its last line that carries a figure: a
    sign-off after the table ("REUTER") is not part of it.
    """
    runs: list[list[tuple[int, int]]] = [[]]
    prose = False
    offset = 0
    for line in text.split("\n"):
        start = offset + len(line) - len(line.lstrip())
        end = offset + len(line.rstrip())
        offset += len(line) + 1
        if line.strip() and len(line.split()) <= _MAX_ROW_WORDS and not _ENDS_SENTENCE.search(line):
            runs[-1].append((start, end))
            continue
        prose = prose or bool(line.strip())
        if runs[-1]:
            runs.append([])
    spans: list[tuple[int, int]] = []
    for run in runs:
        amounts = sum(1 for a, b in run if carries_amount(text[a:b]))
        if amounts >= 2 or (amounts and not prose):
            last = max(n for n, (a, b) in enumerate(run) if _FIGURE.search(text[a:b]))
            # The other lines are sentences to segment(), which keeps them already.
            spans.extend((a, b) for a, b in run[: last + 1] if is_heading(text[a:b]))
    return spans


def strip_markdown(text: str) -> str:
    """Markdown to plain prose, line by line, so that a sentence reads as it was written."""
    lines = []
    in_fence = False
    for line in text.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence or re.match(r"^\s*(?:[-*_]\s*){3,}$", line) or line.lstrip().startswith("|"):
            continue
        line = _MARKDOWN_IMAGE.sub("", line)
        line = _MARKDOWN_LINK.sub(r"\1", line)
        line = _MARKDOWN_PREFIX.sub("", line)
        line = _MARKDOWN_EMPHASIS.sub(r"\2", line)
        line = re.sub(r"\s{2,}$|\\$", "", line)  # hard line breaks
        lines.append(line)
    return "\n".join(lines)


def _broken(line: str, nxt: str) -> bool:
    """Whether a sentence runs on from `line` into `nxt`: the next line goes on in lower case,
    or the line ends on a comma or on a word no sentence or heading ends with."""
    line = line.rstrip()
    if not line:
        return False
    if nxt.lstrip()[:1].islower():
        # After a full stop, only an abbreviation goes on in lower case ("a U.S. / government
        # agency"); after a colon or a quotation's close, a new line may start low.
        return not _SENTENCE_END.search(line) or line.endswith(".")
    if _SENTENCE_END.search(line):
        return False
    return line.endswith(",") or line.rsplit(None, 1)[-1].lower() in _CARRIES_ON


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Lines broken mid-sentence at a fixed width (Reuters wire copy, e-mail, old archives).

    Two lines are enough to tell: a brief of two or three wrapped lines ("Hog prices are /
    expected steady on estimated receipts of 2,800 head, private / sources said.") left
    unjoined was read as headings, which sentence splitting leaves out, and lost its text."""
    body = [line for line in lines if line.strip()]
    if len(body) < 2:
        return False
    broken = sum(1 for line, nxt in pairwise(body) if _broken(line, nxt))
    if max(len(line) for line in body) > 100:
        return False
    return broken / (len(body) - 1) > 0.25 or _continues_indented_paragraphs(lines)


def _continues_indented_paragraphs(lines: list[str]) -> bool:
    """Paragraphs opened by indentation, every unindented line after the first continuing a
    sentence the line before left open: the wire's layout, as in a brief whose table is
    followed by a note wrapped over three lines ("... gains of\n1,783,000 dlrs or four cts a
    \nshare."). Few lines are broken there, so the share of broken lines does not show it."""
    body = [line for line in lines if line.strip()]
    indented = sum(1 for line in body[1:] if line[:1].isspace())
    continued = 0
    for line, nxt in pairwise(body):
        if nxt[:1].isspace():
            continue
        if _SENTENCE_END.search(line.rstrip()):
            return False
        continued += 1
    return indented >= 2 and continued > 0


def _join_broken(lines: list[str]) -> str:
    """Lines joined only where a sentence plainly runs on, for a text that is not wrapped as a
    whole: wire copy that mixes a table with wrapped prose ("...declaration was 20.792 pesos /
    per dollar."), whose prose half was otherwise read as headings and left out."""
    joined: list[str] = []
    for line in lines:
        if joined and line.strip() and _broken(joined[-1], line):
            joined[-1] = f"{joined[-1].rstrip()} {line.strip()}"
        else:
            joined.append(line)
    return "\n".join(joined)


def unwrap(text: str) -> str:
    """Join hard-wrapped lines into one line per paragraph; indentation starts a paragraph."""
    lines = text.split("\n")
    if not _is_hard_wrapped(lines):
        return _join_broken(lines)
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line.strip() or (line[:1].isspace() and current):
            if current:
                paragraphs.append(" ".join(current))
                current = []
            if not line.strip():
                continue
        current.append(line.strip())
    if current:
        paragraphs.append(" ".join(current))
    return "\n".join(paragraphs)


def clean_body(text: str) -> tuple[str, int]:
    """The story's paragraphs, one per line, and how many boilerplate lines were dropped."""
    text = unwrap(sanitize(text))
    kept = []
    dropped = 0
    for line in text.split("\n"):
        line = " ".join(line.split())
        if not line:
            continue
        if is_boilerplate(line):
            dropped += 1
            continue
        kept.append(line)
    return "\n".join(kept), dropped
