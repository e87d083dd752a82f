"""Every public page tells feed readers where its feeds are (<link rel="alternate">), and they resolve."""

import re

import pytest
from django.test import Client

from ayneh.newsroom.models import Release
from ayneh.offices.models import Office
from tests.public.conftest import PublishRelease

ALTERNATE_RE = re.compile(r'<link rel="alternate" type="(?P<type>[^"]+)" title="[^"]+" href="(?P<href>[^"]+)">')
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/feed+json"}


@pytest.fixture
def release(khuzestan: Office, publish_release: PublishRelease) -> Release:
    return publish_release(khuzestan, "خبر خوزستان")


def _alternates(client: Client, url: str) -> set[tuple[str, str]]:
    html = client.get(url).content.decode()
    return {(match["type"], match["href"]) for match in ALTERNATE_RE.finditer(html)}


@pytest.mark.parametrize("url", ["/", "/offices/", "/search/?q=خبر"])
def test_national_pages_advertise_the_national_feeds(client: Client, release: Release, url: str) -> None:
    alternates = _alternates(client, url)

    assert {kind for kind, _href in alternates} == FEED_TYPES
    for _kind, href in alternates:
        assert client.get(href).status_code == 200


def test_office_and_release_pages_advertise_the_offices_feeds_too(client: Client, release: Release) -> None:
    for url in ("/office/dg-khuzestan/", release.get_absolute_url()):
        hrefs = {href for _kind, href in _alternates(client, url)}

        assert {
            "/office/dg-khuzestan/feeds/rss.xml",
            "/office/dg-khuzestan/feeds/atom.xml",
            "/office/dg-khuzestan/feeds/feed.json",
            "/feeds/rss.xml",
            "/feeds/atom.xml",
            "/feeds/feed.json",
        } <= hrefs
        for href in hrefs:
            assert client.get(href).status_code == 200
