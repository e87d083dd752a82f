"""Dates written with month names and ordinal days."""

import datetime as dt

import pytest

from ayneh.text.dates import find_dates

MONDAY_3_KHORDAD_1400 = dt.date(2021, 5, 24)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("۲۵ اردیبهشت ۱۴۰۰", dt.date(2021, 5, 15)),
        ("25 اردیبهشت سال 1400", dt.date(2021, 5, 15)),
        ("یکم خرداد ۱۴۰۰", dt.date(2021, 5, 22)),
        ("اول تیرماه ۱۴۰۰", dt.date(2021, 6, 22)),
        ("بیست و پنجم آبان ۱۳۹۹", dt.date(2020, 11, 15)),
        ("سی‌ام شهریور ۱۳۹۹", dt.date(2020, 9, 20)),
        ("چهارم اسفندماه ۹۸", dt.date(2020, 2, 23)),
        ("۱۲ امرداد ۱۴۰۰", dt.date(2021, 8, 3)),
    ],
)
def test_it_reads_a_day_a_month_name_and_a_year(written: str, expected: dt.date) -> None:
    [mention] = find_dates(f"این رویداد {written} رخ داد", reference=MONDAY_3_KHORDAD_1400)
    assert (mention.text, mention.date, mention.error) == (written, expected, None)


def test_without_a_year_it_takes_the_nearest_one_to_the_reference() -> None:
    [spring, winter] = find_dates("۲۵ اردیبهشت و ۲۰ اسفند", reference=MONDAY_3_KHORDAD_1400)
    assert spring.date == dt.date(2021, 5, 15)
    assert winter.date == dt.date(2021, 3, 10)


def test_a_relative_year_after_the_month_counts_from_the_reference() -> None:
    [mention] = find_dates("۲۵ اردیبهشت سال گذشته", reference=MONDAY_3_KHORDAD_1400)
    assert mention.date == dt.date(2020, 5, 14)


def test_without_year_or_reference_it_reports_instead_of_guessing() -> None:
    [mention] = find_dates("یکم خرداد")
    assert mention.date is None
    assert mention.error is not None


def test_arabic_letter_forms_and_digits_are_read_too() -> None:
    [mention] = find_dates("٢٥ ارديبهشت ١٤٠٠")
    assert mention.date == dt.date(2021, 5, 15)
