"""The article search page as the personas use it: results newest first with matched words marked, the
office filter limited to their offices, a Persian error for an impossible Jalali date, htmx fragments,
and the result list as CSV and Excel."""

import datetime as dt
import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from ayneh.accounts.models import User
from ayneh.monitoring.models import Outlet
from ayneh.monitoring.services import article_ingest
from ayneh.offices.models import Office
from tests.monitoring.factories import incoming_make

pytestmark = pytest.mark.django_db

DAY = dt.datetime(2021, 5, 22, 7, 30, tzinfo=dt.UTC)  # 1 Khordad 1400, noon in Tehran
URL = "/monitoring/search/"


@pytest.fixture
def articles(irna: Outlet, rah_baharestan: Outlet) -> dict[str, int]:
    texts = {
        "new": (
            "بیمه کارگران ساختمانی خوزستان",
            "بیمه كارگران ساختمانی در استان خوزستان گسترش یافت.",
            rah_baharestan,
            DAY,
        ),
        "old": ("تجلیل از کارگران نمونه", "کارگران نمونه کشور در تهران تجلیل شدند.", irna, DAY - dt.timedelta(days=30)),
    }
    ids = {}
    for name, (title, text, outlet, published) in texts.items():
        outcome = article_ingest(record=incoming_make(title=title, text=text, published=published), outlet=outlet)
        assert outcome.article is not None
        ids[name] = outcome.article.pk
    return ids


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_anonymous_visitors_are_sent_to_sign_in(client: Client) -> None:
    for url in (URL, reverse("monitoring:search-export", kwargs={"fmt": "csv"})):
        response = client.get(url, {"q": "کارگر"})
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_results_are_newest_first_with_matched_words_marked(articles: dict[str, int], khuzestan_head: User) -> None:
    assert reverse("monitoring:search") == URL
    page = signed_in(khuzestan_head).get(URL, {"q": "کارگر"}).content.decode()

    assert page.index("بیمه") < page.index("تجلیل")
    # The original spelling (Arabic ك) is shown, marked because it folds to the query's word.
    assert "<mark>كارگران</mark>" in page
    assert "<mark>کارگران</mark>" in page


def test_an_impossible_jalali_date_is_a_persian_form_error(articles: dict[str, int], khuzestan_head: User) -> None:
    page = signed_in(khuzestan_head).get(URL, {"q": "کارگر", "date_from": "1402/12/30"}).content.decode()

    assert "۳۰ اسفند ۱۴۰۲ وجود ندارد" in page
    assert "<mark>" not in page


def test_a_reversed_date_range_is_refused(articles: dict[str, int], khuzestan_head: User) -> None:
    page = (
        signed_in(khuzestan_head)
        .get(URL, {"q": "کارگر", "date_from": "1400/03/05", "date_to": "1400/03/01"})
        .content.decode()
    )

    assert "<mark>" not in page
    assert 'role="alert"' in page


def test_a_jalali_date_range_narrows_the_results(articles: dict[str, int], khuzestan_head: User) -> None:
    page = (
        signed_in(khuzestan_head)
        .get(URL, {"q": "کارگر", "date_from": "۱۴۰۰/۰۳/۰۱", "date_to": "۱۴۰۰/۰۳/۰۱"})
        .content.decode()
    )

    assert "بیمه" in page
    assert "تجلیل" not in page


def test_the_office_filter_offers_only_the_persons_offices(
    articles: dict[str, int], khuzestan_head: User, khuzestan: Office, fars: Office
) -> None:
    client = signed_in(khuzestan_head)
    page = client.get(URL).content.decode()
    assert 'value="dg-khuzestan"' in page
    assert 'value="dg-fars"' not in page

    refused = client.get(URL, {"q": "کارگر", "office": "dg-fars"}).content.decode()
    assert "<mark>" not in refused
    assert 'role="alert"' in refused


def test_an_htmx_request_gets_only_the_results(articles: dict[str, int], khuzestan_head: User) -> None:
    fragment = signed_in(khuzestan_head).get(URL, {"q": "کارگر"}, headers={"HX-Request": "true"}).content.decode()

    assert fragment.lstrip().startswith('<section id="search-results"')
    assert "<html" not in fragment


def test_the_results_download_as_csv_and_excel(articles: dict[str, int], khuzestan_head: User) -> None:
    client = signed_in(khuzestan_head)
    csv_response = client.get(reverse("monitoring:search-export", kwargs={"fmt": "csv"}), {"q": "کارگر"})
    text = csv_response.content.decode("utf-8-sig")
    assert text.index("بیمه کارگران ساختمانی خوزستان") < text.index("تجلیل از کارگران نمونه")

    xlsx = client.get(reverse("monitoring:search-export", kwargs={"fmt": "xlsx"}), {"q": "بیمه"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    titles = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert titles == ["بیمه کارگران ساختمانی خوزستان"]

    assert client.get(reverse("monitoring:search-export", kwargs={"fmt": "pdf"})).status_code == 404
