"""Feeds in windows-1256, declared or not, or under a wrong HTTP charset, read as correct Persian."""

from __future__ import annotations

from ayneh.monitoring.fetch.feeds import parse_feed

TITLE = "رئيس روابط عمومي اداره کل تعاون، کار و رفاه اجتماعي استان خوزستان"  # Arabic ي: windows-1256 has no ی


def _feed(declaration: str) -> str:
    return (
        f"{declaration}<rss><channel><title>{TITLE}</title><item><title>{TITLE}</title>"
        "<link>https://news.example.ir/1</link></item></channel></rss>"
    )


def test_an_undeclared_windows_1256_feed_reads_as_persian() -> None:
    feed = parse_feed(_feed("").encode("cp1256"))

    assert (feed.title, feed.items[0].title) == (TITLE, TITLE)


def test_a_windows_1256_feed_declared_in_its_xml_declaration_reads_as_persian() -> None:
    body = _feed('<?xml version="1.0" encoding="windows-1256"?>').encode("cp1256")

    assert parse_feed(body).items[0].title == TITLE


def test_a_utf8_feed_under_a_wrong_http_charset_reads_as_persian() -> None:
    body = _feed('<?xml version="1.0" encoding="utf-8"?>').encode("utf-8")

    assert parse_feed(body, declared="iso-8859-1").items[0].title == TITLE


def test_a_windows_1256_feed_that_claims_utf8_reads_as_persian() -> None:
    body = _feed('<?xml version="1.0" encoding="utf-8"?>').encode("cp1256")

    assert parse_feed(body, declared="utf-8").items[0].title == TITLE
