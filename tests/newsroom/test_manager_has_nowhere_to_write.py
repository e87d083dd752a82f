"""A manager (read-only) is not offered a release or event form whose office list is empty: the buttons are
gone, and the address says in Persian why there is nothing to write."""

import pytest

from ayneh.offices.roles import Role
from tests.factories import PASSWORD, user_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(ministry):
    return user_make(username="manager", role=Role.MANAGER, office=ministry)


@pytest.mark.parametrize("path", ["/panel/releases/new/", "/panel/events/new/"])
def test_a_manager_is_told_there_is_no_office_to_write_for(client, manager, path):
    client.login(username=manager.username, password=PASSWORD)

    response = client.get(path)

    assert response.status_code == 403
    assert "اداره‌ای برای نوشتن ندارید" in response.content.decode()
    assert 'name="title"' not in response.content.decode()


@pytest.mark.parametrize("path", ["/panel/", "/panel/releases/", "/panel/events/"])
def test_a_manager_sees_no_new_release_or_event_button(client, manager, path):
    client.login(username=manager.username, password=PASSWORD)

    body = client.get(path).content.decode()

    assert "/panel/releases/new/" not in body
    assert "/panel/events/new/" not in body


def test_an_editor_still_gets_the_form_and_the_buttons(client, khuzestan):
    editor = user_make(username="editor", role=Role.EDITOR, office=khuzestan)
    client.login(username=editor.username, password=PASSWORD)

    assert 'name="title"' in client.get("/panel/releases/new/").content.decode()
    assert "/panel/releases/new/" in client.get("/panel/").content.decode()
