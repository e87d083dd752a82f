"""The seed article, ingested against the office registry loaded into the database, is credited to the PR
office of Khuzestan's directorate-general (despite «تعان,کار» and «روابط عموی»), and its people and
quotes are stored for «چه کسی چه گفت»."""

import datetime as dt
from pathlib import Path

import pytest

from ayneh.monitoring.models import Mention, Outlet, Quote
from ayneh.monitoring.services import article_ingest
from ayneh.offices.services import offices_load
from tests.monitoring.factories import incoming_make

pytestmark = pytest.mark.django_db

PUBLISHED = dt.datetime(2021, 5, 23, 5, 0, tzinfo=dt.UTC)


def test_the_seed_article_is_credited_to_khuzestans_directorate(shared_data: Path, rah_baharestan: Outlet) -> None:
    offices_load()
    text = (shared_data / "seed-article.fa.txt").read_text(encoding="utf-8")

    outcome = article_ingest(record=incoming_make(text=text, published=PUBLISHED), outlet=rah_baharestan)

    article = outcome.article
    assert article is not None
    assert article.source_office is not None
    assert article.source_office.code == "dg-khuzestan"
    assert article.attribution_text.startswith("به گزارش راه بهارستان")
    assert article.attribution_start is not None
    assert article.attribution_end is not None
    assert text[article.attribution_start : article.attribution_end] == article.attribution_text
    assert article.analysis["source_office_code"] == "dg-khuzestan"
    assert article.analysis["outlet"] == "راه بهارستان"


def test_the_seed_articles_people_and_quotes_are_stored(shared_data: Path, rah_baharestan: Outlet) -> None:
    offices_load()
    text = (shared_data / "seed-article.fa.txt").read_text(encoding="utf-8")

    article = article_ingest(record=incoming_make(text=text, published=PUBLISHED), outlet=rah_baharestan).article

    names = set(Mention.objects.filter(article=article).values_list("name", flat=True))
    assert {"حسن نسیمی", "محمد شریعتمداری"} <= names
    quotes = Quote.objects.filter(article=article)
    assert quotes.count() >= 7
    assert set(quotes.values_list("speaker", flat=True)) == {"حسن نسیمی"}
    assert all(text[q.start : q.end] == q.text for q in quotes)
    # The role as the article writes it, typo and all («رئیس روابط عموی ...»).
    assert {q.speaker_role.split()[0] for q in quotes} == {"رئیس"}
