"""Days that do not exist are reported, never moved to a neighbouring day."""

import datetime as dt

import pytest

from ayneh.text.dates import find_dates


@pytest.mark.parametrize("written", ["۳۰ اسفند ۱۴۰۰", "۳۱ مهر ۱۳۹۹", "1400/12/30", "۳۲ خرداد ۱۴۰۰"])
def test_an_impossible_date_has_no_date_and_an_error(written: str) -> None:
    [mention] = find_dates(written)
    assert mention.text == written
    assert mention.date is None
    assert mention.error is not None


def test_thirty_esfand_exists_in_a_leap_year() -> None:
    [mention] = find_dates("۳۰ اسفند ۱۳۹۹")
    assert (mention.date, mention.error) == (dt.date(2021, 3, 20), None)


def test_a_year_less_thirty_esfand_in_a_common_nearest_year_is_reported() -> None:
    [mention] = find_dates("۳۰ اسفند", reference=dt.date(2022, 3, 1))  # nearest Esfand is 1400, a common year
    assert mention.date is None
    assert mention.error is not None
