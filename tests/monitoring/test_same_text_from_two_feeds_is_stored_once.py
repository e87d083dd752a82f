"""The same article text arriving from two feeds of one outlet, under two addresses and in two spellings
(Arabic ي/ك, another digit set, a ZWNJ dropped or typed as a space), is stored once; another outlet carrying the same words keeps its
own copy, because a pickup is counted per outlet."""

import pytest

from ayneh.monitoring.models import Article, Outlet, Source, SourceKind
from ayneh.monitoring.services import article_ingest
from tests.monitoring.factories import incoming_make, outlet_make

pytestmark = pytest.mark.django_db

TEXT = "به گزارش ایرنا، مدیرکل تعاون استان گفت: ۱۲ کارگاه می‌توانند تا پایان سال ۱۴۰۰ راه‌اندازی شوند."
SAME_TEXT_OTHER_SPELLING = (
    "به گزارش ايرنا، مديركل تعاون استان گفت: 12 كارگاه ميتوانند تا پايان سال 1400 راه اندازي شوند."
)


def test_it_stores_one_outlets_text_once_whatever_feed_it_came_from(irna: Outlet) -> None:
    national = Source.objects.create(outlet=irna, kind=SourceKind.FEED, url="https://www.irna.ir/rss")
    provincial = Source.objects.create(outlet=irna, kind=SourceKind.FEED, url="https://khuzestan.irna.ir/rss")

    first = article_ingest(record=incoming_make(url="https://www.irna.ir/news/1", text=TEXT), source=national)
    second = article_ingest(
        record=incoming_make(url="https://khuzestan.irna.ir/news/77", text=SAME_TEXT_OTHER_SPELLING), source=provincial
    )

    assert first.article is not None
    assert second.duplicate
    assert second.article is None
    assert Article.objects.count() == 1
    assert Article.objects.get().source == national


def test_it_keeps_a_copy_per_outlet(irna: Outlet) -> None:
    other = outlet_make(name="ایسنا")
    article_ingest(record=incoming_make(url="https://www.irna.ir/news/1", text=TEXT), outlet=irna)
    copy = article_ingest(record=incoming_make(url="https://www.isna.ir/news/9", text=TEXT), outlet=other)

    assert copy.article is not None
    assert Article.objects.count() == 2
    assert len(set(Article.objects.values_list("version_group", flat=True))) == 1
