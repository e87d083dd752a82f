"""Search test helpers: index a small document in one line."""

import datetime as dt
from collections.abc import Callable

import pytest

from ayneh.search.services import search_document_upsert

# A fixed day, so "newest first" is decided by the hours the tests give.
BASE_TIME = dt.datetime(2021, 5, 22, 6, 0, tzinfo=dt.UTC)

IndexDocument = Callable[..., str]


@pytest.fixture
def index_document(db: None) -> IndexDocument:
    """`index_document("r1", "title", "body", hours=2, office_code="dg-fars")` → "r1", now searchable."""

    def make(
        key: str,
        title: str,
        body: str = "",
        *,
        hours: int = 0,
        office_code: str = "dg-khuzestan",
        kind: str = "release",
    ) -> str:
        search_document_upsert(
            kind=kind,
            key=key,
            office_code=office_code,
            title=title,
            body=body,
            published_at=BASE_TIME + dt.timedelta(hours=hours),
        )
        return key

    return make
