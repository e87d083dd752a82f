"""A weekday written with a year-less date chooses the year."""

import datetime as dt

from ayneh.text.dates import find_dates


def test_saturday_first_of_khordad_is_1400_when_published_that_week() -> None:
    [mention] = find_dates("حسن نسیمی روز شنبه یکم خرداد گفت", reference=dt.date(2021, 5, 24))
    assert mention.text == "روز شنبه یکم خرداد"
    assert mention.date == dt.date(2021, 5, 22)


def test_the_weekday_can_pick_a_year_other_than_the_nearest() -> None:
    # 1 Khordad 1399 was a Thursday; 1400 is a Saturday. Even published a year later the weekday decides.
    [mention] = find_dates("پنجشنبه یکم خرداد", reference=dt.date(2021, 5, 24))
    assert mention.date == dt.date(2020, 5, 21)


def test_a_weekday_that_fits_no_nearby_year_is_reported() -> None:
    [mention] = find_dates("جمعه یکم خرداد", reference=dt.date(2021, 5, 24))
    assert mention.date is None
    assert mention.error is not None
    assert "Friday" in mention.error
