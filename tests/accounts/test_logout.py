"""Signing out takes a POST (with its CSRF token) and is audited."""

from django.test import Client
from django.urls import reverse

from ayneh.accounts.models import User
from ayneh.core.models import AuditEntry


def test_signing_out_by_get_is_not_allowed(client: Client, khuzestan_editor: User) -> None:
    client.force_login(khuzestan_editor)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert "_auth_user_id" in client.session


def test_signing_out_by_post_ends_the_session_and_is_audited(client: Client, khuzestan_editor: User) -> None:
    client.force_login(khuzestan_editor)
    response = client.post(reverse("accounts:logout"), REMOTE_ADDR="192.0.2.20")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    row = AuditEntry.objects.get(action="auth.logout")
    assert (row.actor, row.ip_address) == (khuzestan_editor, "192.0.2.20")


def test_signing_out_needs_the_csrf_token(khuzestan_editor: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(khuzestan_editor)
    assert client.post(reverse("accounts:logout")).status_code == 403
    assert "_auth_user_id" in client.session
