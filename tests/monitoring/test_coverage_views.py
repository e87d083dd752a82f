"""The coverage pages, as each persona sees them: an office head sees their office's coverage and decides
on its pickups; another province's head neither sees nor decides (refused and logged); the ministry sees
every office and may narrow to one; anonymous visitors are sent to sign in."""

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from ayneh.accounts.models import User
from ayneh.core.models import AuditEntry
from ayneh.monitoring.models import Outlet, Pickup, PickupStatus
from ayneh.offices.models import Office
from tests.monitoring import releases as sample
from tests.monitoring.coverage import FARS_TITLE, MENTION_TITLE, Coverage, coverage_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def coverage(
    khuzestan: Office, fars: Office, khuzestan_editor: User, fars_editor: User, irna: Outlet, khuzestan_head: User
) -> Coverage:
    return coverage_make(
        khuzestan=khuzestan, fars=fars, khuzestan_editor=khuzestan_editor, fars_editor=fars_editor, irna=irna
    )


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def pickups_url(coverage: Coverage) -> str:
    return reverse("monitoring:release-pickups", kwargs={"key": coverage.khuzestan_release.uuid})


def decide_url(pickup: Pickup) -> str:
    return reverse("monitoring:pickup-decide", kwargs={"pk": pickup.pk})


