"""An article reached twice through its address — as written, or with tracking parameters, a fragment or an
upper-case host — is stored once."""

import pytest

from ayneh.monitoring.models import Article, Outlet
from ayneh.monitoring.services import article_ingest
from tests.monitoring.factories import incoming_make

pytestmark = pytest.mark.django_db

TEXT = "به گزارش ایرنا، مدیرکل تعاون استان از سه کارگاه تولیدی بازدید کرد و گفت: تولید امسال دو برابر شد."


def test_it_stores_the_same_address_once(irna: Outlet) -> None:
    first = article_ingest(record=incoming_make(url="https://www.irna.ir/news/1001", text=TEXT), outlet=irna)
    again = article_ingest(record=incoming_make(url="https://www.irna.ir/news/1001", text=TEXT), outlet=irna)

    assert first.article is not None
    assert not first.duplicate
    assert again.article is None
    assert again.duplicate
    assert Article.objects.count() == 1


def test_it_treats_tracking_parameters_fragment_and_host_case_as_one_address(irna: Outlet) -> None:
    article_ingest(record=incoming_make(url="https://www.irna.ir/news/1001?b=2&a=1", text=TEXT), outlet=irna)
    edited = TEXT + " این خبر به‌روز شد."  # a changed text does not make the same page a new article
    again = article_ingest(
        record=incoming_make(url="https://WWW.IRNA.IR/news/1001?a=1&utm_source=t&b=2#top", text=edited), outlet=irna
    )

    assert again.duplicate
    assert Article.objects.get().text == TEXT
