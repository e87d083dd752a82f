"""Only http and https are fetched: file://, local paths and other schemes never reach a reader."""

from __future__ import annotations

import pytest

from ayneh.monitoring.fetch.http import FetchError, fetch_url


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("file:///etc/passwd", "scheme not allowed: file"),
        ("FILE:///etc/passwd", "scheme not allowed: file"),
        ("/etc/passwd", "not a URL: a local path"),
        ("./feeds/local.xml", "not a URL: a local path"),
        ("feeds/local.xml", "not a URL: no scheme"),
        ("ftp://example.com/feed.xml", "scheme not allowed: ftp"),
        ("javascript:alert(1)", "scheme not allowed: javascript"),
        ("java\nscript:alert(1)", "scheme not allowed: javascript"),
        ("data:text/xml,<rss/>", "scheme not allowed: data"),
        ("http:///no-host", "no host"),
        ("http://user:secret@example.com/", "credentials in URL"),
    ],
)
def test_it_refuses_anything_but_http_and_https(url: str, reason: str) -> None:
    with pytest.raises(FetchError) as refused:
        fetch_url(url)
    assert refused.value.reason == reason


def test_it_refuses_a_redirect_to_a_local_file(local_server) -> None:
    url = local_server.route("/feed", status=302, headers={"Location": "file:///etc/passwd"})

    with pytest.raises(FetchError, match=r"^scheme not allowed: file$"):
        fetch_url(url, allow_private=True)
