"""On SQLite a search for a common kind walks FTS5's hits newest first and tests each hit's kind with a
probe into the (sort_key, kind) index, never reading the document row and never sorting: that is what
keeps the walk cheap at 1M documents (ayneh.search.backends.sqlite_fts5). A rare kind is intersected by
FTS5 as a facet term. The plans are read with EXPLAIN QUERY PLAN."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ayneh.search.backends import sqlite_fts5
from ayneh.search.backends.sqlite_fts5 import FTS_TABLE, forget_term_sample
from ayneh.search.selectors import search_documents
from ayneh.search.services import DocumentText, search_documents_upsert

BASE_TIME = dt.datetime(2022, 3, 21, tzinfo=dt.UTC)


@pytest.fixture
def articles_and_a_few_releases(db: None) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("the FTS5 table exists on SQLite only")
    for kind, count in (("article", 300), ("release", 10)):
        search_documents_upsert(
            kind=kind,
            documents=[
                DocumentText(
                    key=f"{kind}-{n}",
                    title="",
                    body=f"گزارش عملکرد اداره کل تعاون در هفته {n}",
                    published_at=BASE_TIME + dt.timedelta(hours=n),
                )
                for n in range(count)
            ],
        )
    forget_term_sample()


def _search_plans(kind: str, walk: str) -> list[str]:
    """EXPLAIN QUERY PLAN of every FTS5 query a search for «گزارش» ran, after checking that it read the
    hits the way `walk` says (a checked walk reads their tokens)."""
    with CaptureQueriesContext(connection) as captured:
        page = search_documents(query="گزارش", kind=kind, limit=5)
    assert page.keys == [f"{kind}-{n}" for n in range(299 if kind == "article" else 9, -1, -1)][:5]
    statements = [query["sql"] for query in captured.captured_queries if f"{FTS_TABLE} MATCH" in query["sql"]]
    assert any("tokens FROM" in sql for sql in statements) == (walk == "checked walk"), statements
    plans = []
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute("EXPLAIN QUERY PLAN " + sql)
            plans.append("\n".join(str(row[-1]) for row in cursor.fetchall()))
    return plans


@pytest.fixture(params=["FTS5 alone", "checked walk"])
def walk(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways a search reads FTS5's hits: at this scale «گزارش» is left to FTS5; with the threshold
    scaled down it is a long prefix word in every document, looked up by «گزا» and checked on the rows."""
    if request.param == "checked walk":
        monkeypatch.setattr(sqlite_fts5, "SMALL_POSTINGS", 50)
    return request.param


def test_a_common_kind_is_tested_in_the_index_without_reading_rows_or_sorting(
    articles_and_a_few_releases: None, walk: str
) -> None:
    for plan in _search_plans("article", walk):
        assert "USING COVERING INDEX search_document_sort_key_kind" in plan, plan
        assert "TEMP B-TREE" not in plan, plan


def test_a_rare_kind_is_intersected_by_fts5(articles_and_a_few_releases: None, walk: str) -> None:
    for plan in _search_plans("release", walk):
        assert "search_searchdocument" not in plan, plan
        assert "TEMP B-TREE" not in plan, plan
