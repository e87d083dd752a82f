"""An article that names an office in its text, without «به گزارش روابط عمومی ...», is linked to the office
(`OfficeMention`, once per article and office) and counts as that office's coverage not from a release on
the monitoring home — for that office, not for another province's."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ayneh.accounts.models import User
from ayneh.monitoring.models import OfficeMention, Outlet
from ayneh.monitoring.services import article_ingest
from ayneh.offices.models import Office
from ayneh.offices.services import offices_load
from tests.monitoring.factories import incoming_make

pytestmark = pytest.mark.django_db

NAMED_TITLE = "آغاز ثبت‌نام بیمه کارگران ساختمانی در اهواز"
NAMED_TEXT = (
    "اداره‌کل تعاون، کار و رفاه اجتماعی استان خوزستان اعلام کرد ثبت‌نام بیمه کارگران ساختمانی از شنبه در "
    "دفاتر پیشخوان شهرستان‌های اهواز، دزفول و آبادان آغاز می‌شود.\n"
    "متقاضیان باید کارت مهارت فنی و سابقه کار در کارگاه‌های ساختمانی را همراه داشته باشند."
)
NOTHING_TITLE = "بارش باران در جنوب غرب کشور"
NOTHING_TEXT = "بارش باران از عصر امروز در بیشتر نقاط جنوب غرب کشور آغاز شد و تا پایان هفته ادامه دارد."


def published() -> dt.datetime:
    return timezone.now() - dt.timedelta(hours=2)


def test_an_article_naming_the_khuzestan_directorate_mentions_it(irna: Outlet) -> None:
    offices_load()

    article = article_ingest(record=incoming_make(text=NAMED_TEXT, published=published()), outlet=irna).article

    assert article is not None
    assert article.source_office is None  # no credit line: only named
    mention = OfficeMention.objects.get(article=article)
    assert mention.office.code == "dg-khuzestan"
    assert mention.start is not None
    assert mention.end is not None
    assert NAMED_TEXT[mention.start : mention.end] == "اداره‌کل تعاون، کار و رفاه اجتماعی استان خوزستان"
    assert mention.text == NAMED_TEXT[mention.start : mention.end]


def test_an_article_naming_no_office_mentions_none(irna: Outlet) -> None:
    offices_load()

    article = article_ingest(record=incoming_make(text=NOTHING_TEXT, published=published()), outlet=irna).article

    assert article is not None
    assert not OfficeMention.objects.filter(article=article).exists()


def test_ingesting_the_same_article_again_adds_no_mention(irna: Outlet) -> None:
    offices_load()
    record = incoming_make(url="https://www.irna.ir/news/77001/", text=NAMED_TEXT, published=published())

    first = article_ingest(record=record, outlet=irna)
    again = article_ingest(record=record, outlet=irna)

    assert first.article is not None
    assert again.article is None  # stored once
    assert OfficeMention.objects.filter(office__code="dg-khuzestan").count() == 1


def test_the_home_lists_a_named_only_article_for_that_office_only(
    khuzestan: Office, fars: Office, khuzestan_head: User, fars_head: User, irna: Outlet
) -> None:
    offices_load()  # names and aliases of the two directorates as the registry writes them
    article_ingest(record=incoming_make(title=NAMED_TITLE, text=NAMED_TEXT, published=published()), outlet=irna)
    article_ingest(record=incoming_make(title=NOTHING_TITLE, text=NOTHING_TEXT, published=published()), outlet=irna)

    khuzestan_client = Client()
    khuzestan_client.force_login(khuzestan_head)
    page = khuzestan_client.get(reverse("monitoring:home")).content.decode()
    fars_client = Client()
    fars_client.force_login(fars_head)
    fars_page = fars_client.get(reverse("monitoring:home")).content.decode()
    export = khuzestan_client.get(reverse("monitoring:export", kwargs={"name": "mentions", "fmt": "csv"}))

    assert NAMED_TITLE in page
    assert "نام‌بردن" in page  # shown as a mention, not a credit
    assert NOTHING_TITLE not in page
    assert NAMED_TITLE not in fars_page
    csv = export.content.decode("utf-8-sig")
    assert NAMED_TITLE in csv
    assert "اداره‌کل تعاون، کار و رفاه اجتماعی استان خوزستان" in csv
    assert NOTHING_TITLE not in csv


def test_a_name_written_otherwise_than_the_registry_is_placed_where_the_text_writes_it(irna: Outlet) -> None:
    offices_load()
    text = (
        "مستمری‌بگیران در نشست روز گذشته خواستار افزایش مستمری شدند و مسئولان سازمان تامین اجتماعی "
        "وعده دادند پرداخت‌ها تا پایان ماه انجام شود."
    )

    article = article_ingest(record=incoming_make(text=text, published=published()), outlet=irna).article

    mention = OfficeMention.objects.get(article=article)
    assert mention.office.code == "org-tamin"  # the registry writes «تأمین», the text «تامین»
    assert mention.text == "سازمان تامین اجتماعی"
    assert text[mention.start : mention.end] == mention.text
