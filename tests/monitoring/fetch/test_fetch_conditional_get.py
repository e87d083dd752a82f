"""Conditional GET: the ETag and Last-Modified of the last fetch are sent; a 304 means nothing new."""

from __future__ import annotations

from ayneh.monitoring.fetch.http import fetch_url

ETAG = '"v1"'
LAST_MODIFIED = "Sat, 22 May 2021 08:00:00 GMT"


def _conditional(handler) -> None:
    if handler.headers.get("If-None-Match") == ETAG:
        handler.send_response(304)
        handler.end_headers()
        return
    body = b"<rss><channel/></rss>"
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rss+xml; charset=UTF-8")
    handler.send_header("ETag", ETAG)
    handler.send_header("Last-Modified", LAST_MODIFIED)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def test_the_first_fetch_returns_the_body_and_the_validators(local_server) -> None:
    url = local_server.route_handler("/rss", _conditional)

    result = fetch_url(url, allow_private=True)

    assert (result.status, result.not_modified, result.body) == (200, False, b"<rss><channel/></rss>")
    assert (result.etag, result.last_modified) == (ETAG, LAST_MODIFIED)
    assert (result.content_type, result.charset) == ("application/rss+xml", "utf-8")


def test_a_refetch_with_the_etag_is_not_modified_and_keeps_the_validators(local_server) -> None:
    url = local_server.route_handler("/rss", _conditional)

    result = fetch_url(url, etag=ETAG, last_modified=LAST_MODIFIED, allow_private=True)

    assert (result.status, result.not_modified, result.body) == (304, True, b"")
    assert (result.etag, result.last_modified) == (ETAG, LAST_MODIFIED)
    assert local_server.requests[0].headers["if-modified-since"] == LAST_MODIFIED
