"""The public search page: Persian variants find published releases; nothing else is ever shown."""

import pytest
from django.test import Client

from ayneh.newsroom.models import Release
from ayneh.offices.models import Office
from ayneh.public.views import PAGE_SIZE
from tests.public.conftest import DraftRelease, PublishRelease

ZWNJ = "\u200c"


@pytest.fixture
def releases(khuzestan: Office, fars: Office, publish_release: PublishRelease) -> dict[str, Release]:
    return {
        "khuzestan": publish_release(
            khuzestan, "ویدئوکنفرانس وزیر با مدیران کل", body="<p>آمار بیمه" + ZWNJ + "شدگان در سال ۱۴۰۰</p>"
        ),
        "fars": publish_release(fars, "بیمه کارگران ساختمانی فارس", lead="بیمه ۱۲۰۰ کارگر"),
    }


@pytest.mark.parametrize(
    "query", ["ويدئوكنفرانس", "بيمهشدگان", "بیمه" + ZWNJ + "شدگان", "1400 بیمه", "١٤٠٠", "وزیـــر"]
)
def test_persian_variants_find_the_release(client: Client, releases: dict[str, Release], query: str) -> None:
    html = client.get("/search/", {"q": query}).content.decode()

    assert "ویدئوکنفرانس وزیر با مدیران کل" in html
    assert "بیمه کارگران ساختمانی فارس" not in html


def test_the_office_filter_keeps_one_offices_releases(client: Client, releases: dict[str, Release]) -> None:
    everywhere = client.get("/search/", {"q": "بیمه"}).content.decode()
    in_fars = client.get("/search/", {"q": "بیمه", "office": "dg-fars"}).content.decode()

    assert "۲ خبر یافت شد" in everywhere
    assert "بیمه کارگران ساختمانی فارس" in in_fars
    assert "ویدئوکنفرانس وزیر با مدیران کل" not in in_fars


def test_drafts_and_withdrawn_releases_are_never_found(
    client: Client,
    khuzestan: Office,
    draft_release: DraftRelease,
    publish_release: PublishRelease,
    withdraw_release: object,
) -> None:
    draft_release(khuzestan, "گزارش محرمانه پیش‌نویس")
    withdrawn = publish_release(khuzestan, "گزارش پس گرفته شده")
    assert "گزارش پس گرفته شده" in client.get("/search/", {"q": "گزارش"}).content.decode()

    withdraw_release(withdrawn)  # type: ignore[operator]
    html = client.get("/search/", {"q": "گزارش"}).content.decode()

    assert "گزارش پس گرفته شده" not in html
    assert "گزارش محرمانه پیش‌نویس" not in html
    assert "هیچ خبر منتشرشده" in html


@pytest.mark.parametrize("query", ['"', "NEAR(", "*", "-", "'; DROP TABLE x; --", "\x00", "ـ" * 300])
def test_hostile_queries_get_a_page_not_an_error(client: Client, releases: dict[str, Release], query: str) -> None:
    assert client.get("/search/", {"q": query}).status_code == 200


def test_an_unknown_office_is_a_form_error_not_a_crash(client: Client, releases: dict[str, Release]) -> None:
    response = client.get("/search/", {"q": "بیمه", "office": "dg-atlantis"})

    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()


def test_an_htmx_request_gets_only_the_results_fragment(client: Client, releases: dict[str, Release]) -> None:
    html = client.get("/search/", {"q": "بیمه"}, headers={"HX-Request": "true"}).content.decode()

    assert html.lstrip().startswith('<section id="search-results"')
    assert "<html" not in html
    assert "بیمه کارگران ساختمانی فارس" in html


def test_results_are_paged_keeping_the_query(
    client: Client, khuzestan: Office, publish_release: PublishRelease
) -> None:
    for n in range(PAGE_SIZE + 2):
        publish_release(khuzestan, f"نشست شماره {n}")

    first = client.get("/search/", {"q": "نشست"}).content.decode()
    past_the_end = client.get("/search/", {"q": "نشست", "page": "9"}).content.decode()

    assert "?q=%D9%86%D8%B4%D8%B3%D8%AA&amp;page=2" in first
    assert "نشست شماره 0<" in past_the_end
    assert "نشست شماره 0<" not in first
