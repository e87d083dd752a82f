"""Signing in: the right password lets a person in, and every refusal reads the same."""

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from ayneh.accounts.models import User
from tests.factories import PASSWORD, user_make

LOGIN = reverse("accounts:login")


def _sign_in(client: Client, username: str, password: str) -> Any:
    return client.post(LOGIN, {"username": username, "password": password})


def test_the_right_password_signs_in_and_goes_to_the_dashboard(client: Client, khuzestan_editor: User) -> None:
    response = _sign_in(client, "khuzestan_editor", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("newsroom:dashboard")
    assert client.session["_auth_user_id"] == str(khuzestan_editor.pk)


def test_a_safe_next_address_is_followed(client: Client, khuzestan_editor: User) -> None:
    response = client.post(f"{LOGIN}?next=/panel/", {"username": "khuzestan_editor", "password": PASSWORD})
    assert response["Location"] == "/panel/"


def test_a_foreign_next_address_is_ignored(client: Client, khuzestan_editor: User) -> None:
    response = client.post(
        LOGIN, {"username": "khuzestan_editor", "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("newsroom:dashboard")


def _error_text(response: Any) -> list[str]:
    return response.context["form"].non_field_errors()


@pytest.mark.django_db
def test_unknown_user_wrong_password_and_disabled_account_get_the_same_answer(client: Client) -> None:
    user_make(username="known")
    user_make(username="disabled", is_active=False)
    unknown = _sign_in(client, "nobody", PASSWORD)
    wrong = _sign_in(client, "known", "not-the-password")
    disabled = _sign_in(client, "disabled", PASSWORD)
    assert unknown.status_code == wrong.status_code == disabled.status_code == 200
    assert _error_text(unknown) == _error_text(wrong) == _error_text(disabled)
    assert len(_error_text(unknown)) == 1
    # The pages differ only in the username echoed back into the form (and the CSRF token).
    assert _page_without_secrets(unknown, "nobody") == _page_without_secrets(wrong, "known")
    assert "_auth_user_id" not in client.session


def _page_without_secrets(response: Any, username: str) -> str:
    html = response.content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return html.replace(f'value="{username}"', 'value=""')


def test_the_login_page_is_persian(client: Client, db: None) -> None:
    html = client.get(LOGIN).content.decode()
    assert "ورود" in html
    assert "نام کاربری" in html
    assert "گذرواژه" in html


def test_the_error_message_is_persian(client: Client, db: None) -> None:
    response = _sign_in(client, "nobody", "nothing")
    assert any("نام کاربری یا گذرواژه" in error for error in _error_text(response))
