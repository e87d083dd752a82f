"""canonical_url: one key for one page however its link was written; non-http(s) links get no key."""

from __future__ import annotations

import pytest

from ayneh.monitoring.fetch.errors import URLRefused
from ayneh.monitoring.fetch.urls import canonical_url

PAGE = "https://www.isna.ir/news/98030903723/%DA%A9%D8%A7%D8%B1%D8%B4%D9%86%D8%A7%D8%B3%DB%8C"


@pytest.mark.parametrize(
    "written",
    [
        PAGE,
        "HTTPS://WWW.ISNA.IR/news/98030903723/کارشناسی",
        "https://www.isna.ir:443/news/98030903723/%da%a9%d8%a7%d8%b1%d8%b4%d9%86%d8%a7%d8%b3%db%8c",
        PAGE + "#comments",
        PAGE + "?utm_source=telegram&utm_medium=social",
        PAGE + "?fbclid=abc123",
        "  " + PAGE + "\n",
    ],
)
def test_links_to_the_same_page_share_one_key(written: str) -> None:
    assert canonical_url(written) == PAGE


def test_it_sorts_the_query_and_keeps_the_parameters_that_choose_the_page() -> None:
    assert (
        canonical_url("http://example.com/news?id=7&utm_campaign=x&cat=2&page=")
        == "http://example.com/news?cat=2&id=7&page="
    )


def test_a_persian_query_value_is_percent_encoded_the_same_way_whether_written_raw_or_escaped() -> None:
    assert canonical_url("http://example.com/search?q=خبر") == canonical_url(
        "http://example.com/search?q=%D8%AE%D8%A8%D8%B1"
    )


def test_an_empty_path_is_the_root_and_a_non_default_port_is_kept() -> None:
    assert canonical_url("http://Example.com") == "http://example.com/"
    assert canonical_url("http://example.com:8080/a") == "http://example.com:8080/a"


def test_unreserved_characters_are_unescaped_and_a_stray_percent_is_escaped() -> None:
    assert canonical_url("http://example.com/%7Euser/a%41b/100%") == "http://example.com/~user/aAb/100%25"


def test_an_internationalised_host_gets_the_key_of_its_punycode_form() -> None:
    key = canonical_url("http://خبر.example/")

    assert key.isascii()
    assert key.startswith("http://xn--")
    assert canonical_url(key.upper().replace("HTTP://", "http://")) == key


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "/news/1", "mailto:a@b.c"])
def test_a_link_that_may_not_be_fetched_has_no_key(url: str) -> None:
    with pytest.raises(URLRefused):
        canonical_url(url)
