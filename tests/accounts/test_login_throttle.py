"""Repeated failures lock sign-in per account and per address, for known and unknown names alike."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from ayneh.accounts.models import User
from tests.factories import PASSWORD

LOGIN = reverse("accounts:login")
LIMIT = 3


@pytest.fixture(autouse=True)
def small_limit(settings: Settings) -> None:
    settings.LOGIN_FAILURE_LIMIT = LIMIT
    settings.LOGIN_LOCKOUT_SECONDS = 600
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = LIMIT


def _sign_in(client: Client, username: str, password: str, address: str = "198.51.100.7") -> Any:
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def _errors(response: Any) -> list[str]:
    return list(response.context["form"].non_field_errors())


def _fail(client: Client, username: str, times: int, address: str = "198.51.100.7") -> list[Any]:
    return [_sign_in(client, username, "wrong-password", address) for _ in range(times)]


def test_an_account_locks_after_the_limit_even_for_the_right_password(client: Client, khuzestan_editor: User) -> None:
    _fail(client, "khuzestan_editor", LIMIT)
    response = _sign_in(client, "khuzestan_editor", PASSWORD)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert _errors(response) != _errors(_fail(Client(), "someone-else", 1, address="192.0.2.99")[0])


def test_the_account_lock_holds_from_another_address(client: Client, khuzestan_editor: User) -> None:
    for n in range(LIMIT):
        _sign_in(client, "khuzestan_editor", "wrong-password", address=f"203.0.113.{n}")
    response = _sign_in(client, "khuzestan_editor", PASSWORD, address="203.0.113.200")
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200


def test_failures_below_the_limit_do_not_lock(client: Client, khuzestan_editor: User) -> None:
    _fail(client, "khuzestan_editor", LIMIT - 1)
    response = _sign_in(client, "khuzestan_editor", PASSWORD)
    assert response.status_code == 302


def test_a_success_clears_the_accounts_count(client: Client, khuzestan_editor: User) -> None:
    _fail(client, "khuzestan_editor", LIMIT - 1)
    assert _sign_in(client, "khuzestan_editor", PASSWORD).status_code == 302
    client.logout()
    _fail(client, "khuzestan_editor", LIMIT - 1, address="192.0.2.50")
    assert _sign_in(client, "khuzestan_editor", PASSWORD, address="192.0.2.50").status_code == 302


def test_an_address_guessing_many_accounts_is_locked(client: Client, khuzestan_editor: User, fars_editor: User) -> None:
    for n in range(LIMIT):
        _sign_in(client, f"guess-{n}", "wrong-password", address="198.51.100.66")
    # A real account with its right password, from that address, is refused too.
    assert _sign_in(client, "fars_editor", PASSWORD, address="198.51.100.66").status_code == 200
    # The same account from another address is not.
    assert _sign_in(client, "fars_editor", PASSWORD, address="198.51.100.67").status_code == 302


def test_ipv6_neighbours_in_one_64_share_a_count(client: Client, khuzestan_editor: User) -> None:
    for n in range(LIMIT):
        _sign_in(client, f"guess-{n}", "wrong-password", address=f"2001:db8:1:2::{n + 1}")
    response = _sign_in(client, "khuzestan_editor", PASSWORD, address="2001:db8:1:2::ffff")
    assert response.status_code == 200


def test_unknown_and_known_names_lock_the_same_way(client: Client, khuzestan_editor: User) -> None:
    known = _fail(client, "khuzestan_editor", LIMIT + 1, address="192.0.2.1")
    unknown = _fail(client, "no-such-person", LIMIT + 1, address="192.0.2.2")
    assert [_errors(r) for r in known] == [_errors(r) for r in unknown]
    assert [r.status_code for r in known] == [r.status_code for r in unknown]


def test_a_name_differing_only_in_case_shares_the_count(client: Client, khuzestan_editor: User) -> None:
    _fail(client, "KHUZESTAN_EDITOR", LIMIT, address="192.0.2.3")
    assert _sign_in(client, "khuzestan_editor", PASSWORD, address="192.0.2.4").status_code == 200


def test_the_lock_message_is_persian(client: Client, khuzestan_editor: User) -> None:
    responses = _fail(client, "khuzestan_editor", LIMIT + 1)
    assert any("تلاش" in error for error in _errors(responses[-1]))
