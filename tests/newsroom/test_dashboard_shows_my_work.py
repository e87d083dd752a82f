"""The dashboard: counts for each of my offices, my unfinished releases, and what waits for my review."""

from django.urls import reverse

from ayneh.accounts.models import User
from ayneh.newsroom.models import ReleaseStatus
from ayneh.offices.models import Office
from tests.newsroom.factories import release_make


def test_an_editor_sees_their_drafts_and_their_office_counts(
    khuzestan: Office, fars: Office, khuzestan_editor: User, fars_editor: User, client_for
) -> None:
    mine = release_make(office=khuzestan, actor=khuzestan_editor)
    release_make(office=khuzestan, actor=khuzestan_editor, status=ReleaseStatus.IN_REVIEW)
    release_make(office=khuzestan, actor=khuzestan_editor, status=ReleaseStatus.PUBLISHED)
    release_make(office=fars, actor=fars_editor)

    dashboard = client_for(khuzestan_editor).get(reverse("newsroom:dashboard")).context["dashboard"]

    assert dashboard.my_drafts == [mine]
    assert dashboard.awaiting_my_review == []  # an editor reviews nothing
    assert [(c.office, c.drafts, c.in_review, c.published) for c in dashboard.office_counts] == [(khuzestan, 1, 1, 1)]


def test_a_head_sees_what_waits_for_review_in_their_office_only(
    khuzestan: Office, fars: Office, khuzestan_editor: User, fars_editor: User, khuzestan_head: User, client_for
) -> None:
    waiting = release_make(office=khuzestan, actor=khuzestan_editor, status=ReleaseStatus.IN_REVIEW)
    release_make(office=fars, actor=fars_editor, status=ReleaseStatus.IN_REVIEW)

    response = client_for(khuzestan_head).get(reverse("newsroom:dashboard"))

    assert response.context["dashboard"].awaiting_my_review == [waiting]
    assert waiting.title in response.content.decode()
