"""The national front page: every office's published releases, newest first, paginated, for anyone."""

from django.test import Client

from ayneh.offices.models import Office
from ayneh.public.views import PAGE_SIZE
from tests.public.conftest import DraftRelease, PublishRelease


def test_anyone_sees_published_releases_of_every_office_newest_first(
    client: Client, khuzestan: Office, fars: Office, publish_release: PublishRelease
) -> None:
    publish_release(khuzestan, "ویدئوکنفرانس وزیر با مدیران کل")
    publish_release(fars, "بیمه کارگران ساختمانی فارس")

    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("بیمه کارگران ساختمانی فارس") < html.index("ویدئوکنفرانس وزیر با مدیران کل")


def test_drafts_releases_in_review_and_withdrawn_releases_are_not_shown(
    client: Client,
    khuzestan: Office,
    draft_release: DraftRelease,
    publish_release: PublishRelease,
    withdraw_release: object,
) -> None:
    draft_release(khuzestan, "پیش‌نویس محرمانه")
    withdrawn = publish_release(khuzestan, "خبری که پس گرفته شد")
    withdraw_release(withdrawn)  # type: ignore[operator]
    publish_release(khuzestan, "خبر منتشرشده")

    html = client.get("/").content.decode()

    assert "خبر منتشرشده" in html
    assert "پیش‌نویس محرمانه" not in html
    assert "خبری که پس گرفته شد" not in html


def test_it_pages_with_persian_numbers_and_the_oldest_release_is_on_the_last_page(
    client: Client, khuzestan: Office, publish_release: PublishRelease
) -> None:
    for n in range(PAGE_SIZE + 1):
        publish_release(khuzestan, f"خبر شماره {n}")

    first = client.get("/").content.decode()
    second = client.get("/", {"page": "۲"}).content.decode()

    assert 'class="pagination"' in first
    assert ">۲</a>" in first
    assert "خبر شماره 0<" not in first
    assert "خبر شماره 0<" in second
    assert 'aria-current="page">۲<' in second


def test_a_nonsense_page_number_shows_the_first_page(
    client: Client, khuzestan: Office, publish_release: PublishRelease
) -> None:
    publish_release(khuzestan, "تنها خبر")

    for page in ("abc", "-1", "0", "99999999999999999999"):
        response = client.get("/", {"page": page})
        assert response.status_code == 200
        assert "تنها خبر" in response.content.decode()


def test_the_page_is_persian_and_right_to_left(client: Client, db: None) -> None:
    html = client.get("/").content.decode()

    assert '<html lang="fa" dir="rtl">' in html


def test_the_list_costs_a_fixed_number_of_queries(
    client: Client,
    khuzestan: Office,
    fars: Office,
    publish_release: PublishRelease,
    django_assert_max_num_queries: object,
) -> None:
    for n in range(PAGE_SIZE):
        publish_release(khuzestan if n % 2 else fars, f"خبر {n}", tags=[f"برچسب {n}"])

    with django_assert_max_num_queries(4):  # type: ignore[operator]
        assert client.get("/").status_code == 200
