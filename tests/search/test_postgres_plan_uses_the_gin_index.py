"""On PostgreSQL a rare query filters through the GIN index; a common one walks the sort_key index newest
first and stops after the page.

PostgreSQL's planner picks between the two on its own selectivity guess, and at 1M documents it walked
the primary key backwards for rare words (~700 ms); the backend decides from the column statistics and
writes each path in a shape the planner cannot swap. The plans are read with EXPLAIN on a table large
enough for the planner to care.
"""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ayneh.search.backends.postgres import forget_lexeme_statistics, lexeme_statistics
from ayneh.search.selectors import search_documents
from ayneh.search.services import DocumentText, search_documents_upsert

pytestmark = pytest.mark.postgres

DOCUMENTS = 4000
RARE_EVERY = 500  # 8 documents carry the rare word
BASE_TIME = dt.datetime(2021, 3, 21, tzinfo=dt.UTC)
COMMON_TEXT = "گزارش عملکرد اداره کل تعاون، کار و رفاه اجتماعی در هفته {n} منتشر شد"


@pytest.fixture
def large_index(db: None) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the GIN index exists on PostgreSQL only")
    search_documents_upsert(
        kind="release",
        documents=[
            DocumentText(
                key=f"r{n}",
                title="",
                body=COMMON_TEXT.format(n=n) + (" زلزله" if n % RARE_EVERY == 0 else ""),
                published_at=BASE_TIME + dt.timedelta(minutes=3 * n),
            )
            for n in range(DOCUMENTS)
        ],
    )
    with connection.cursor() as cursor:
        # Fresh statistics, as autovacuum keeps them (the index has no pending list: migration 0002).
        cursor.execute("ANALYZE search_searchdocument")
    forget_lexeme_statistics()


def _plans_of_search(query: str, expected_total: int | None) -> list[str]:
    """EXPLAIN of each query the search ran; `expected_total` None means "more than one page, counted in
    part" (a walked page counts among the newest documents only)."""
    lexeme_statistics()  # read (and cached) first: only the search's own queries are captured
    with CaptureQueriesContext(connection) as captured:
        page = search_documents(query=query, limit=5)
    if expected_total is None:
        assert not page.total_exact
        assert page.total > 5
    else:
        assert (page.total, page.total_exact) == (expected_total, True)
    plans = []
    with connection.cursor() as cursor:
        for captured_query in captured.captured_queries:
            if "search_searchdocument" in captured_query["sql"] and "pg_" not in captured_query["sql"]:
                cursor.execute("EXPLAIN " + captured_query["sql"])
                plans.append("\n".join(row[0] for row in cursor.fetchall()))
    return plans


def test_a_rare_word_is_found_through_the_gin_index(large_index: None) -> None:
    plans = _plans_of_search("زلزله", DOCUMENTS // RARE_EVERY)

    assert plans
    assert all("Bitmap Index Scan on search_document_vector_gin" in plan for plan in plans), plans


def test_a_common_word_walks_newest_first_and_stops(large_index: None) -> None:
    plans = _plans_of_search("گزارش", None)

    assert plans
    assert "Index Scan Backward" in plans[0], plans[0]
    assert "search_document_vector_gin" not in plans[0], plans[0]
