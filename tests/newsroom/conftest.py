"""Newsroom fixtures: the shared personas (tests/conftest.py) plus an office below Khuzestan, logged-in
clients, and a media folder of the test's own."""

from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client

from ayneh.accounts.models import User
from ayneh.offices.models import Office, Tier
from tests.factories import office_make

ClientFor = Callable[[User], Client]


@pytest.fixture(autouse=True)
def media_root(settings: object, tmp_path: Path) -> Path:
    """Every newsroom test stores its uploads in its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"  # type: ignore[attr-defined]
    return tmp_path / "media"


@pytest.fixture
def abadan(khuzestan: Office) -> Office:
    """An office below Khuzestan's directorate (a county office): Khuzestan's roles cover it."""
    return office_make(
        code="abadan",
        name="اداره تعاون، کار و رفاه اجتماعی شهرستان آبادان",
        tier=Tier.HQ_UNIT,
        parent=khuzestan,
        province="خوزستان",
    )


@pytest.fixture
def client_for() -> ClientFor:
    """`client_for(user)`: a test client logged in as `user` (no password round trip)."""

    def make(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make
