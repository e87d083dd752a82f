"""A 100,000-item feed is cut off at max_items, in a stream: bounded memory, a clear truncated flag.

(The whole 100,000 items, uncapped, against feedparser: benchmarks/monitoring_fetch.py.)"""

from __future__ import annotations

import tracemalloc

from ayneh.monitoring.fetch.feeds import parse_feed
from ayneh.monitoring.fetch.limits import MB
from tests.monitoring.fetch.feed_samples import big_rss


def test_a_100k_item_feed_stops_at_the_configured_cap_in_bounded_memory() -> None:
    body = big_rss(100_000)
    assert len(body) > 30 * MB

    tracemalloc.start()
    try:
        feed = parse_feed(body, max_items=5000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert (len(feed.items), feed.truncated) == (5000, True)
    assert feed.items[-1].url == "https://news.example.ir/fa/news/4999"
    assert peak < 25 * MB  # the 5,000 items kept and 1 MB decoded pieces; no copy of the 32 MB document
