"""Shared fixtures: where the real Persian data lives, and small persona factories."""

from pathlib import Path

import pytest

from ayneh.accounts.models import User
from ayneh.offices.models import Office
from tests.factories import Role, ministry_get_or_make, province_office_make, user_make

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"


@pytest.fixture
def shared_data() -> Path:
    """../shared/data from the project's root; tests that need it skip cleanly where it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present in this checkout")
    return SHARED_DATA


# --- Personas: two provinces, the ministry, and the people who work in them. -----------------------------
# Names read like the scenarios in issue 2: an editor of Khuzestan must not see Fars, the head of Khuzestan
# reviews Khuzestan's releases, the ministry's evaluator and manager see every office below the ministry.


@pytest.fixture
def ministry(db: None) -> Office:
    return ministry_get_or_make()


@pytest.fixture
def khuzestan(ministry: Office) -> Office:
    return province_office_make(province="خوزستان", code="dg-khuzestan")


@pytest.fixture
def fars(ministry: Office) -> Office:
    return province_office_make(province="فارس", code="dg-fars")


@pytest.fixture
def khuzestan_editor(khuzestan: Office) -> User:
    return user_make(username="khuzestan_editor", role=Role.EDITOR, office=khuzestan, display_name="کارشناس خوزستان")


@pytest.fixture
def khuzestan_head(khuzestan: Office) -> User:
    return user_make(username="khuzestan_head", role=Role.HEAD, office=khuzestan, display_name="حسن نسیمی")


@pytest.fixture
def fars_editor(fars: Office) -> User:
    return user_make(username="fars_editor", role=Role.EDITOR, office=fars, display_name="کارشناس فارس")


@pytest.fixture
def fars_head(fars: Office) -> User:
    return user_make(username="fars_head", role=Role.HEAD, office=fars, display_name="رئیس روابط عمومی فارس")


@pytest.fixture
def ministry_evaluator(ministry: Office) -> User:
    return user_make(username="ministry_evaluator", role=Role.EVALUATOR, office=ministry, display_name="ارزیاب")


@pytest.fixture
def ministry_manager(ministry: Office) -> User:
    return user_make(username="ministry_manager", role=Role.MANAGER, office=ministry, display_name="مدیرکل")


@pytest.fixture
def administrator(db: None) -> User:
    """A superuser: Ayneh's administrator role (sees every office, uses the admin)."""
    return user_make(username="administrator", is_superuser=True, is_staff=True, display_name="مدیر سامانه")
