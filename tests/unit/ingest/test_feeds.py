"""RSS and Atom feeds: one article per entry, outlet from the feed, HTML turned into text."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsterm.corpus.load import load
from newsterm.ingest.feeds import sniff_feed
from newsterm.ingest.sources import read_sources

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Harbour Gazette</title>
  <link>https://gazette.example/</link>
  <item>
    <title>Ferry runs aground off Kessel Point</title>
    <link>https://gazette.example/ferry</link>
    <guid>gazette-ferry-1</guid>
    <pubDate>Wed, 14 Aug 2024 07:30:00 GMT</pubDate>
    <author>desk@gazette.example (Mara Lind)</author>
    <description>A short teaser.</description>
    <content:encoded><![CDATA[<p>The ferry <b>Nordlys</b> ran aground on Tuesday night.</p>
      <script>document.write("tracker")</script>
      <p>All 214 passengers were taken ashore, the coastguard said.</p>]]></content:encoded>
  </item>
  <item>
    <title>Council &amp; port agree on dredging</title>
    <link>https://gazette.example/dredging</link>
    <pubDate>Thu, 15 Aug 2024 09:00:00 +0200</pubDate>
    <description>&lt;p&gt;The council approved dredging of the channel.&lt;/p&gt;</description>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Valley Courier</title>
  <id>urn:valley</id>
  <updated>2024-08-14T12:00:00Z</updated>
  <entry>
    <title>Ferry passengers recall night on the rocks</title>
    <id>urn:valley:ferry</id>
    <link rel="alternate" href="https://courier.example/ferry-night"/>
    <published>2024-08-14T11:00:00Z</published>
    <updated>2024-08-14T12:00:00Z</updated>
    <summary>Summary only.</summary>
    <content type="html">&lt;p&gt;Passengers of the Nordlys spent hours on deck.&lt;/p&gt;
      &lt;p&gt;Nobody was hurt.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def _read(*paths):
    errors: list[tuple[str, str]] = []
    documents = read_sources(list(paths), lambda where, why: errors.append((where, why)))
    return documents, errors


def test_rss_entry_fields(write) -> None:
    """An RSS item gives title, link, guid, date (UTC), author and the feed title as outlet."""
    documents, errors = _read(write("gazette.rss", RSS))
    assert not errors
    first, second = documents
    assert first.title == "Ferry runs aground off Kessel Point"
    assert first.source == "Harbour Gazette"
    assert first.url == "https://gazette.example/ferry"
    assert first.guid == "gazette-ferry-1"
    assert first.published == datetime(2024, 8, 14, 7, 30, tzinfo=UTC)
    assert second.published == datetime(2024, 8, 15, 7, 0, tzinfo=UTC)
    assert second.title == "Council & port agree on dredging"


def test_full_content_preferred_and_html_cleaned(write) -> None:
    """content:encoded wins over the teaser; tags and scripts are gone, paragraphs kept."""
    documents, _ = _read(write("gazette.rss", RSS))
    text = documents[0].text
    assert text.split("\n") == [
        "The ferry Nordlys ran aground on Tuesday night.",
        "All 214 passengers were taken ashore, the coastguard said.",
    ]
    assert "teaser" not in text and "tracker" not in text


def test_summary_used_when_no_content(write) -> None:
    """An item with only an escaped-HTML description is read from it, as text."""
    documents, _ = _read(write("gazette.rss", RSS))
    assert documents[1].text == "The council approved dredging of the channel."


def test_atom_entry(write) -> None:
    """An Atom entry: alternate link, published date, html content over summary."""
    documents, errors = _read(write("courier.atom", ATOM))
    assert not errors
    (entry,) = documents
    assert entry.source == "Valley Courier"
    assert entry.url == "https://courier.example/ferry-night"
    assert entry.published == datetime(2024, 8, 14, 11, 0, tzinfo=UTC)
    assert entry.text == "Passengers of the Nordlys spent hours on deck.\nNobody was hurt."


def test_entries_carry_their_location(write) -> None:
    """Each entry points back at its feed file and its position in it."""
    path = write("gazette.rss", RSS)
    documents, _ = _read(path)
    assert [d.location for d in documents] == [f"{path}#1", f"{path}#2"]


@pytest.mark.parametrize("name", ["feed.txt", "feed", "feed.html", "download.php"])
def test_feed_recognised_by_content_whatever_its_name(write, name: str) -> None:
    """A misnamed feed is still read as a feed: content sniffing comes before the suffix."""
    documents, errors = _read(write(name, ATOM))
    assert not errors
    assert [d.source for d in documents] == ["Valley Courier"]


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<?xml version="1.0"?>\n<rss version="2.0">', True),
        (b"\xef\xbb\xbf<?xml version='1.0'?><!-- c --><feed xmlns='x'>", True),
        (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', True),
        (b"<!DOCTYPE html><html><body><p>feed me</p>", False),
        (b"The feed was cut, said <rss> experts.", False),
        (b'{"text": "<rss>"}', False),
    ],
)
def test_sniffing(head: bytes, expected: bool) -> None:
    """Only a document whose root element is rss, feed or RDF is taken for a feed."""
    assert sniff_feed(head) is expected


def test_truncated_feed_reports_once_and_keeps_complete_entries(write) -> None:
    """A feed cut off mid-entry: one note naming the file, the complete entries still read."""
    path = write("cut.rss", RSS[: RSS.index("<title>Council")])
    documents, errors = _read(path)
    assert [d.title for d in documents][:1] == ["Ferry runs aground off Kessel Point"]
    assert any(where == str(path) and "malformed feed" in why for where, why in errors)


def test_unreadable_feed_is_one_error_and_other_files_are_read(write, tmp_path) -> None:
    """Garbage that starts like a feed gives one line naming it; the folder's other files load."""
    write("pile/broken.xml", '<?xml version="1.0"?>\n<rss><channel><<<<')
    write("pile/good.atom", ATOM)
    documents, errors = _read(tmp_path / "pile")
    assert [d.source for d in documents] == ["Valley Courier"]
    assert len(errors) == 1
    where, why = errors[0]
    assert where.endswith("broken.xml") and "feed" in why


