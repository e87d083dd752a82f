import pytest
from django.core.management import call_command

from ayneh.accounts.models import User
from ayneh.core.models import AuditEntry
from ayneh.newsroom.models import Release, ReleaseStatus
from ayneh.offices.models import Office
from ayneh.search.selectors import search_documents

pytestmark = pytest.mark.django_db(transaction=True)


def test_demo_prepares_offices_accounts_and_releases_in_every_state():
    call_command("demo", no_serve=True, verbosity=0)

    assert Office.objects.filter(tier="provincial_dg").count() == 31
    assert set(User.objects.filter(is_demo=True).values_list("username", flat=True)) >= {
        "khuzestan-editor",
        "khuzestan-head",
        "fars-editor",
        "evaluator",
        "manager",
    }
    statuses = set(Release.objects.values_list("status", flat=True))
    assert statuses == {
        ReleaseStatus.PUBLISHED,
        ReleaseStatus.IN_REVIEW,
        ReleaseStatus.CHANGES_REQUESTED,
        ReleaseStatus.DRAFT,
    }
    # Made through the services: every release has its audit trail and the published ones are searchable.
    assert AuditEntry.objects.filter(action="release.created").count() == Release.objects.count()
    [showcase] = Release.objects.filter(title__contains="ویدئوکنفرانس وزیر")
    assert str(showcase.uuid) in search_documents(query="ویدئوکنفرانس وزیر روابط عمومی خوزستان").keys


def test_the_showcase_releases_are_the_newest_on_the_front_page():
    """The offices' routine demo releases (for the demo ranking) are published before the hand-written
    showcase, so a new user's front page opens on the showcase, not on sixty same-minute desk releases."""
    call_command("demo", no_serve=True, verbosity=0)

    newest = Release.objects.filter(status=ReleaseStatus.PUBLISHED).order_by("-published_at")[:2]
    assert [release.created_by.username for release in newest] != []
    assert all(release.created_by.username != "news-desk-demo" for release in newest)
    assert Release.objects.filter(created_by__username="news-desk-demo").count() > 50


def test_a_second_demo_run_reuses_the_database():
    call_command("demo", no_serve=True, verbosity=0)
    counts = (Release.objects.count(), User.objects.count(), AuditEntry.objects.count())

    call_command("demo", no_serve=True, verbosity=0)

    assert (Release.objects.count(), User.objects.count()) == counts[:2]
    assert AuditEntry.objects.count() == counts[2]
