"""Dates written in digits."""

import datetime as dt

import pytest

from ayneh.text.dates import find_dates

MONDAY_3_KHORDAD_1400 = dt.date(2021, 5, 24)


@pytest.mark.parametrize("written", ["۱۴۰۰/۰۳/۰۱", "1400/3/1", "1400-03-01", "۰۱/۰۳/۱۴۰۰", "1400.03.01"])
def test_it_reads_a_solar_hijri_date_in_digits(written: str) -> None:
    [mention] = find_dates(f"در تاریخ {written} برگزار شد")
    assert (mention.text, mention.date, mention.error) == (written, dt.date(2021, 5, 22), None)


def test_it_reads_a_two_digit_year_with_slashes_near_the_reference() -> None:
    [mention] = find_dates("تاریخ 99/3/1", reference=MONDAY_3_KHORDAD_1400)
    assert mention.date == dt.date(2020, 5, 21)


def test_it_reads_a_gregorian_date_by_its_year() -> None:
    [mention] = find_dates("on 2021-05-22 and")
    assert mention.date == dt.date(2021, 5, 22)


def test_it_ignores_numbers_that_are_not_shaped_like_dates() -> None:
    assert find_dates("نسخه 1.2.3 و نسبت 3/4 و 1400/13/40 و شماره 0912-345-6789") == []


def test_a_weekday_that_contradicts_a_full_date_keeps_the_date_and_says_so() -> None:
    [mention] = find_dates("روز دوشنبه ۱۴۰۰/۰۳/۰۱")
    assert mention.text == "روز دوشنبه ۱۴۰۰/۰۳/۰۱"
    assert mention.date == dt.date(2021, 5, 22)
    assert mention.error is not None
    assert "Saturday" in mention.error
