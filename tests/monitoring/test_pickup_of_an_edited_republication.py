"""An outlet's lightly edited republication of a release, crediting «روابط عمومی» of the release's office,
is found as a pickup with its evidence; an unrelated article, and the same text outside the time window,
are not."""

import pytest

from ayneh.accounts.models import User
from ayneh.monitoring.models import Outlet, Pickup, PickupStatus
from ayneh.monitoring.pickups import TEXT_THRESHOLD, WINDOW
from ayneh.monitoring.services import article_ingest
from ayneh.newsroom.models import Release
from ayneh.newsroom.services import release_withdraw
from tests.monitoring import releases as sample
from tests.monitoring.factories import incoming_make, outlet_make

pytestmark = pytest.mark.django_db


def test_it_finds_a_credited_republication_with_evidence(release: Release, irna: Outlet) -> None:
    assert release.published_at is not None
    outcome = article_ingest(
        record=incoming_make(
            title=sample.REPUBLISHED_TITLE,
            text=sample.REPUBLISHED_TEXT,
            published=release.published_at + sample.AFTER_PUBLICATION,
        ),
        outlet=irna,
    )

    assert outcome.article is not None
    assert outcome.article.source_office == release.office
    pickup = Pickup.objects.get()
    assert (pickup.release, pickup.article, pickup.outlet) == (release, outcome.article, irna)
    assert pickup.attribution is True
    assert pickup.status == PickupStatus.SUGGESTED
    assert pickup.similarity >= TEXT_THRESHOLD
    evidence = pickup.evidence
    assert evidence["attribution"]["text"].startswith("به گزارش ایرنا به نقل از روابط عمومی")
    assert evidence["sentences_carried"] >= 4
    assert any("صندوق کارآفرینی امید" in passage["text"] for passage in evidence["passages"])


def test_it_finds_an_uncredited_copy_by_text_alone(release: Release, irna: Outlet) -> None:
    assert release.published_at is not None
    uncredited = sample.REPUBLISHED_TEXT.removeprefix(sample.CREDIT)
    article_ingest(
        record=incoming_make(text=uncredited, published=release.published_at + sample.AFTER_PUBLICATION), outlet=irna
    )

    pickup = Pickup.objects.get()
    assert pickup.attribution is False
    assert pickup.evidence["rule"] == "text"


def test_it_finds_no_pickup_in_an_unrelated_article(release: Release, irna: Outlet) -> None:
    assert release.published_at is not None
    outcome = article_ingest(
        record=incoming_make(
            title=sample.UNRELATED_TITLE,
            text=sample.UNRELATED_TEXT,
            published=release.published_at + sample.AFTER_PUBLICATION,
        ),
        outlet=irna,
    )

    assert outcome.article is not None
    assert not Pickup.objects.exists()


def test_it_finds_no_pickup_outside_the_time_window(release: Release, irna: Outlet) -> None:
    assert release.published_at is not None
    too_early = release.published_at - sample.AFTER_PUBLICATION
    too_late = release.published_at + WINDOW * 2
    for n, published in enumerate((too_early, too_late)):
        outlet = outlet_make(name=f"روزنامه {n}")
        article_ingest(record=incoming_make(text=sample.REPUBLISHED_TEXT, published=published), outlet=outlet)

    assert not Pickup.objects.exists()


def test_it_ignores_a_withdrawn_release(release: Release, irna: Outlet, khuzestan_head: User) -> None:
    release_withdraw(release=release, actor=khuzestan_head, note="اشتباه در آمار")
    assert release.published_at is not None
    article_ingest(
        record=incoming_make(text=sample.REPUBLISHED_TEXT, published=release.published_at + sample.AFTER_PUBLICATION),
        outlet=irna,
    )

    assert not Pickup.objects.exists()
