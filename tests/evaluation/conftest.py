"""Evaluation fixtures: the default framework loaded, and a quarter opened for Khuzestan and Fars by the
ministry's evaluator (the personas come from tests/conftest.py)."""

from pathlib import Path

import pytest

from ayneh.accounts.models import User
from ayneh.evaluation.models import Framework, Period
from ayneh.evaluation.services import framework_load_default, period_open
from ayneh.offices.models import Office


@pytest.fixture(autouse=True)
def media_root(settings: object, tmp_path: Path) -> Path:
    """Every evaluation test stores its evidence in its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"  # type: ignore[attr-defined]
    return tmp_path / "media"


@pytest.fixture
def default_framework(db: None) -> Framework:
    return framework_load_default()


@pytest.fixture
def spring_1403(default_framework: Framework, ministry_evaluator: User, khuzestan: Office, fars: Office) -> Period:
    """Spring 1403 (1 Farvardin – 31 Khordad 1403 = 2024-03-20 – 2024-06-20) for Khuzestan and Fars."""
    return period_open(
        framework=default_framework,
        kind="quarter",
        year=1403,
        number=1,
        offices=[khuzestan, fars],
        actor=ministry_evaluator,
    )
