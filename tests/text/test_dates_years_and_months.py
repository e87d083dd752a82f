"""Whole years and months resolve to their first and last day."""

import datetime as dt

import pytest

from ayneh.text.dates import find_dates

MONDAY_3_KHORDAD_1400 = dt.date(2021, 5, 24)


def test_a_solar_hijri_year_is_the_range_of_that_year() -> None:
    [mention] = find_dates("ارزیابی سال ۱۳۹۹")
    assert (mention.text, mention.kind) == ("سال ۱۳۹۹", "year")
    assert (mention.date, mention.until) == (dt.date(2020, 3, 20), dt.date(2021, 3, 20))


def test_a_two_digit_year_takes_the_century_nearest_the_reference() -> None:
    [mention] = find_dates("در سال ۹۹", reference=MONDAY_3_KHORDAD_1400)
    assert mention.date == dt.date(2020, 3, 20)


def test_a_gregorian_year_is_read_as_gregorian() -> None:
    [mention] = find_dates("سال ۲۰۲۰ میلادی")
    assert (mention.date, mention.until) == (dt.date(2020, 1, 1), dt.date(2020, 12, 31))


def test_a_lunar_hijri_year_is_reported_not_converted() -> None:
    [mention] = find_dates("سال ۱۴۴۲ هجری قمری")
    assert mention.date is None
    assert mention.error is not None


def test_a_month_with_a_year_is_the_range_of_that_month() -> None:
    [mention] = find_dates("خرداد ۱۴۰۰")
    assert (mention.kind, mention.date, mention.until) == ("month", dt.date(2021, 5, 22), dt.date(2021, 6, 21))


def test_a_month_with_mah_and_no_year_is_the_nearest_such_month() -> None:
    [mention] = find_dates("بهمن‌ماه", reference=MONDAY_3_KHORDAD_1400)
    assert (mention.date, mention.until) == (dt.date(2021, 1, 20), dt.date(2021, 2, 18))


def test_a_year_number_that_goes_on_as_a_date_is_read_as_the_date() -> None:
    [mention] = find_dates("سال 1400/03/01")
    assert (mention.text, mention.kind) == ("1400/03/01", "day")


def test_a_four_digit_number_after_a_month_is_its_year_only_in_the_solar_hijri_range() -> None:
    [mention] = find_dates("۱۰ خرداد ۹۹۳۰ نفر", reference=MONDAY_3_KHORDAD_1400)
    assert (mention.text, mention.date) == ("۱۰ خرداد", dt.date(2021, 5, 31))


@pytest.mark.parametrize("count", ["۵۰ نفر", "30 میلیارد", "۲۰ درصد"])
def test_a_two_digit_number_after_a_month_that_counts_something_is_not_its_year(count: str) -> None:
    [mention] = find_dates(f"در ۱۰ خرداد {count} ثبت‌نام کردند", reference=MONDAY_3_KHORDAD_1400)
    assert (mention.text, mention.date) == ("۱۰ خرداد", dt.date(2021, 5, 31))


def test_a_two_digit_year_after_a_month_is_still_read() -> None:
    [mention] = find_dates("در خرداد ۹۹ در تهران", reference=MONDAY_3_KHORDAD_1400)
    assert (mention.text, mention.kind, mention.date) == ("خرداد ۹۹", "month", dt.date(2020, 5, 21))


def test_an_hour_after_a_two_digit_year_leaves_the_year() -> None:
    [mention] = find_dates("چهارشنبه چهارم فروردین 95 ساعت 13:55", reference=dt.date(2016, 3, 23))
    assert (mention.text, mention.date, mention.error) == ("چهارشنبه چهارم فروردین 95", dt.date(2016, 3, 23), None)
