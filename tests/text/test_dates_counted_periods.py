"""«N ماه دیگر», «N هفته پیش», «N سال قبل»: a whole week, month or year that far away, not one made-up day."""

import datetime as dt

import pytest

from ayneh.text.dates import find_dates

MONDAY_3_KHORDAD_1400 = dt.date(2021, 5, 24)


@pytest.mark.parametrize(
    ("phrase", "kind", "first", "last"),
    [
        ("۱۸ ماه دیگر", "month", dt.date(2022, 11, 22), dt.date(2022, 12, 21)),  # Azar 1401
        ("سه ماه پیش", "month", dt.date(2021, 2, 19), dt.date(2021, 3, 20)),  # Esfand 1399
        ("۲ هفته دیگر", "week", dt.date(2021, 6, 5), dt.date(2021, 6, 11)),
        ("۳ سال قبل", "year", dt.date(2018, 3, 21), dt.date(2019, 3, 20)),  # 1397
    ],
)
def test_a_counted_week_month_or_year_is_that_whole_period(
    phrase: str, kind: str, first: dt.date, last: dt.date
) -> None:
    [mention] = find_dates(f"قرار است {phrase} اجرا شود", reference=MONDAY_3_KHORDAD_1400)
    assert (mention.text, mention.kind, mention.date, mention.until) == (phrase, kind, first, last)


def test_counted_days_are_still_one_day() -> None:
    [mention] = find_dates("۳ روز دیگر", reference=MONDAY_3_KHORDAD_1400)
    assert (mention.kind, mention.date, mention.until) == ("day", dt.date(2021, 5, 27), None)
