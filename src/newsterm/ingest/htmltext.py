"""HTML to readable prose with the standard library: what feeds and saved pages are made of.

Feed entries carry small HTML fragments; saved pages carry a whole site around one story. Both
become one paragraph per line, with the parts of a page that are never the story (scripts,
styles, navigation, headers, footers, forms, asides) dropped by element, before any wording
rules run. The parser is forgiving: a truncated or malformed page yields what it holds.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from newsterm.ingest.sanitize import sanitize

# Elements whose content is never part of the article text.
SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "canvas",
        "head",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "button",
        "select",
        "textarea",
        "figcaption",
        "dialog",
        "menu",
    }
)
# Elements that end a paragraph.
BLOCK = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "section",
        "article",
        "main",
        "table",
        "tr",
        "td",
        "th",
        "dd",
        "dt",
        "dl",
        "figure",
        "hr",
        "address",
        "body",
        "html",
    }
)
VOID = frozenset(
    {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"}
)
# Class or id words of page furniture that sit in ordinary <div>s on older sites.
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|sidebar|footer|header|masthead|share|sharing"
    r"|social|related|recommended|newsletter|subscribe|signup|promo|advert|ads?|banner|cookie"
    r"|consent|comments?|popup|modal|skip-link|tags|byline-share)(?:$|[\s_-])",
    re.IGNORECASE,
)


class _TextParser(HTMLParser):
    def __init__(self, drop_furniture: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.drop_furniture = drop_furniture
        self.parts: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, skipping) of open elements
        self.skip_depth = 0

    def _skipping(self) -> bool:
        return self.skip_depth > 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK:
            self.parts.append("\n")
        if tag in VOID:
            return
        skip = tag in SKIP
        if not skip and self.drop_furniture:
            found = dict(attrs)
            marks = f"{found.get('class') or ''} {found.get('id') or ''} {found.get('role') or ''}"
            hidden = "hidden" in found or (found.get("aria-hidden") == "true")
            skip = hidden or bool(_FURNITURE.search(marks.strip()))
        self.stack.append((tag, skip))
        if skip:
            self.skip_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK:
            self.parts.append("\n")
        if tag in VOID:
            return
        # Close up to the matching open element; unmatched end tags are ignored.
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                for _tag, skipping in self.stack[depth:]:
                    if skipping:
                        self.skip_depth -= 1
                del self.stack[depth:]
                break

    def handle_data(self, data: str) -> None:
        if not self._skipping():
            self.parts.append(data)


def html_to_text(html: str, *, drop_furniture: bool = False) -> str:
    """Readable text of an HTML fragment or page: one paragraph per line, entities decoded."""
    if "<" not in html:
        return "\n".join(" ".join(line.split()) for line in sanitize(unescape(html)).split("\n"))
    parser = _TextParser(drop_furniture)
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):  # pragma: no cover - html.parser is lenient
        pass
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def looks_like_html(text: str) -> bool:
    """True when a field holds markup rather than plain text with a stray "<"."""
    return bool(re.search(r"<(?:/?[a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>|&(?:#\d+|\w+);", text))
