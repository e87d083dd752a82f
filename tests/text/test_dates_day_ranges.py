"""«از ۲۰ تا ۲۵ آبان», «۱۱ و ۱۲ تیر»: the first day takes the month (and year) written after the second."""

import datetime as dt

import pytest

from ayneh.text.dates import find_dates

MONDAY_3_KHORDAD_1400 = dt.date(2021, 5, 24)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("از ۲۰ تا ۲۵ آبان ۱۳۹۹", [("۲۰", dt.date(2020, 11, 10)), ("۲۵ آبان ۱۳۹۹", dt.date(2020, 11, 15))]),
        ("۲۰ الی ۲۵ آبان ۱۳۹۹", [("۲۰", dt.date(2020, 11, 10)), ("۲۵ آبان ۱۳۹۹", dt.date(2020, 11, 15))]),
        ("۱۱ و ۱۲ تیر", [("۱۱", dt.date(2021, 7, 2)), ("۱۲ تیر", dt.date(2021, 7, 3))]),
        ("از دهم تا پانزدهم خرداد", [("دهم", dt.date(2021, 5, 31)), ("پانزدهم خرداد", dt.date(2021, 6, 5))]),
    ],
)
def test_both_days_of_a_range_or_pair_are_found(text: str, days: list[tuple[str, dt.date]]) -> None:
    mentions = find_dates(f"جشنواره {text} برگزار می‌شود", reference=MONDAY_3_KHORDAD_1400)
    assert [(m.text, m.date) for m in mentions] == days


def test_the_first_day_is_resolved_in_the_year_nearest_the_reference() -> None:
    first, second = find_dates("از 20 تا 25 آبان", reference=dt.date(2009, 11, 2))
    assert (first.date, second.date) == (dt.date(2009, 11, 11), dt.date(2009, 11, 16))


def test_a_number_before_a_full_date_is_no_day_when_a_count_follows_it() -> None:
    [mention] = find_dates("۵ نفر و ۱۲ تیر ۱۴۰۰", reference=MONDAY_3_KHORDAD_1400)
    assert mention.text == "۱۲ تیر ۱۴۰۰"


def test_the_first_day_shares_the_second_days_year_and_its_weekday_is_only_checked() -> None:
    first, second = find_dates("روزهای سه‌شنبه و چهارشنبه ۱۸ و ۱۹ شهریورماه", reference=dt.date(2020, 9, 5))
    assert (second.text, second.date, second.error) == ("۱۹ شهریورماه", dt.date(2020, 9, 9), None)
    assert (first.text, first.date) == ("چهارشنبه ۱۸", dt.date(2020, 9, 8))
    assert first.error is not None  # 18 Shahrivar 1399 was a Tuesday
