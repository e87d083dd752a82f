"""Monitoring fixtures: a fresh in-memory index per test (the database rolls back between tests, the
process-wide indexes would otherwise remember rows that no longer exist), registered outlets, and the
sample release (tests/monitoring/releases.py) published."""

from collections.abc import Iterator

import pytest

from ayneh.accounts.models import User
from ayneh.monitoring.models import Outlet, OutletTier
from ayneh.monitoring.pickups import release_index_reset
from ayneh.monitoring.versions import version_index_reset
from ayneh.newsroom.models import Release
from ayneh.offices.models import Office
from tests.monitoring.factories import outlet_make, sample_release_make

# The fetching tests' real HTTP server on 127.0.0.1 (helper M1's fixture), for the feed source tests here.
from tests.monitoring.fetch.conftest import local_server  # noqa: F401


@pytest.fixture(autouse=True)
def fresh_indexes() -> Iterator[None]:
    version_index_reset()
    release_index_reset()
    yield
    version_index_reset()
    release_index_reset()


@pytest.fixture
def irna(db: None) -> Outlet:
    return outlet_make(name="ایرنا", tier=OutletTier.NEWS_AGENCY, aliases=["خبرگزاری ایرنا", "خبرگزاری جمهوری اسلامی"])


@pytest.fixture
def rah_baharestan(db: None) -> Outlet:
    return outlet_make(name="راه بهارستان", tier=OutletTier.PROVINCIAL, province="خوزستان")


@pytest.fixture
def release(khuzestan: Office, khuzestan_editor: User) -> Release:
    """The sample release of Khuzestan's directorate, published."""
    return sample_release_make(office=khuzestan, actor=khuzestan_editor)
