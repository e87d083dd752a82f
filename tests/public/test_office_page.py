"""An office's newsroom: its own published releases (and those of offices below it), for anyone."""

from django.test import Client

from ayneh.offices.models import Office
from tests.factories import office_make
from tests.public.conftest import SITE_URL, PublishRelease


def test_it_shows_only_this_offices_published_releases(
    client: Client, khuzestan: Office, fars: Office, publish_release: PublishRelease
) -> None:
    publish_release(khuzestan, "خبر خوزستان")
    publish_release(fars, "خبر فارس")

    response = client.get("/office/dg-khuzestan/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "خبر خوزستان" in html
    assert "خبر فارس" not in html
    assert f'<link rel="canonical" href="{SITE_URL}/office/dg-khuzestan/">' in html


def test_a_parent_office_page_includes_its_childrens_releases(
    client: Client, ministry: Office, khuzestan: Office, publish_release: PublishRelease
) -> None:
    publish_release(khuzestan, "خبر خوزستان")

    assert "خبر خوزستان" in client.get("/office/ministry/").content.decode()


def test_an_unknown_or_inactive_office_is_not_found(client: Client, ministry: Office) -> None:
    office_make(code="dg-closed", is_active=False)

    assert client.get("/office/dg-atlantis/").status_code == 404
    assert client.get("/office/dg-closed/").status_code == 404


def test_an_office_without_releases_says_so(client: Client, khuzestan: Office) -> None:
    html = client.get("/office/dg-khuzestan/").content.decode()

    assert "این اداره هنوز خبری منتشر نکرده است." in html
