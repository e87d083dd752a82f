"""Documents enter, change in and leave the index through the two services; pages count correctly."""

import pytest

from ayneh.search.models import SearchDocument
from ayneh.search.selectors import search_documents
from ayneh.search.services import search_document_remove
from tests.search.conftest import IndexDocument


def test_it_replaces_a_document_when_it_is_indexed_again(index_document: IndexDocument) -> None:
    index_document("r1", "نشست شورای اداری", "متن نخست")
    index_document("r1", "بازدید از کارگاه", "متن اصلاح شده")

    assert search_documents(query="شورای").keys == []
    assert search_documents(query="کارگاه").keys == ["r1"]
    assert SearchDocument.objects.filter(key="r1").count() == 1


def test_a_removed_document_is_no_longer_found(index_document: IndexDocument) -> None:
    index_document("withdrawn", "خبر پس گرفته شده")
    index_document("kept", "خبر ماندگار")

    search_document_remove(kind="release", key="withdrawn")

    assert search_documents(query="خبر").keys == ["kept"]


def test_removing_an_unknown_document_is_harmless(db: None) -> None:
    search_document_remove(kind="release", key="never-indexed")


def test_kinds_do_not_mix(index_document: IndexDocument) -> None:
    index_document("r1", "همایش ملی")
    index_document("e1", "همایش ملی", kind="event")

    assert search_documents(query="همایش").keys == ["r1"]
    assert search_documents(query="همایش", kind="event").keys == ["e1"]


def test_it_pages_newest_first_and_counts_every_hit(index_document: IndexDocument) -> None:
    for hour in range(7):
        index_document(f"r{hour}", f"گزارش شماره {hour}", hours=hour)

    first = search_documents(query="گزارش", limit=3)
    third = search_documents(query="گزارش", limit=3, offset=6)
    beyond = search_documents(query="گزارش", limit=3, offset=30)

    assert first.keys == ["r6", "r5", "r4"]
    assert first.total == 7
    assert third.keys == ["r0"]
    assert third.total == 7
    assert beyond.keys == []
    assert beyond.total == 7


@pytest.mark.parametrize("limit", [0, -5])
def test_a_nonsense_limit_still_returns_a_page(index_document: IndexDocument, limit: int) -> None:
    index_document("r1", "گزارش")

    assert search_documents(query="گزارش", limit=limit).keys == ["r1"]
