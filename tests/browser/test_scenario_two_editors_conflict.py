"""Scenario 5 of issue 2: two people edit the same draft; the second save is refused as a conflict with a
clear Persian message, and the first person's text is kept."""

import pytest

from ayneh.newsroom.models import Release
from ayneh.newsroom.services import ReleaseContent, release_create
from ayneh.offices.roles import Role
from tests.browser.conftest import screenshot, sign_in
from tests.factories import PASSWORD, user_make

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_second_save_of_a_draft_is_a_conflict_not_an_overwrite(page, second_page, khuzestan, khuzestan_editor):
    colleague = user_make(username="khuzestan_editor_2", role=Role.EDITOR, office=khuzestan)
    release = release_create(actor=khuzestan_editor, office=khuzestan, content=ReleaseContent(title="عنوان اول"))
    edit_url = f"/panel/releases/{release.uuid}/edit/"

    sign_in(page, khuzestan_editor, PASSWORD)
    sign_in(second_page, colleague, PASSWORD)
    page.goto(page.base_url + edit_url)
    second_page.goto(second_page.base_url + edit_url)

    page.fill("input[name=title]", "عنوان ویرایش نفر اول")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()

    second_page.fill("input[name=title]", "عنوان ویرایش نفر دوم")
    second_page.click("main form button[type=submit]")
    second_page.wait_for_load_state()

    message = second_page.locator(".errorlist, .messages").first.inner_text()
    assert "ذخیره" in message  # the Persian conflict message, not an English one
    screenshot(second_page, "edit-conflict")
    assert Release.objects.get(pk=release.pk).title == "عنوان ویرایش نفر اول"
    # The second person's text is still in their form, so nothing they typed is lost.
    assert second_page.input_value("input[name=title]") == "عنوان ویرایش نفر دوم"
