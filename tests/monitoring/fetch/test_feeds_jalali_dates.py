"""Jalali pubDates are read as Jalali: never as the Gregorian year 1402 (as feedparser does)."""

from __future__ import annotations

import datetime as dt

from ayneh.monitoring.fetch.feeds import parse_feed
from tests.monitoring.fetch.feed_samples import rss, rss_item


def test_jalali_pub_dates_become_the_right_gregorian_moment_or_none() -> None:
    feed = parse_feed(
        rss(
            rss_item(1, pub_date="۱۴۰۲/۱۲/۲۹ ۱۴:۳۰"),
            rss_item(2, pub_date="۱۴۰۲/۱۲/۳۰"),  # 1402 is a common year: no 30 Esfand
            rss_item(3, pub_date="۳۰ ارديبهشت ۱۳۹۸ - ۲۲:۵۳"),
            rss_item(4, pub_date="فردا"),
        )
    )

    published = [item.published for item in feed.items]
    assert published == [
        dt.datetime(2024, 3, 19, 11, 0, tzinfo=dt.UTC),
        None,
        dt.datetime(2019, 5, 20, 18, 23, tzinfo=dt.UTC),
        None,
    ]
    assert all(moment is None or moment.year >= 2000 for moment in published)
    assert len(feed.items) == 4  # an unreadable date does not fail the item
