"""Stored articles are searchable at once, with the filters the search page offers; the index is written in
the chunk's transaction, and `reindex_articles` rebuilds it."""

import datetime as dt
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ayneh.monitoring.models import Outlet, OutletTier
from ayneh.monitoring.search import SEARCH_KIND, article_search, articles_index
from ayneh.monitoring.services import article_ingest, chunk_prepare, chunk_store
from ayneh.offices.services import offices_load
from ayneh.search.models import SearchDocument
from ayneh.search.services import search_documents_remove
from tests.monitoring.factories import incoming_make

pytestmark = pytest.mark.django_db

# 1 Khordad 1400 (2021-05-22) and the days around it, at noon in Tehran.
DAY = dt.datetime(2021, 5, 22, 7, 30, tzinfo=dt.UTC)


@pytest.fixture
def corpus(shared_data: Path, rah_baharestan: Outlet, irna: Outlet) -> dict[str, int]:
    """The seed article (Khuzestan's directorate, a provincial outlet) and three national agency stories."""
    offices_load()
    seed = (shared_data / "seed-article.fa.txt").read_text(encoding="utf-8")
    records = {
        "seed": (seed, rah_baharestan, DAY + dt.timedelta(days=1)),
        "insurance": ("بیمه کارگران ساختمانی در استان فارس گسترش یافت و کارگران بیشتری بیمه شدند.", irna, DAY),
        "fair": (
            "نمایشگاه تعاونی‌ها در شیراز گشایش یافت؛ کارگران و کارآفرینان از آن بازدید کردند.",
            irna,
            DAY - dt.timedelta(days=1),
        ),
        "old": ("گزارش کارگران نمونه در سال گذشته منتشر شد.", irna, DAY - dt.timedelta(days=400)),
    }
    ids = {}
    for name, (text, outlet, published) in records.items():
        outcome = article_ingest(record=incoming_make(text=text, published=published), outlet=outlet)
        assert outcome.article is not None
        ids[name] = outcome.article.pk
    return ids


def _found(**kwargs: object) -> list[int]:
    return [article.pk for article in article_search(**kwargs).articles]  # type: ignore[arg-type]


def test_stored_articles_are_found_newest_first(corpus: dict[str, int]) -> None:
    assert _found(query="کارگران", tier=OutletTier.NEWS_AGENCY) == [corpus["insurance"], corpus["fair"], corpus["old"]]
    assert _found(query="كارگران بيمه") == [corpus["insurance"]]  # Arabic ي/ك typed: folded alike
    everything = article_search(query="در")
    assert [a.seen_at for a in everything.articles] == sorted((a.seen_at for a in everything.articles), reverse=True)


def test_the_office_filter_finds_credited_articles_and_a_parent_office_finds_them_too(corpus: dict[str, int]) -> None:
    assert _found(query="نسیمی", office="dg-khuzestan") == [corpus["seed"]]
    assert _found(query="نسیمی", office="ministry") == [corpus["seed"]]
    assert _found(query="نسیمی", office="dg-fars") == []
    assert _found(query="نسیمی", office=["dg-fars", "dg-khuzestan"]) == [corpus["seed"]]


def test_province_tier_and_outlet_filters(corpus: dict[str, int], rah_baharestan: Outlet, irna: Outlet) -> None:
    assert _found(query="گزارش", province="خوزستان") == [corpus["seed"]]
    # Arabic letters in the filter fold like the text does.
    assert _found(query="کارگران", province="فارس") == [corpus["insurance"]]
    assert _found(query="گزارش", tier=OutletTier.PROVINCIAL) == [corpus["seed"]]
    assert _found(query="گزارش", tier=OutletTier.NEWS_AGENCY) == [corpus["old"]]
    assert _found(query="گزارش", outlet=irna.pk) == [corpus["old"]]
    assert _found(query="گزارش", outlet=rah_baharestan.pk) == [corpus["seed"]]


def test_a_date_range_is_inclusive_days_in_iran(corpus: dict[str, int]) -> None:
    day = dt.date(2021, 5, 22)
    assert _found(query="کارگران", date_from=day, date_to=day) == [corpus["insurance"]]
    assert _found(query="کارگران", date_from=day - dt.timedelta(days=1), date_to=day) == [
        corpus["insurance"],
        corpus["fair"],
    ]
    assert _found(query="کارگران", date_to=day - dt.timedelta(days=2)) == [corpus["old"]]
    assert _found(query="کارگران", date_from=day + dt.timedelta(days=1), date_to=day) == []


def test_a_chunk_is_indexed_in_a_fixed_number_of_queries(irna: Outlet) -> None:
    def indexing_queries(count: int) -> int:
        records = [incoming_make(published=DAY) for _ in range(count)]
        items = chunk_prepare(records, first_position=None, default_outlet_id=irna.pk)
        result = chunk_store(items=items)
        with CaptureQueriesContext(connection) as captured:
            articles_index(result.articles)
        return len(captured.captured_queries)

    assert indexing_queries(2) == indexing_queries(20)
    assert SearchDocument.objects.filter(kind=SEARCH_KIND).count() == 22


def test_reindex_rebuilds_a_lost_article_index(corpus: dict[str, int]) -> None:
    search_documents_remove(kind=SEARCH_KIND)
    assert _found(query="نسیمی") == []

    call_command("reindex_articles", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert _found(query="نسیمی") == [corpus["seed"]]
    assert SearchDocument.objects.filter(kind=SEARCH_KIND).count() == len(corpus)


def test_an_office_the_article_only_mentions_is_a_filter_too(irna: Outlet) -> None:
    offices_load()
    text = "مدیرکل تعاون، کار و رفاه اجتماعی استان فارس در نشست با اداره کل تعاون، کار و رفاه اجتماعی استان فارس گفت: بیمه کارگران ساختمانی ادامه دارد."
    outcome = article_ingest(record=incoming_make(text=text, published=DAY), outlet=irna)
    assert outcome.article is not None

    assert _found(query="بیمه", office="dg-fars") == [outcome.article.pk]
    assert _found(query="بیمه", office="dg-khuzestan") == []
