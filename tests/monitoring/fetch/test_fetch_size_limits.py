"""A huge page is cut off at max_bytes with a clear error, in bounded memory, with or without a length."""

from __future__ import annotations

import tracemalloc

import pytest

from ayneh.monitoring.fetch.http import FetchError, fetch_url
from ayneh.monitoring.fetch.limits import MB, FetchLimits

FIFTY_MB = 50 * MB


def _stream_50_mb_without_length(handler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.end_headers()
    block = ("<p>" + "خبر " * 1000 + "</p>\n").encode()
    sent = 0
    while sent < FIFTY_MB:
        handler.wfile.write(block)
        sent += len(block)


def test_a_50_mb_page_without_content_length_is_cut_off_at_the_limit_in_bounded_memory(local_server) -> None:
    url = local_server.route_handler("/huge", _stream_50_mb_without_length)

    tracemalloc.start()
    try:
        with pytest.raises(FetchError, match=r"^too large: over 10 MB$"):
            fetch_url(url, allow_private=True)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert peak < 40 * MB  # the 10 MB being kept, plus copies of it; never the 50 MB


def test_a_declared_content_length_over_the_limit_is_refused_before_reading(local_server) -> None:
    def declare_50_mb(handler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(FIFTY_MB))
        handler.end_headers()
        handler.wfile.write(b"x" * 1024)

    url = local_server.route_handler("/declared", declare_50_mb)

    with pytest.raises(FetchError, match=r"^too large: over 1 MB \(Content-Length 52428800\)$"):
        fetch_url(url, allow_private=True, limits=FetchLimits(max_bytes=MB))


def test_a_body_exactly_at_the_limit_is_fetched_whole(local_server) -> None:
    url = local_server.route("/exact", body=b"a" * MB)

    assert len(fetch_url(url, allow_private=True, limits=FetchLimits(max_bytes=MB)).body) == MB