def test_entry_titles_are_sanitised(write) -> None:
    """Escape sequences in a feed's titles never reach the terminal."""
    hostile = RSS.replace("Harbour Gazette", "Harbour&#27;]0;pwned&#7; Gazette").replace(
        "Ferry runs aground", "Ferry&#27;[31m runs aground"
    )
    documents, _ = _read(write("gazette.rss", hostile))
    assert "\x1b" not in documents[0].title and "\x07" not in (documents[0].source or "")
    assert documents[0].title.startswith("Ferry runs aground")


def test_feed_through_load_groups_entries_into_articles(write, tmp_path) -> None:
    """load() on a folder of feeds gives one article per entry, with outlet and URL."""
    write("feeds/gazette.rss", RSS)
    write("feeds/courier.atom", ATOM)
    corpus = load(tmp_path / "feeds")
    assert sorted(a.source or "" for a in corpus.articles) == [
        "Harbour Gazette",
        "Harbour Gazette",
        "Valley Courier",
    ]
    assert all(a.url and a.location for a in corpus.articles)


def test_unknown_encoding_is_one_note_and_the_feed_is_read(write) -> None:
    """A feed declaring an encoding nobody knows: one note naming it, entries still read."""
    data = (
        b'<?xml version="1.0" encoding="x-martian"?><rss version="2.0"><channel>'
        b"<title>Caf\xe9 Post</title><item><title>Caf\xe9 opens</title>"
        b"<description>The caf\xe9 opened on Monday in the old square.</description>"
        b"</item></channel></rss>"
    )
    path = write("odd.rss", data)
    documents, errors = _read(path)
    assert [d.title for d in documents] == ["Café opens"]
    assert errors == [(str(path), errors[0][1])]
    assert "x-martian" in errors[0][1]


def test_a_feed_file_that_names_another_file_is_not_read_as_that_file(tmp_path: Path) -> None:
    """feedparser opens a string that looks like a path: a feed file holding only another
    file's name must not be read as that file's entries."""
    from newsterm.ingest.document import SourceError
    from newsterm.ingest.feeds import parse_feed

    other = tmp_path / "other.xml"
    other.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Other</title><item>'
        "<title>Not yours</title><description>Entries of another file.</description>"
        "</item></channel></rss>",
        encoding="utf-8",
    )
    with pytest.raises(SourceError):
        parse_feed(str(other).encode(), "named.xml", lambda *_: None)
