"""A release page: the published text with canonical and Open Graph metadata, or nothing at all."""

import uuid

import pytest
from django.test import Client
from django.utils import timezone

from ayneh.newsroom.models import Release
from ayneh.offices.models import Office
from tests.public.conftest import SITE_URL, DraftRelease, PublishRelease


@pytest.fixture
def release(khuzestan: Office, publish_release: PublishRelease) -> Release:
    return publish_release(
        khuzestan,
        "ویدئوکنفرانس وزیر با مدیران کل",
        lead="رئیس روابط عمومی اداره کل از برگزاری نشست خبر داد.",
        body="<p>بند <strong>نخست</strong></p><ul><li>یک</li></ul>",
        tags=["ویدئوکنفرانس"],
    )


def test_it_shows_the_published_text_with_its_formatting_and_jalali_date(client: Client, release: Release) -> None:
    html = client.get(release.get_absolute_url()).content.decode()

    assert "<h1>ویدئوکنفرانس وزیر با مدیران کل</h1>" in html
    assert "<p>بند <strong>نخست</strong></p><ul><li>یک</li></ul>" in html
    assert "<li>ویدئوکنفرانس</li>" in html
    assert any(
        month in html
        for month in (
            "فروردین",
            "اردیبهشت",
            "خرداد",
            "تیر",
            "مرداد",
            "شهریور",
            "مهر",
            "آبان",
            "آذر",
            "دی",
            "بهمن",
            "اسفند",
        )
    )


def test_it_carries_canonical_and_open_graph_metadata_with_absolute_addresses(client: Client, release: Release) -> None:
    html = client.get(release.get_absolute_url()).content.decode()
    canonical = f"{SITE_URL}/release/{release.uuid}/"

    assert f'<link rel="canonical" href="{canonical}">' in html
    assert f'<meta property="og:url" content="{canonical}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="ویدئوکنفرانس وزیر با مدیران کل">' in html
    assert '<meta property="og:description" content="رئیس روابط عمومی اداره کل از برگزاری نشست خبر داد.">' in html
    assert '<meta property="og:locale" content="fa_IR">' in html
    assert '<meta property="article:tag" content="ویدئوکنفرانس">' in html
    assert release.published_at is not None
    published = timezone.localtime(release.published_at).isoformat()
    assert f'<meta property="article:published_time" content="{published}">' in html


def test_drafts_withdrawn_and_unknown_releases_are_not_found(
    client: Client,
    khuzestan: Office,
    draft_release: DraftRelease,
    publish_release: PublishRelease,
    withdraw_release: object,
) -> None:
    draft = draft_release(khuzestan, "پیش‌نویس")
    withdrawn = publish_release(khuzestan, "پس گرفته")
    withdraw_release(withdrawn)  # type: ignore[operator]

    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(withdrawn.get_absolute_url()).status_code == 404
    assert client.get(f"/release/{uuid.uuid4()}/").status_code == 404
    assert client.get("/release/not-a-uuid/").status_code == 404
