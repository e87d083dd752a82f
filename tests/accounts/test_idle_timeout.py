"""A session idle longer than SESSION_COOKIE_AGE ends; every request pushes its end forward."""

import datetime as dt

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ayneh.accounts.models import User
from tests.factories import PASSWORD

pytestmark = pytest.mark.urls("tests.accounts.probe_urls")


@pytest.fixture
def signed_in(client: Client, khuzestan_editor: User) -> Client:
    """A real sign-in through the login page, so the session is the one the app makes."""
    client.post(reverse("accounts:login"), {"username": "khuzestan_editor", "password": PASSWORD})
    assert client.get(reverse("probe-offices")).status_code == 200
    return client


def _session(client: Client) -> Session:
    return Session.objects.get(session_key=client.cookies[settings.SESSION_COOKIE_NAME].value)


def test_an_idle_session_has_ended(signed_in: Client) -> None:
    Session.objects.filter(pk=_session(signed_in).pk).update(expire_date=timezone.now() - dt.timedelta(seconds=1))
    response = signed_in.get(reverse("probe-offices"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_each_request_pushes_the_end_of_the_session_forward(signed_in: Client) -> None:
    soon = timezone.now() + dt.timedelta(seconds=60)
    Session.objects.filter(pk=_session(signed_in).pk).update(expire_date=soon)
    before = timezone.now()
    assert signed_in.get(reverse("probe-offices")).status_code == 200
    expected = before + dt.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    assert abs((_session(signed_in).expire_date - expected).total_seconds()) < 30


def test_the_session_lasts_no_longer_than_the_idle_timeout(signed_in: Client) -> None:
    remaining = _session(signed_in).expire_date - timezone.now()
    assert remaining <= dt.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    assert settings.SESSION_SAVE_EVERY_REQUEST
