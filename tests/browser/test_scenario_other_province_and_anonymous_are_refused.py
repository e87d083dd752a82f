"""Scenario 4 of issue 2: an editor of another province can neither see Khuzestan's drafts nor edit its
releases (refused as "not found", and logged); anonymous visitors see only what is published."""

import pytest

from ayneh.core.models import AuditEntry
from ayneh.newsroom.services import ReleaseContent, release_create
from tests.browser.conftest import sign_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def khuzestan_draft(khuzestan, khuzestan_editor):
    return release_create(
        actor=khuzestan_editor, office=khuzestan, content=ReleaseContent(title="پیش‌نویس محرمانه خوزستان")
    )


def test_a_fars_editor_gets_not_found_for_khuzestans_draft_and_it_is_logged(page, fars_editor, khuzestan_draft):
    sign_in(page, fars_editor, PASSWORD)

    page.goto(page.base_url + "/panel/releases/")
    assert khuzestan_draft.title not in page.content()
    for path in (f"/panel/releases/{khuzestan_draft.uuid}/", f"/panel/releases/{khuzestan_draft.uuid}/edit/"):
        response = page.goto(page.base_url + path)
        assert response.status == 404, path
        assert khuzestan_draft.title not in page.content()

    refusals = AuditEntry.objects.filter(action="access.refused", actor=fars_editor)
    assert refusals.count() == 2


def test_an_anonymous_visitor_sees_only_published_releases(page, khuzestan_draft):
    response = page.goto(page.base_url + f"/release/{khuzestan_draft.uuid}/")
    assert response.status == 404

    page.goto(page.base_url + "/")
    assert khuzestan_draft.title not in page.content()

    # The staff panel asks for a sign-in first.
    page.goto(page.base_url + f"/panel/releases/{khuzestan_draft.uuid}/")
    assert "/accounts/login/" in page.url
