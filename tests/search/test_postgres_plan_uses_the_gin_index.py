"""On PostgreSQL the search query filters through the GIN index, then sorts the hits by date.

Without the filter-first shape, ORDER BY published_at DESC LIMIT n invites the planner to walk every
document newest first and test each one against the query — fast for common words, a full scan for rare
ones. The plan is read with EXPLAIN on a table large enough for the planner to care.
"""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ayneh.search.backends.postgres import tsvector_literal
from ayneh.search.models import SearchDocument
from ayneh.search.selectors import search_documents
from ayneh.search.terms import index_tokens

pytestmark = pytest.mark.postgres

DOCUMENTS = 4000
RARE_EVERY = 500  # 8 documents carry the rare word
BASE_TIME = dt.datetime(2021, 3, 21, tzinfo=dt.UTC)
COMMON_TEXT = "گزارش عملکرد اداره کل تعاون، کار و رفاه اجتماعی در هفته {n} منتشر شد"


@pytest.fixture
def large_index(db: None) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the GIN index exists on PostgreSQL only")
    documents = SearchDocument.objects.bulk_create(
        SearchDocument(
            kind="release", key=f"r{n}", office_code="dg-khuzestan", published_at=BASE_TIME + dt.timedelta(hours=n)
        )
        for n in range(DOCUMENTS)
    )
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {SearchDocument._meta.db_table} SET vector = %s::tsvector WHERE id = %s",  # noqa: S608
            [
                (
                    tsvector_literal(index_tokens(COMMON_TEXT.format(n=n) + (" زلزله" if n % RARE_EVERY == 0 else ""))),
                    document.pk,
                )
                for n, document in enumerate(documents)
            ],
        )
        # Fresh statistics, as autovacuum keeps them (the index has no pending list: migration 0002).
        cursor.execute(f"ANALYZE {SearchDocument._meta.db_table}")


def _plan_of_search(query: str) -> str:
    with CaptureQueriesContext(connection) as captured:
        page = search_documents(query=query, limit=5)
    assert page.total == DOCUMENTS // RARE_EVERY
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + captured.captured_queries[0]["sql"])
        return "\n".join(row[0] for row in cursor.fetchall())


def test_a_rare_word_is_found_through_the_gin_index(large_index: None) -> None:
    plan = _plan_of_search("زلزله")

    assert "Bitmap Index Scan on search_document_vector_gin" in plan, plan
