"""parse_published: Gregorian and Solar Hijri timestamps to UTC; a Jalali year is never read as Gregorian."""

from __future__ import annotations

import datetime as dt

import pytest

from ayneh.monitoring.fetch.dates import parse_published

UTC = dt.UTC


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Sat, 22 May 2021 08:30:00 +0430", dt.datetime(2021, 5, 22, 4, 0, tzinfo=UTC)),
        ("Sat, 22 May 2021 04:00:00 GMT", dt.datetime(2021, 5, 22, 4, 0, tzinfo=UTC)),
        ("2021-05-22T08:30:00+04:30", dt.datetime(2021, 5, 22, 4, 0, tzinfo=UTC)),
        ("2019-05-29T19:50:37Z", dt.datetime(2019, 5, 29, 19, 50, 37, tzinfo=UTC)),
        ("2019-05-20T18:23:00.0000000Z", dt.datetime(2019, 5, 20, 18, 23, tzinfo=UTC)),
        # no zone: Tehran time, +04:30 in June 2021 but +03:30 in June 2023 (daylight saving ended in 2022)
        ("2021-06-15 12:00", dt.datetime(2021, 6, 15, 7, 30, tzinfo=UTC)),
        ("2023-06-15 12:00", dt.datetime(2023, 6, 15, 8, 30, tzinfo=UTC)),
        # Solar Hijri in any digits
        ("۱۴۰۰/۰۳/۰۱", dt.datetime(2021, 5, 21, 19, 30, tzinfo=UTC)),
        ("1400-03-01 10:00", dt.datetime(2021, 5, 22, 5, 30, tzinfo=UTC)),
        ("۱۴۰۲/۱۲/۲۹ ۱۴:۳۰", dt.datetime(2024, 3, 19, 11, 0, tzinfo=UTC)),
        ("٠١/٠٣/١٤٠٠", dt.datetime(2021, 5, 21, 19, 30, tzinfo=UTC)),
        ("۱۳۹۸/۰۲/۱۲ - ۱۶:۱۲", dt.datetime(2019, 5, 2, 11, 42, tzinfo=UTC)),
        ("1402-12-29T14:30:00+03:30", dt.datetime(2024, 3, 19, 11, 0, tzinfo=UTC)),
        # Persian words, Arabic «ي» as Tasnim writes it
        ("۳۰ ارديبهشت ۱۳۹۸ - ۲۲:۵۳", dt.datetime(2019, 5, 20, 18, 23, tzinfo=UTC)),
        ("شنبه ۱ خرداد ۱۴۰۰", dt.datetime(2021, 5, 21, 19, 30, tzinfo=UTC)),
    ],
)
def test_it_reads_the_moment(value: str, expected: dt.datetime) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "۱۴۰۲/۱۲/۳۰",  # 30 Esfand 1402: 1402 is a common year — no date, and never Gregorian 1402
        "۳۰ اسفند ۱۴۰۲",
        "1400/13/01",
        "Tue, 20 Feb 1402 10:00:00 GMT",  # a Jalali year in RFC 822 clothes
        "دیروز",
        "soon",
        "",
        None,
    ],
)
def test_it_gives_no_date_rather_than_a_wrong_one(value: str | None) -> None:
    assert parse_published(value) is None


def test_a_jalali_leap_day_is_a_date() -> None:
    assert parse_published("۱۴۰۳/۱۲/۳۰") == dt.datetime(2025, 3, 19, 20, 30, tzinfo=UTC)
