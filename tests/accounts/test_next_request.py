"""Disabling a user or removing a membership takes effect on their next request: no role is kept in the
session, everything is read fresh."""

import pytest
from django.test import Client
from django.urls import reverse

from ayneh.accounts.models import User
from ayneh.offices.models import Office
from ayneh.offices.roles import Role
from ayneh.offices.services import membership_grant, membership_revoke
from tests.factories import PASSWORD

pytestmark = pytest.mark.urls("tests.accounts.probe_urls")

AUTH_SESSION_KEYS = {"_auth_user_id", "_auth_user_backend", "_auth_user_hash"}


@pytest.fixture
def signed_in(client: Client, khuzestan_editor: User) -> Client:
    client.post(reverse("accounts:login"), {"username": "khuzestan_editor", "password": PASSWORD})
    assert client.get(reverse("probe-offices")).json()["offices"] == ["dg-khuzestan"]
    return client


def test_a_disabled_user_is_signed_out_on_the_next_request(signed_in: Client, khuzestan_editor: User) -> None:
    User.objects.filter(pk=khuzestan_editor.pk).update(is_active=False)
    response = signed_in.get(reverse("probe-offices"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_removed_membership_ends_access_on_the_next_request(signed_in: Client, khuzestan_editor: User) -> None:
    membership_revoke(membership=khuzestan_editor.memberships.get())
    assert signed_in.get(reverse("probe-offices")).json()["offices"] == []
    assert signed_in.get(reverse("probe-office", kwargs={"code": "dg-khuzestan"})).status_code == 404


def test_a_granted_membership_applies_on_the_next_request(
    signed_in: Client, khuzestan_editor: User, fars: Office
) -> None:
    membership_grant(user=khuzestan_editor, office=fars, role=Role.EDITOR)
    assert signed_in.get(reverse("probe-offices")).json()["offices"] == ["dg-fars", "dg-khuzestan"]


def test_the_session_holds_nothing_but_who_signed_in(signed_in: Client) -> None:
    assert set(signed_in.session.keys()) <= AUTH_SESSION_KEYS


def test_a_changed_password_ends_other_sessions(signed_in: Client, khuzestan_editor: User) -> None:
    khuzestan_editor.set_password("a-brand-new-passphrase-1401")
    khuzestan_editor.save()
    assert signed_in.get(reverse("probe-offices")).status_code == 302
