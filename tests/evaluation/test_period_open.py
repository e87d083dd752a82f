"""Opening an evaluation period: Jalali dates, offices, rights and the audit row."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ayneh.core.models import AuditEntry
from ayneh.evaluation.models import PeriodStatus
from ayneh.evaluation.services import period_open


def test_a_quarter_gets_its_jalali_days_a_persian_title_and_its_offices(spring_1403, khuzestan, fars):
    assert (spring_1403.code, spring_1403.title) == ("1403-q1", "بهار 1403")
    assert (spring_1403.starts_on, spring_1403.ends_on, spring_1403.months) == (
        dt.date(2024, 3, 20),
        dt.date(2024, 6, 20),
        3,
    )
    assert set(spring_1403.offices.all()) == {khuzestan, fars}
    assert spring_1403.status == PeriodStatus.OPEN


def test_opening_is_audited_with_the_offices(spring_1403, ministry_evaluator):
    row = AuditEntry.objects.get(action="evaluation.period_opened")
    assert row.actor == ministry_evaluator
    assert row.data["offices"] == ["dg-fars", "dg-khuzestan"]


def test_a_month_is_titled_with_its_jalali_name(default_framework, ministry_evaluator, khuzestan):
    period = period_open(
        framework=default_framework, kind="month", year=1400, number=3, offices=[khuzestan], actor=ministry_evaluator
    )
    assert period.title == "خرداد 1400"


def test_an_office_editor_cannot_open_a_period(default_framework, khuzestan_editor, khuzestan):
    with pytest.raises(PermissionDenied):
        period_open(framework=default_framework, kind="year", year=1403, offices=[khuzestan], actor=khuzestan_editor)


def test_an_impossible_quarter_is_a_form_error(default_framework, ministry_evaluator, khuzestan):
    with pytest.raises(ValidationError):
        period_open(
            framework=default_framework,
            kind="quarter",
            year=1403,
            number=5,
            offices=[khuzestan],
            actor=ministry_evaluator,
        )
