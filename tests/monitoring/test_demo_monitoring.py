"""`ayneh demo`'s monitoring part: demo outlets and articles, ingested through the real pipeline, so the
demo releases have pickups the real matcher found; everything flagged demo; a second run changes nothing."""

import time

import pytest
from django.core.management import call_command

from ayneh.core.demo import demo_accounts_ensure, demo_content_ensure
from ayneh.core.models import AuditEntry
from ayneh.monitoring.demo import DEMO_ARTICLES, DEMO_OUTLETS, monitoring_demo_ensure
from ayneh.monitoring.models import Article, Outlet, OutletTier, Pickup, PickupStatus, Quote
from ayneh.newsroom.models import Release, ReleaseStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo() -> dict[str, float]:
    call_command("load_offices", verbosity=0)
    users = demo_accounts_ensure()
    started = time.perf_counter()
    demo_content_ensure(users=users)
    return {"seconds": time.perf_counter() - started}


def test_the_demo_releases_are_picked_up_by_demo_outlets_of_every_tier(demo: dict[str, float]) -> None:
    published = Release.objects.filter(status=ReleaseStatus.PUBLISHED, created_by__is_demo=True)
    pickups = Pickup.objects.filter(release__in=published)

    assert {pickup.release_id for pickup in pickups} == set(published.values_list("id", flat=True))
    assert pickups.count() >= 7
    assert set(pickups.values_list("outlet__tier", flat=True)) == set(OutletTier.values)
    assert pickups.filter(attribution=True).exists()
    assert pickups.filter(attribution=False).exists()  # an outlet that left the credit out


def test_everything_is_flagged_demo(demo: dict[str, float]) -> None:
    assert Outlet.objects.filter(is_demo=True).count() == len(DEMO_OUTLETS)
    assert Article.objects.filter(is_demo=True).count() == len(DEMO_ARTICLES)
    assert not Article.objects.filter(is_demo=False).exists()


def test_unrelated_and_unoriginated_articles_are_not_pickups(demo: dict[str, float]) -> None:
    unrelated = Article.objects.filter(url__endswith="/news/501")
    assert not Pickup.objects.filter(article__in=unrelated).exists()
    credited_without_release = Article.objects.filter(source_office__code="dg-khuzestan", pickups__isnull=True)
    assert credited_without_release.count() >= 3


def test_people_are_quoted_by_name(demo: dict[str, float]) -> None:
    speakers = set(Quote.objects.values_list("speaker", flat=True))
    assert {"رضا طاهری", "فاطمه نوروزی", "مریم احمدی"} <= speakers


def test_the_demo_head_decided_one_pickup_through_the_service(demo: dict[str, float]) -> None:
    decided = Pickup.objects.get(status=PickupStatus.CONFIRMED)
    assert decided.decided_by.username == "khuzestan-head"
    assert AuditEntry.objects.filter(action="monitoring.pickup.confirmed").count() == 1


def test_a_second_run_changes_nothing(demo: dict[str, float]) -> None:
    counts = (Outlet.objects.count(), Article.objects.count(), Pickup.objects.count(), Quote.objects.count())

    assert monitoring_demo_ensure() == 0

    assert (Outlet.objects.count(), Article.objects.count(), Pickup.objects.count(), Quote.objects.count()) == counts


def test_the_demo_content_is_quick(demo: dict[str, float]) -> None:
    # Releases, events and the monitoring demo together; the brief's budget for `ayneh demo` is 10 s.
    assert demo["seconds"] < 10
