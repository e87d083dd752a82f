"""parse_feed reads bytes, never a path or a URL: local files never reach the parser (feedparser's parse
opens whatever path or file:// URL it is handed)."""

from __future__ import annotations

import pytest

from ayneh.monitoring.fetch.feeds import FeedError, parse_feed
from tests.monitoring.fetch.feed_samples import rss, rss_item


@pytest.mark.parametrize("source", ["/etc/passwd", "file:///etc/passwd", "https://news.example.ir/rss"])
def test_a_path_or_url_given_as_text_is_refused_outright(source: str) -> None:
    with pytest.raises(TypeError, match="bytes only"):
        parse_feed(source)  # type: ignore[arg-type]


@pytest.mark.parametrize("source", [b"/etc/passwd", b"file:///etc/passwd"])
def test_a_path_or_url_given_as_bytes_is_just_not_a_feed(source: bytes) -> None:
    with pytest.raises(FeedError, match=r"^malformed XML at line 1"):
        parse_feed(source)


def test_a_feed_saved_to_a_file_is_read_only_from_its_bytes(tmp_path) -> None:
    saved = tmp_path / "feed.xml"
    saved.write_bytes(rss(rss_item(1)))

    assert len(parse_feed(saved.read_bytes()).items) == 1
