"""RSS 2.0, RSS 1.0 (RDF) and Atom are read into the same FeedItem shape."""

from __future__ import annotations

import datetime as dt

from ayneh.monitoring.fetch.feeds import FeedItem, parse_feed
from tests.monitoring.fetch.feed_samples import rss, rss_item

MAY_22_0400_UTC = dt.datetime(2021, 5, 22, 4, 0, tzinfo=dt.UTC)


def test_rss_2_items_carry_link_guid_title_summary_and_date() -> None:
    feed = parse_feed(rss(rss_item(1)))

    assert feed.title == "خبرگزاری نمونه"
    assert feed.items == [
        FeedItem(
            guid="n1",
            url="https://news.example.ir/fa/news/1",
            title="خبر شماره 1",
            summary_html="<p>رئیس روابط عمومی در گفت‌وگو با خبرنگاران گفت.</p>",
            published=MAY_22_0400_UTC,
        )
    ]
    assert (feed.errors, feed.truncated, feed.malformed) == ([], False, None)


def test_content_encoded_is_preferred_to_the_description() -> None:
    item = rss_item(1).replace("</item>", "<content:encoded><![CDATA[<p>متن کامل</p>]]></content:encoded></item>")

    assert parse_feed(rss(item)).items[0].summary_html == "<p>متن کامل</p>"


def test_atom_entries_with_alternate_links_and_xhtml_content() -> None:
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">&lt;b&gt;\xd8\xa7\xdb\x8c\xd8\xb3\xd9\x86\xd8\xa7&lt;/b&gt;</title>
<entry><title>e1</title><link rel="self" href="https://a.example/self"/><link href="https://a.example/1"/>
<id>tag:a.example,2021:1</id><published>2021-05-22T08:30:00+04:30</published>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>hi <b>there</b></p></div></content></entry>
<entry><title type="text">e2</title><link href="/2"/><id>tag:2</id><summary type="text">a &lt; b</summary></entry>
</feed>"""

    feed = parse_feed(atom, base_url="https://a.example/feed")

    assert feed.title == "ایسنا"
    assert [(i.url, i.guid, i.title) for i in feed.items] == [
        ("https://a.example/1", "tag:a.example,2021:1", "e1"),
        ("https://a.example/2", "tag:2", "e2"),
    ]
    assert feed.items[0].summary_html == "<div><p>hi <b>there</b></p></div>"
    assert feed.items[0].published == MAY_22_0400_UTC
    assert feed.items[1].summary_html == "a &lt; b"


def test_rss_1_rdf_items_use_rdf_about_as_guid() -> None:
    rdf = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://r.example/"><title>RDF feed</title><link>https://r.example/</link></channel>
<item rdf:about="https://r.example/1"><title>first</title><link>https://r.example/1</link>
<dc:date>2021-05-22T04:00:00Z</dc:date><description>one</description></item>
</rdf:RDF>"""

    feed = parse_feed(rdf)

    assert feed.title == "RDF feed"
    assert [(i.guid, i.url, i.title, i.published) for i in feed.items] == [
        ("https://r.example/1", "https://r.example/1", "first", MAY_22_0400_UTC)
    ]


def test_a_permalink_guid_stands_in_for_a_missing_link() -> None:
    item = "<item><title>t</title><guid>https://news.example.ir/fa/news/9</guid></item>"

    assert parse_feed(rss(item)).items[0].url == "https://news.example.ir/fa/news/9"
