"""From the text a reader found to the story itself: boilerplate out, paragraphs whole.

Pages copied from news sites carry sign-up forms, "Also read" teasers, image credits, privacy
notices and share prompts between the paragraphs. They are recognised by what they are (short
lines of interface language, credits in a fixed shape, several newsletter or privacy terms in one
line), not by their exact wording on any one site, so the same rules hold for outlets not seen yet.
"""

from __future__ import annotations

import re
from itertools import pairwise

from newsterm.ingest.sanitize import sanitize

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
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)\]]$")
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\((?:[^)(]|\([^)]*\))*\)")
_MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~|`)(?=\S)(.+?)(?<=\S)\1")
_MARKDOWN_PREFIX = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?=\S)|\d{1,3}[.)]\s+(?=\S))")


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
    if len(_FORM_TERMS.findall(stripped)) >= 2 and len(words) <= 80:
        return True
    if len(words) <= 30 and _CREDIT_TAIL.search(stripped):
        return True
    return len(words) <= 14 and bool(_CREDIT_LINE.match(stripped))


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


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Lines broken mid-sentence at a fixed width (Reuters wire copy, e-mail, old archives)."""
    body = [line for line in lines if line.strip()]
    if len(body) < 4:
        return False
    broken = sum(
        1
        for line, nxt in pairwise(body)
        if not _SENTENCE_END.search(line.rstrip()) and nxt.lstrip()[:1].islower()
    )
    return broken / (len(body) - 1) > 0.25 and max(len(line) for line in body) <= 100


def unwrap(text: str) -> str:
    """Join hard-wrapped lines into one line per paragraph; indentation starts a paragraph."""
    lines = text.split("\n")
    if not _is_hard_wrapped(lines):
        return text
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
