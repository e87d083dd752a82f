"""Jalali periods: their first and last days, and the UTC interval computers filter on."""

import datetime as dt

import pytest

from ayneh.evaluation.periods import PeriodKind, jalali_period_bounds, period_code, period_window


def test_a_year_runs_from_nowruz_to_the_last_day_of_esfand():
    bounds = jalali_period_bounds(kind=PeriodKind.YEAR, year=1399)
    assert (bounds.starts_on, bounds.ends_on, bounds.months) == (dt.date(2020, 3, 20), dt.date(2021, 3, 20), 12)


def test_esfand_has_thirty_days_in_a_leap_year_and_twenty_nine_otherwise():
    assert jalali_period_bounds(kind=PeriodKind.MONTH, year=1403, number=12).ends_on == dt.date(2025, 3, 20)
    assert jalali_period_bounds(kind=PeriodKind.MONTH, year=1402, number=12).ends_on == dt.date(2024, 3, 19)


def test_a_quarter_is_three_months():
    bounds = jalali_period_bounds(kind=PeriodKind.QUARTER, year=1400, number=1)
    # Spring 1400 contains the seed article's event, 1 Khordad 1400 = 2021-05-22.
    assert (bounds.starts_on, bounds.ends_on, bounds.months) == (dt.date(2021, 3, 21), dt.date(2021, 6, 21), 3)


@pytest.mark.parametrize(("kind", "number"), [("quarter", 0), ("quarter", 5), ("month", 13), ("year", 2)])
def test_it_refuses_numbers_that_do_not_fit_the_kind(kind, number):
    with pytest.raises(ValueError, match=r"number"):
        jalali_period_bounds(kind=PeriodKind(kind), year=1403, number=number)


def test_codes_sort_and_read_well():
    assert period_code(kind=PeriodKind.YEAR, year=1403) == "1403"
    assert period_code(kind=PeriodKind.QUARTER, year=1403, number=2) == "1403-q2"
    assert period_code(kind=PeriodKind.MONTH, year=1403, number=7) == "1403-m07"


def test_the_window_runs_between_local_midnights_in_utc():
    window = period_window(starts_on=dt.date(2024, 3, 20), ends_on=dt.date(2024, 6, 20), months=3)
    # Iran has kept +03:30 all year since 2022.
    assert window.start == dt.datetime(2024, 3, 19, 20, 30, tzinfo=dt.UTC)
    assert window.end == dt.datetime(2024, 6, 20, 20, 30, tzinfo=dt.UTC)