def test_anonymous_visitors_are_sent_to_sign_in(client: Client, coverage: Coverage) -> None:
    for url in (
        reverse("monitoring:home"),
        pickups_url(coverage),
        reverse("monitoring:export", kwargs={"name": "releases", "fmt": "csv"}),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:login")), url
    response = client.post(decide_url(coverage.credited), {"decision": "confirm", "seen": "suggested"})
    assert response.status_code == 302
    assert Pickup.objects.get(pk=coverage.credited.pk).status == PickupStatus.SUGGESTED


def test_an_office_head_sees_their_office_coverage_only(coverage: Coverage, khuzestan_head: User) -> None:
    page = signed_in(khuzestan_head).get(reverse("monitoring:home")).content.decode()

    assert sample.RELEASE_TITLE in page
    assert "کارون" in page
    assert "ایرنا" in page
    assert MENTION_TITLE in page  # credits the office without carrying a release
    assert "حسن نسیمی" in page  # quoted in that article: «چه کسی چه گفت»
    assert FARS_TITLE not in page
    assert 'name="office"' not in page  # one office: no office filter


def test_the_ministry_sees_every_office_and_may_narrow_to_one(coverage: Coverage, ministry_manager: User) -> None:
    client = signed_in(ministry_manager)
    national = client.get(reverse("monitoring:home")).content.decode()
    assert sample.RELEASE_TITLE in national
    assert FARS_TITLE in national
    assert 'name="office"' in national

    fars_only = client.get(reverse("monitoring:home"), {"office": "dg-fars"}).content.decode()
    assert FARS_TITLE in fars_only
    assert sample.RELEASE_TITLE not in fars_only


def test_an_office_outside_ones_own_is_not_a_filter(coverage: Coverage, khuzestan_head: User) -> None:
    page = signed_in(khuzestan_head).get(reverse("monitoring:home"), {"office": "dg-fars"}).content.decode()

    assert FARS_TITLE not in page
    assert sample.RELEASE_TITLE in page


def test_the_weekly_view_counts_the_pickups(coverage: Coverage, khuzestan_head: User) -> None:
    response = signed_in(khuzestan_head).get(reverse("monitoring:home"), {"period": "week"})

    assert response.status_code == 200
    assert sum(bucket.count for bucket in response.context["buckets"]) == 2
    assert len(response.context["bars"]) == 12


def test_the_pickups_page_shows_the_diff_and_the_credit_line(coverage: Coverage, khuzestan_head: User) -> None:
    page = signed_in(khuzestan_head).get(pickups_url(coverage)).content.decode()

    assert '<mark class="diff-credit">' in page or 'class="diff-ins diff-credit"' in page
    assert "به نقل از روابط عمومی اداره کل تعاون" in page
    assert '<del class="diff-del">' in page  # the dropped lead and paragraph
    assert "<ins" in page
    assert 'name="decision" value="confirm"' in page


def test_a_head_confirms_a_pickup_and_the_decision_is_shown(coverage: Coverage, khuzestan_head: User) -> None:
    client = signed_in(khuzestan_head)
    response = client.post(
        decide_url(coverage.credited), {"decision": "confirm", "seen": "suggested", "note": "دیده شد"}
    )

    assert response.status_code == 302
    pickup = Pickup.objects.get(pk=coverage.credited.pk)
    assert (pickup.status, pickup.decided_by, pickup.decision_note) == (
        PickupStatus.CONFIRMED,
        khuzestan_head,
        "دیده شد",
    )
    entry = AuditEntry.objects.get(action="monitoring.pickup.confirmed")
    assert entry.actor == khuzestan_head
    assert entry.target_id == str(pickup.pk)
    page = client.get(pickups_url(coverage)).content.decode()
    assert "حسن نسیمی" in page
    assert "تأییدشده" in page


def test_a_head_rejects_a_pickup_and_it_is_audited(coverage: Coverage, khuzestan_head: User) -> None:
    signed_in(khuzestan_head).post(decide_url(coverage.uncredited), {"decision": "reject", "seen": "suggested"})

    assert Pickup.objects.get(pk=coverage.uncredited.pk).status == PickupStatus.REJECTED
    assert AuditEntry.objects.filter(action="monitoring.pickup.rejected", actor=khuzestan_head).count() == 1


def test_a_decision_on_a_stale_page_is_a_conflict(coverage: Coverage, khuzestan_head: User) -> None:
    client = signed_in(khuzestan_head)
    client.post(decide_url(coverage.credited), {"decision": "confirm", "seen": "suggested"})

    response = client.post(decide_url(coverage.credited), {"decision": "reject", "seen": "suggested"}, follow=True)

    assert Pickup.objects.get(pk=coverage.credited.pk).status == PickupStatus.CONFIRMED
    assert "شخص دیگری" in response.content.decode()
    assert AuditEntry.objects.filter(action="monitoring.pickup.rejected").count() == 0


def test_another_provinces_head_can_neither_see_nor_decide(coverage: Coverage, fars_head: User) -> None:
    client = signed_in(fars_head)

    assert client.get(pickups_url(coverage)).status_code == 404
    response = client.post(decide_url(coverage.credited), {"decision": "reject", "seen": "suggested"})
    assert response.status_code == 404

    assert Pickup.objects.get(pk=coverage.credited.pk).status == PickupStatus.SUGGESTED
    refusals = AuditEntry.objects.filter(action="access.refused", actor=fars_head)
    assert refusals.count() == 2
    assert {entry.office for entry in refusals} == {coverage.khuzestan_release.office}


def test_an_editor_of_the_office_sees_but_may_not_decide(coverage: Coverage, khuzestan_editor: User) -> None:
    client = signed_in(khuzestan_editor)
    page = client.get(pickups_url(coverage)).content.decode()
    assert 'name="decision"' not in page

    response = client.post(decide_url(coverage.credited), {"decision": "confirm", "seen": "suggested"})

    assert response.status_code == 403
    assert Pickup.objects.get(pk=coverage.credited.pk).status == PickupStatus.SUGGESTED
    assert AuditEntry.objects.filter(action="access.refused", actor=khuzestan_editor).count() == 1


def test_the_release_page_links_to_its_pickups(coverage: Coverage, khuzestan_head: User) -> None:
    page = signed_in(khuzestan_head).get(coverage.khuzestan_release.panel_url).content.decode()

    assert pickups_url(coverage) in page


def test_a_person_of_no_office_sees_no_coverage_and_no_link(coverage: Coverage) -> None:
    outsider = User.objects.create_user(username="outsider", password="x-long-enough-password-1400")
    client = signed_in(outsider)

    page = client.get(reverse("monitoring:home")).content.decode()
    assert sample.RELEASE_TITLE not in page
    assert "عضو هیچ اداره‌ای نیستید" in page
    front = client.get(reverse("newsroom:dashboard")).content.decode()
    assert f'href="{reverse("monitoring:home")}"' not in front


def test_the_main_navigation_links_members_to_monitoring(coverage: Coverage, khuzestan_editor: User) -> None:
    page = signed_in(khuzestan_editor).get(reverse("newsroom:dashboard")).content.decode()

    assert f'href="{reverse("monitoring:home")}"' in page


def test_the_monitoring_view_costs_a_bounded_number_of_queries(
    coverage: Coverage, ministry_manager: User, django_assert_max_num_queries: Any
) -> None:
    client = signed_in(ministry_manager)
    client.get(reverse("monitoring:home"))  # warm the session and the content types

    # 31 here: constant in the number of releases, outlets and articles; two more per speaker shown (≤ 10).
    with django_assert_max_num_queries(40):
        response = client.get(reverse("monitoring:home"))
    assert response.status_code == 200


def test_the_pages_need_no_inline_style_or_script(coverage: Coverage, khuzestan_head: User) -> None:
    # The strict CSP (style-src/script-src 'self') would block them: the chart is laid out by attributes.
    client = signed_in(khuzestan_head)
    for url in (reverse("monitoring:home"), reverse("monitoring:home") + "?period=week", pickups_url(coverage)):
        page = client.get(url).content.decode()
        assert " style=" not in page, url
        assert "<style" not in page, url
        assert re.search(r"<script(?![^>]*\bsrc=)", page) is None, url
        assert re.search(r"\son[a-z]+=", page) is None, url
