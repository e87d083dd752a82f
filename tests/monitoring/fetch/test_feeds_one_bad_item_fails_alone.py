"""A bad item fails alone with a reason; broken XML mid-feed keeps what came before and reads on leniently;
a body that is no feed at all is one clear error."""

from __future__ import annotations

import pytest

from ayneh.monitoring.fetch.feeds import FeedError, ItemError, parse_feed
from tests.monitoring.fetch.feed_samples import rss, rss_item


def test_javascript_and_data_links_are_dropped_and_such_items_fail_alone() -> None:
    feed = parse_feed(
        rss(
            rss_item(1),
            rss_item(2, link="javascript:alert(document.cookie)"),
            rss_item(3, link="data:text/html,hi"),
            rss_item(4, link="file:///etc/passwd"),
            rss_item(5, link="/fa/news/5"),
            "<item><title></title><link>https://news.example.ir/6</link></item>",
            "<item><title>no link at all</title></item>",
            rss_item(8),
        ),
        base_url="https://news.example.ir/rss",
    )

    assert [item.url for item in feed.items] == [
        "https://news.example.ir/fa/news/1",
        "https://news.example.ir/fa/news/5",
        "https://news.example.ir/fa/news/8",
    ]
    assert feed.errors == [
        ItemError(1, "no http(s) link (dropped: javascript:)"),
        ItemError(2, "no http(s) link (dropped: data:)"),
        ItemError(3, "no http(s) link (dropped: file:)"),
        ItemError(5, "empty item: no title and no summary"),
        ItemError(6, "no link"),
    ]


def test_scripts_and_javascript_urls_are_cleaned_out_of_summaries() -> None:
    description = "&lt;p onclick='x()'&gt;متن&lt;script&gt;alert(1)&lt;/script&gt;&lt;a href='javascript:x'&gt;پیوند&lt;/a&gt;&lt;/p&gt;"

    summary = parse_feed(rss(rss_item(1, description=description))).items[0].summary_html

    assert "script" not in summary
    assert "javascript" not in summary
    assert "onclick" not in summary
    assert "متن" in summary


def test_broken_xml_mid_feed_keeps_the_items_before_and_recovers_the_rest() -> None:
    feed = parse_feed(
        rss(
            rss_item(1),
            rss_item(
                2, title="اخبار & گزارش&nbsp;ها"
            ),  # a bare & and an HTML entity: not XML (the no-break space folds into a space in titles)
            rss_item(3),
        )
    )

    assert [item.title for item in feed.items] == ["خبر شماره 1", "اخبار & گزارش ها", "خبر شماره 3"]
    assert feed.malformed is not None
    assert feed.malformed.startswith("malformed XML at line 4, column 21: not well-formed (invalid token)")
    assert feed.malformed.endswith("the rest was read in recovery mode")


def test_an_unclosed_tag_mid_feed_does_not_lose_the_later_items() -> None:
    feed = parse_feed(rss(rss_item(1), rss_item(2, title="<b>بسته نشده"), rss_item(3)))

    assert "https://news.example.ir/fa/news/3" in [item.url for item in feed.items]
    assert feed.malformed is not None


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "empty body"),
        (b"  \n ", "empty body"),
        (
            b"<!DOCTYPE html><html><head><title>x</title></head><body><p>a&nbsp;b</p></body></html>",
            "not a feed: an HTML page",
        ),
        (b"<html><body><p>soup", "not a feed: an HTML page"),
        (b'<?xml version="1.0"?><urlset><url/></urlset>', "not a feed: root element <urlset>"),
        (b"<rss><channel><title>x</titl", "malformed XML at line 1, column 23: unclosed token"),
        (b'{"version": "https://jsonfeed.org/version/1"}', "not a feed: JSON (JSON Feed is not read)"),
    ],
)
def test_a_body_that_is_no_feed_is_one_clear_error(body: bytes, reason: str) -> None:
    with pytest.raises(FeedError) as failed:
        parse_feed(body)
    assert failed.value.reason == reason


def test_a_feed_cut_off_inside_its_first_item_reports_that_item_and_the_break() -> None:
    feed = parse_feed(b"<rss><channel><item><title>x</titl")

    assert (feed.items, feed.errors) == ([], [ItemError(0, "no link")])
    assert feed.malformed == "malformed XML at line 1, column 29: unclosed token; the rest was read in recovery mode"
