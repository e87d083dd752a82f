"""From a real local server to items and text: fetch_url, then parse_feed / decode_body + extract_article."""

from __future__ import annotations

import gzip

from ayneh.monitoring.fetch.decode import decode_body
from ayneh.monitoring.fetch.extract import extract_article
from ayneh.monitoring.fetch.feeds import parse_feed
from ayneh.monitoring.fetch.http import fetch_url

TITLE = "رئيس روابط عمومي اداره کل تعاون، کار و رفاه اجتماعي استان خوزستان"  # windows-1256 writes Arabic ي


def test_a_gzipped_windows_1256_feed_under_a_wrong_charset_header_reads_as_persian(local_server) -> None:
    feed = (
        f"<rss><channel><title>{TITLE}</title><item><title>{TITLE}</title><link>/fa/news/1</link>"
        "<pubDate>1400/03/01 10:00</pubDate></item>"  # windows-1256 has no Persian digits
        "<item><title>بد</title><link>javascript:alert(1)</link></item></channel></rss>"
    ).encode("cp1256")
    url = local_server.route(
        "/rss",
        body=gzip.compress(feed),
        headers={"Content-Type": "text/xml; charset=iso-8859-1", "Content-Encoding": "gzip"},
    )

    fetched = fetch_url(url, allow_private=True)
    parsed = parse_feed(fetched.body, declared=fetched.charset, base_url=fetched.final_url)

    assert fetched.charset == "iso-8859-1"
    assert parsed.title == TITLE
    assert [(item.title, item.url) for item in parsed.items] == [(TITLE, local_server.url("/fa/news/1"))]
    assert parsed.items[0].published is not None
    assert parsed.items[0].published.year == 2021
    assert [error.reason for error in parsed.errors] == ["no http(s) link (dropped: javascript:)"]


def test_a_real_page_served_without_a_charset_is_fetched_decoded_and_extracted(local_server, pages_dir) -> None:
    page = (pages_dir / "www.isna.ir__1558105248971.html").read_bytes()
    url = local_server.route("/news/98030903723", body=page, headers={"Content-Type": "text/html"})

    fetched = fetch_url(url, allow_private=True)
    article = extract_article(decode_body(fetched.body, declared=fetched.charset), url=fetched.final_url)

    assert "در گفت‌وگو با ایسنا" in article.text
    assert (article.canonical_url or "").startswith("https://www.isna.ir/news/98030903723/")
