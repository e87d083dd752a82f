"""The pages a person sees when something is missing, refused or broken speak Persian, right to left,
instead of Django's bare English «Not Found» / «Forbidden» / «Server Error (500)»."""

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

from ayneh.offices.roles import Role
from tests.factories import PASSWORD, user_make


@pytest.mark.django_db
def test_a_missing_page_says_so_in_persian(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    body = response.content.decode()
    assert "صفحه پیدا نشد" in body
    assert 'dir="rtl"' in body
    assert "Not Found" not in body


@pytest.mark.django_db
def test_a_refused_page_says_so_in_persian(client, khuzestan):
    editor = user_make(username="editor", role=Role.EDITOR, office=khuzestan)
    client.login(username=editor.username, password=PASSWORD)

    response = client.get("/monitoring/operations/")

    assert response.status_code == 403
    body = response.content.decode()
    assert "دسترسی ندارید" in body
    assert "Forbidden" not in body


def test_a_server_error_says_so_in_persian():
    response = server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    body = response.content.decode()
    assert "خطای سرور" in body
    assert 'dir="rtl"' in body
