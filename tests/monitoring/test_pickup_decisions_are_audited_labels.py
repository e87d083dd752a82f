"""A head of the release's office confirms or rejects a pickup: the decision is kept on the row as a label
(who, when, why), audited, and decided once per view of it; nobody else may decide."""

import pytest
from django.core.exceptions import PermissionDenied

from ayneh.accounts.models import User
from ayneh.core.models import AuditEntry
from ayneh.monitoring.models import Outlet, Pickup, PickupStatus
from ayneh.monitoring.services import PickupConflict, article_ingest, pickup_confirm, pickup_reject
from ayneh.newsroom.models import ReleaseStatus
from ayneh.offices.models import Office
from tests.monitoring import releases as sample
from tests.monitoring.factories import incoming_make
from tests.newsroom.factories import release_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def pickup(khuzestan: Office, khuzestan_editor: User, irna: Outlet) -> Pickup:
    release = release_make(
        office=khuzestan,
        actor=khuzestan_editor,
        status=ReleaseStatus.PUBLISHED,
        title=sample.RELEASE_TITLE,
        body=sample.RELEASE_BODY_HTML,
    )
    assert release.published_at is not None
    outcome = article_ingest(
        record=incoming_make(text=sample.REPUBLISHED_TEXT, published=release.published_at + sample.AFTER_PUBLICATION),
        outlet=irna,
    )
    (found,) = outcome.pickups
    return Pickup.objects.select_related("release__office").get(pk=found.pk)


def test_a_head_confirms_a_pickup_and_it_is_audited(pickup: Pickup, khuzestan_head: User) -> None:
    decided = pickup_confirm(pickup=pickup, actor=khuzestan_head, note="در سایت ایرنا دیده شد")

    assert decided.status == PickupStatus.CONFIRMED
    assert decided.decided_by == khuzestan_head
    assert decided.decided_at is not None
    assert decided.decision_note == "در سایت ایرنا دیده شد"
    entry = AuditEntry.objects.get(action="monitoring.pickup.confirmed")
    assert (entry.actor, entry.office, entry.target_id) == (khuzestan_head, pickup.release.office, str(pickup.pk))
    assert entry.data["from"] == PickupStatus.SUGGESTED


def test_a_rejected_pickup_stays_as_a_negative_label(pickup: Pickup, khuzestan_head: User) -> None:
    pickup_reject(pickup=pickup, actor=khuzestan_head, note="خبر دیگری است")

    kept = Pickup.objects.get(pk=pickup.pk)
    assert kept.status == PickupStatus.REJECTED
    assert kept.similarity == pickup.similarity
    assert AuditEntry.objects.filter(action="monitoring.pickup.rejected").count() == 1


def test_a_decision_on_a_stale_view_is_a_conflict(pickup: Pickup, khuzestan_head: User) -> None:
    stale = Pickup.objects.select_related("release__office").get(pk=pickup.pk)
    pickup_confirm(pickup=pickup, actor=khuzestan_head)

    with pytest.raises(PickupConflict):
        pickup_reject(pickup=stale, actor=khuzestan_head)
    assert Pickup.objects.get(pk=pickup.pk).status == PickupStatus.CONFIRMED


@pytest.mark.parametrize("persona", ["khuzestan_editor", "fars_head"])
def test_only_a_head_of_the_releases_office_may_decide(
    pickup: Pickup, persona: str, request: pytest.FixtureRequest
) -> None:
    user = request.getfixturevalue(persona)

    with pytest.raises(PermissionDenied):
        pickup_confirm(pickup=pickup, actor=user)
    assert Pickup.objects.get(pk=pickup.pk).status == PickupStatus.SUGGESTED
    assert not AuditEntry.objects.filter(action__startswith="monitoring.pickup.").exists()
