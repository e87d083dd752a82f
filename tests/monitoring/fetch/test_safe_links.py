"""safe_link: links in feeds and pages resolve to http(s) URLs; javascript:, data: and file: are dropped."""

from __future__ import annotations

import pytest

from ayneh.monitoring.fetch.urls import safe_link

BASE = "https://www.example.ir/fa/rss"


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(document.cookie)",
        " JavaScript:void(0)",
        "java\tscript:alert(1)",
        "\x01javascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "file:///etc/passwd",
        "mailto:editor@example.ir",
        "",
        "   ",
        None,
    ],
)
def test_it_drops_links_that_are_not_http_or_https(href: str | None) -> None:
    assert safe_link(href, base=BASE) is None


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("/fa/news/1", "https://www.example.ir/fa/news/1"),
        ("news/2", "https://www.example.ir/fa/news/2"),
        ("//cdn.example.ir/a.html", "https://cdn.example.ir/a.html"),
        ("http://other.example/x", "http://other.example/x"),
    ],
)
def test_it_resolves_relative_links_against_the_base(href: str, expected: str) -> None:
    assert safe_link(href, base=BASE) == expected


def test_without_a_base_a_relative_link_is_dropped() -> None:
    assert safe_link("/fa/news/1") is None
