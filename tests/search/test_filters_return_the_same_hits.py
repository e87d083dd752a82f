"""Articles with facets and publication times, and a table of queries with filters and the exact hits they
must return, newest first. Like test_backends_return_the_same_hits, the suite runs on SQLite (FTS5) and on
PostgreSQL, so every row holds on both: the two backends return the same hits with filters too.

The documents are indexed in an order that is not their time order (as archives arrive), so the order of
the hits comes from the time-ordered sort key, not from insertion.
"""

import datetime as dt

import pytest

from ayneh.search.selectors import COUNT_CAP, search_documents
from ayneh.search.services import DocumentText, search_documents_upsert
from ayneh.search.terms import facet

BASE = dt.datetime(2021, 5, 22, 6, 0, tzinfo=dt.UTC)

# key, hours after BASE, text, offices, provinces, tier
CORPUS = [
    ("a-khuzestan", 5, "بیمه کارگران ساختمانی خوزستان", ["ministry", "dg-khuzestan"], ["خوزستان"], "provincial"),
    ("a-fars", 1, "بیمه کارگران فارس گسترش یافت", ["ministry", "dg-fars"], ["فارس"], "news_agency"),
    ("a-national", 3, "گزارش وزیر درباره بیمه کارگران", ["ministry"], [], "national"),
    (
        "a-both",
        2,
        "نشست مدیران کل خوزستان و فارس",
        ["ministry", "dg-fars", "dg-khuzestan"],
        ["خوزستان", "فارس"],
        "local",
    ),
    ("a-old", -48, "بیمه کارگران نمونه سال گذشته", ["ministry", "dg-fars"], ["فارس"], "news_agency"),
]


@pytest.fixture
def articles(db: None) -> None:
    for key, hours, text, offices, provinces, tier in CORPUS:
        facets = [facet("o", o) for o in offices] + [facet("p", p) for p in provinces] + [facet("t", tier)]
        search_documents_upsert(
            kind="article",
            documents=[
                DocumentText(key=key, title=text, body="", published_at=BASE + dt.timedelta(hours=hours), facets=facets)
            ],
        )
    # A release with the same words must never show among articles (the kind is a facet too).
    search_documents_upsert(
        kind="release",
        documents=[DocumentText(key="r1", title="بیمه کارگران", body="", published_at=BASE + dt.timedelta(hours=9))],
    )


def o(code: str) -> str:
    return facet("o", code)


@pytest.mark.parametrize(
    ("query", "groups", "since_hours", "until_hours", "expected"),
    [
        ("بیمه", [], None, None, ["a-khuzestan", "a-national", "a-fars", "a-old"]),
        ("بیمه", [[o("dg-fars")]], None, None, ["a-fars", "a-old"]),
        ("بیمه", [[o("ministry")]], None, None, ["a-khuzestan", "a-national", "a-fars", "a-old"]),
        ("خوزستان", [[o("dg-fars"), o("dg-khuzestan")]], None, None, ["a-khuzestan", "a-both"]),
        ("خوزستان", [[o("dg-fars")], [facet("p", "خوزستان")]], None, None, ["a-both"]),
        # Province values fold like text: Arabic ي in the filter.
        ("نشست", [[facet("p", "خوزستان")]], None, None, ["a-both"]),
        ("بیمه", [[facet("t", "news_agency")]], None, None, ["a-fars", "a-old"]),
        ("بیمه", [[facet("t", "news_agency"), facet("t", "national")]], None, None, ["a-national", "a-fars", "a-old"]),
        # Dates: since inclusive, until exclusive, whole hours here.
        ("بیمه", [], 1, 5, ["a-national", "a-fars"]),
        ("بیمه", [], 0, None, ["a-khuzestan", "a-national", "a-fars"]),
        ("بیمه", [], None, 0, ["a-old"]),
        ("بیمه", [[o("dg-fars")]], 0, 24, ["a-fars"]),
        ("بیمه", [], 5, 1, []),
        # An unknown facet value and an empty group find nothing.
        ("بیمه", [[o("dg-tehran")]], None, None, []),
        ("بیمه", [[]], None, None, []),
        # A facet is not a word: typing it finds nothing.
        ("o_dg_fars", [], None, None, []),
    ],
)
def test_each_filtered_query_returns_exactly_its_hits_newest_first(
    articles: None,
    query: str,
    groups: list[list[str]],
    since_hours: int | None,
    until_hours: int | None,
    expected: list[str],
) -> None:
    page = search_documents(
        query=query,
        kind="article",
        facets=groups,
        since=BASE + dt.timedelta(hours=since_hours) if since_hours is not None else None,
        until=BASE + dt.timedelta(hours=until_hours) if until_hours is not None else None,
    )

    assert page.keys == expected
    assert page.total == len(expected)
    assert page.total_exact


def test_pages_and_totals_agree(articles: None) -> None:
    first = search_documents(query="بیمه", kind="article", limit=3)
    rest = search_documents(query="بیمه", kind="article", limit=3, offset=3)

    assert first.keys + rest.keys == ["a-khuzestan", "a-national", "a-fars", "a-old"]
    assert first.total == rest.total == 4
    assert search_documents(query="بیمه", kind="article", limit=3, offset=COUNT_CAP).keys == []
