"""Publication time and canonical address come from the page's own metadata, Jalali values included."""

from __future__ import annotations

import datetime as dt

import pytest

from ayneh.monitoring.fetch.extract import extract_article

UTC = dt.UTC


@pytest.mark.parametrize(
    ("name", "published", "canonical_start"),
    [
        # article:published_time, ISO with Z
        (
            "www.isna.ir__1558105248971.html",
            dt.datetime(2019, 5, 29, 19, 50, 37, tzinfo=UTC),
            "https://www.isna.ir/news/98030903723/",
        ),
        # only in JSON-LD; og:url is relative
        (
            "www.tasnimnews.com__1558105248971.html",
            dt.datetime(2019, 5, 20, 18, 23, tzinfo=UTC),
            "https://www.tasnimnews.com/fa/news/1398/02/30/2015910/",
        ),
        # «۱۳۹۸/۰۲/۱۲ - ۱۶:۱۲» in a meta's value attribute: Jalali, Tehran time (+04:30 in May 2019)
        (
            "www.yjc.ir__1558105248971.html",
            dt.datetime(2019, 5, 2, 11, 42, tzinfo=UTC),
            "http://www.yjc.ir/fa/news/6919119",
        ),
    ],
)
def test_it_reads_the_time_and_address_the_page_gives(pages_dir, name, published, canonical_start) -> None:
    site = "https://" + name.split("__")[0] + "/"

    extracted = extract_article((pages_dir / name).read_text(encoding="utf-8"), url=site)

    assert extracted.published == published
    assert (extracted.canonical_url or "").startswith(canonical_start)


def test_a_javascript_canonical_link_is_ignored_for_the_page_url() -> None:
    page = (
        '<html><head><link rel="canonical" href="javascript:alert(1)"></head><body><article>'
        + "<p>"
        + "متن خبر درباره نشست خبری روابط عمومی استان. " * 20
        + "</p></article></body></html>"
    )

    assert extract_article(page, url="https://news.example/a/1").canonical_url == "https://news.example/a/1"
