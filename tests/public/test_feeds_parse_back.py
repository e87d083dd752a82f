"""RSS 2.0, Atom and JSON Feed, national and per office, read back the way feed readers read them."""

import calendar
import datetime as dt
import io
import json
from collections.abc import Callable

import feedparser
import pytest
from django.test import Client
from django.urls import reverse

from ayneh.newsroom.models import Release
from ayneh.offices.models import Office
from tests.public.conftest import SITE_URL, PublishRelease

XML_FORMATS = {"rss": "application/rss+xml", "atom": "application/atom+xml"}


@pytest.fixture
def newsroom(
    khuzestan: Office, fars: Office, publish_release: PublishRelease, withdraw_release: Callable[[Release], Release]
) -> dict[str, Release]:
    releases = {
        "khuzestan": publish_release(
            khuzestan,
            "ویدئوکنفرانس وزیر با مدیران کل خوزستان",
            lead="رئیس روابط عمومی از برگزاری نشست خبر داد.",
            body="<p>متن کامل خبر با <strong>تأکید</strong> & نماد.</p>",
            tags=["ویدئوکنفرانس", "خوزستان"],
        ),
        "fars": publish_release(fars, "بیمه کارگران ساختمانی فارس", lead="۱۲۰۰ کارگر بیمه شدند."),
        "withdrawn": publish_release(khuzestan, "خبر نادرست که پس گرفته شد"),
    }
    withdraw_release(releases["withdrawn"])
    return releases


def _parse_xml(client: Client, url: str, content_type: str) -> feedparser.FeedParserDict:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    # Bytes only: feedparser.parse(str) would read a local file or URL (DESIGN.md, known hazards).
    parsed = feedparser.parse(io.BytesIO(response.content))
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


@pytest.mark.parametrize("feed_format", XML_FORMATS)
def test_the_national_xml_feed_carries_every_published_release_and_nothing_else(
    client: Client, newsroom: dict[str, Release], feed_format: str
) -> None:
    parsed = _parse_xml(client, reverse(f"public:feed-{feed_format}"), XML_FORMATS[feed_format])

    assert parsed.feed.title == "آینه: اخبار همه اداره\u200cها"
    assert parsed.feed.language == "fa"
    assert parsed.feed.link == f"{SITE_URL}/"
    titles = [entry.title for entry in parsed.entries]
    assert titles == ["بیمه کارگران ساختمانی فارس", "ویدئوکنفرانس وزیر با مدیران کل خوزستان"]


@pytest.mark.parametrize("feed_format", XML_FORMATS)
def test_an_xml_feed_item_has_absolute_links_aware_dates_and_the_full_text(
    client: Client, newsroom: dict[str, Release], feed_format: str
) -> None:
    release = newsroom["khuzestan"]
    parsed = _parse_xml(
        client, reverse(f"public:office-feed-{feed_format}", kwargs={"code": "dg-khuzestan"}), XML_FORMATS[feed_format]
    )

    [entry] = parsed.entries
    assert entry.link == f"{SITE_URL}/release/{release.uuid}/"
    assert entry.id == f"urn:uuid:{release.uuid}"
    assert release.published_at is not None
    # feedparser gives the date in UTC as a struct_time; the feed wrote it with its offset.
    published = dt.datetime.fromtimestamp(calendar.timegm(entry.published_parsed), tz=dt.UTC)
    assert abs(published - release.published_at) < dt.timedelta(seconds=1)
    assert "تأکید" in entry.summary
    assert "رئیس روابط عمومی از برگزاری نشست خبر داد." in entry.summary
    assert sorted(tag.term for tag in entry.tags) == ["خوزستان", "ویدئوکنفرانس"]
    assert parsed.feed.title == "آینه: اخبار اداره کل تعاون، کار و رفاه اجتماعی استان خوزستان"


@pytest.mark.parametrize("office_code", [None, "dg-khuzestan", "dg-fars"])
def test_the_json_feed_is_json_feed_1_1_with_only_published_releases(
    client: Client, newsroom: dict[str, Release], office_code: str | None
) -> None:
    url = (
        reverse("public:office-feed-json", kwargs={"code": office_code}) if office_code else reverse("public:feed-json")
    )
    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/feed+json")
    feed = json.loads(response.content)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["language"] == "fa"
    assert feed["feed_url"] == SITE_URL + url
    assert feed["home_page_url"].startswith(SITE_URL + "/")
    expected = [
        release
        for name, release in [("fars", newsroom["fars"]), ("khuzestan", newsroom["khuzestan"])]
        if office_code in (None, release.office.code)
    ]
    assert [item["id"] for item in feed["items"]] == [f"urn:uuid:{release.uuid}" for release in expected]
    for item, release in zip(feed["items"], expected, strict=True):
        assert item["url"] == f"{SITE_URL}/release/{release.uuid}/"
        assert item["title"] == release.title
        assert dt.datetime.fromisoformat(item["date_published"]) == release.published_at
        assert item["content_html"]
        assert item["authors"] == [{"name": release.office.name}]


def test_a_withdrawn_release_disappears_from_every_feed(
    client: Client,
    khuzestan: Office,
    publish_release: PublishRelease,
    withdraw_release: Callable[[Release], Release],
) -> None:
    release = publish_release(khuzestan, "خبری که بعدا پس گرفته می‌شود")
    urls = [reverse(f"public:feed-{fmt}") for fmt in ("rss", "atom", "json")]
    urls += [reverse(f"public:office-feed-{fmt}", kwargs={"code": "dg-khuzestan"}) for fmt in ("rss", "atom", "json")]
    assert all(str(release.uuid) in client.get(url).content.decode() for url in urls)

    withdraw_release(release)

    assert not any(str(release.uuid) in client.get(url).content.decode() for url in urls)


@pytest.mark.parametrize("name", ["public:office-feed-rss", "public:office-feed-atom", "public:office-feed-json"])
def test_an_unknown_office_has_no_feed(client: Client, db: None, name: str) -> None:
    assert client.get(reverse(name, kwargs={"code": "dg-atlantis"})).status_code == 404


def test_characters_xml_cannot_carry_do_not_break_the_feed(
    client: Client, khuzestan: Office, publish_release: PublishRelease
) -> None:
    release = publish_release(khuzestan, "خبر آزمایشی", lead="متن با نویسه کنترلی \x0b در میان")

    parsed = _parse_xml(client, reverse("public:feed-rss"), XML_FORMATS["rss"])

    assert parsed.entries[0].id == f"urn:uuid:{release.uuid}"
