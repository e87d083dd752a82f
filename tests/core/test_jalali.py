import datetime as dt

import pytest

from ayneh.core import jalali


def test_it_shows_the_seed_event_day_in_jalali_with_persian_digits():
    assert jalali.format_jalali(dt.date(2021, 5, 22), with_time=False) == "۱ خرداد ۱۴۰۰"


def test_it_shows_tehran_wall_clock_for_a_utc_datetime():
    # June 2021: Iran still kept daylight saving, +04:30.
    moment = dt.datetime(2021, 6, 1, 6, 0, tzinfo=dt.UTC)
    assert jalali.format_jalali(moment) == "۱۱ خرداد ۱۴۰۰، ۱۰:۳۰"


def test_it_uses_plus_three_thirty_after_iran_dropped_daylight_saving():
    moment = jalali.jalali_datetime_to_utc(1402, 3, 11, 10, 30)
    assert moment == dt.datetime(2023, 6, 1, 7, 0, tzinfo=dt.UTC)


def test_it_refuses_30_esfand_in_a_common_year():
    with pytest.raises(ValueError, match="day"):
        jalali.jalali_to_gregorian(1402, 12, 30)
    assert jalali.jalali_to_gregorian(1403, 12, 30) == dt.date(2025, 3, 20)


def test_numbers_on_screen_use_persian_digits_and_decimal_separator():
    from ayneh.core.templatetags.persian import fa_digits

    assert fa_digits(71.3) == "۷۱٫۳"
    assert fa_digits("1405") == "۱۴۰۵"
    assert fa_digits("نسخه 2.") == "نسخه ۲."
    assert fa_digits(None) == ""
