"""Every sign-in, failed sign-in and sign-out leaves an audit row and a security log line."""

import logging

import pytest
from django.test import Client
from django.urls import reverse

from ayneh.accounts.models import User
from ayneh.core.models import AuditEntry
from tests.factories import PASSWORD

LOGIN = reverse("accounts:login")


def test_a_sign_in_is_audited_with_the_address(client: Client, khuzestan_editor: User) -> None:
    client.post(LOGIN, {"username": "khuzestan_editor", "password": PASSWORD}, REMOTE_ADDR="192.0.2.10")
    row = AuditEntry.objects.get(action="auth.login")
    assert (row.actor, row.ip_address, row.target_id) == (khuzestan_editor, "192.0.2.10", str(khuzestan_editor.pk))


def test_a_failed_sign_in_is_audited_without_an_actor(client: Client, khuzestan_editor: User) -> None:
    client.post(LOGIN, {"username": "khuzestan_editor", "password": "wrong"}, REMOTE_ADDR="192.0.2.11")
    row = AuditEntry.objects.get(action="auth.login_failed")
    assert row.actor is None
    assert row.ip_address == "192.0.2.11"
    assert row.target_id == str(khuzestan_editor.pk)  # the account aimed at, for the administrator
    assert row.data == {"username": "khuzestan_editor", "reason": "bad_credentials", "locked": False}


@pytest.mark.django_db
def test_a_failed_sign_in_for_an_unknown_name_is_audited_too(client: Client) -> None:
    client.post(LOGIN, {"username": "nobody", "password": "wrong"})
    row = AuditEntry.objects.get(action="auth.login_failed")
    assert (row.target_id, row.data["username"]) == ("", "nobody")


def test_failures_go_to_the_security_log(
    client: Client, khuzestan_editor: User, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="ayneh.security"):
        client.post(LOGIN, {"username": "khuzestan_editor", "password": "wrong"}, REMOTE_ADDR="192.0.2.12")
        client.post(LOGIN, {"username": "khuzestan_editor", "password": PASSWORD}, REMOTE_ADDR="192.0.2.12")
    messages = [record.getMessage() for record in caplog.records if record.name == "ayneh.security"]
    assert messages[0] == "login failed: username='khuzestan_editor' address=192.0.2.12"
    assert messages[1] == "login: user=khuzestan_editor address=192.0.2.12"
    assert "wrong" not in " ".join(messages)


def test_attempts_while_locked_reach_the_log_but_not_the_audit_table(
    client: Client, khuzestan_editor: User, settings: object
) -> None:
    settings.LOGIN_FAILURE_LIMIT = 2  # type: ignore[attr-defined]
    for _ in range(6):
        client.post(LOGIN, {"username": "khuzestan_editor", "password": "wrong"})
    rows = AuditEntry.objects.filter(action="auth.login_failed").order_by("id")
    assert [row.data["locked"] for row in rows] == [False, True]
