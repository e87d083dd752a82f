"""Solar Hijri date input: Persian or Latin digits, an optional time in Iran's local time, and impossible
dates (30 Esfand in a common year, month 13) refused with a Persian message that names the date."""

import datetime as dt
import re

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation

from ayneh.core.forms import JalaliDateField, JalaliDateTimeField

LATIN_LETTER_RE = re.compile("[A-Za-z]")


def _persian_error(field: forms.Field, value: str) -> str:
    """The one error `field` gives for `value`, checked to be in Persian (the wording itself belongs to the
    project catalogue, locale/fa)."""
    with translation.override("fa"), pytest.raises(ValidationError) as error:
        field.clean(value)
    [message] = error.value.messages
    assert LATIN_LETTER_RE.search(message) is None, message
    return message


def test_30_esfand_1402_is_refused_because_1402_is_not_a_leap_year() -> None:
    assert "۳۰ اسفند ۱۴۰۲ وجود ندارد" in _persian_error(JalaliDateField(), "۱۴۰۲/۱۲/۳۰")


def test_30_esfand_1403_is_accepted_because_1403_is_a_leap_year() -> None:
    assert JalaliDateField().clean("۱۴۰۳/۱۲/۳۰") == dt.date(2025, 3, 20)


def test_the_date_time_field_refuses_30_esfand_1402_too() -> None:
    assert "۳۰ اسفند ۱۴۰۲ وجود ندارد" in _persian_error(JalaliDateTimeField(), "1402/12/30 10:00")


def test_a_month_that_does_not_exist_is_named_in_the_error() -> None:
    assert "ماه ۱۳ وجود ندارد" in _persian_error(JalaliDateField(), "1400/13/01")


def test_31_mehr_does_not_exist() -> None:
    assert "۳۱ مهر ۱۴۰۰ وجود ندارد" in _persian_error(JalaliDateField(), "1400/07/31")


@pytest.mark.parametrize(
    "typed", ["۱۴۰۰/۰۳/۰۱", "1400/3/1", "١٤٠٠/٠٣/٠١", "۱۴۰۰-۰۳-۰۱", " 1400.03.01 ", "\u200f۱۴۰۰/۰۳/۰۱"]
)
def test_persian_arabic_and_latin_digits_and_common_separators_are_read(typed: str) -> None:
    assert JalaliDateField().clean(typed) == dt.date(2021, 5, 22)


def test_a_time_is_read_as_tehran_wall_clock_and_stored_in_utc() -> None:
    # 1 Khordad 1400, 10:30 in Tehran was 06:00 UTC (Iran still kept daylight saving, +04:30).
    assert JalaliDateTimeField().clean("۱۴۰۰/۰۳/۰۱ ۱۰:۳۰") == dt.datetime(2021, 5, 22, 6, 0, tzinfo=dt.UTC)


def test_without_a_time_the_moment_is_local_midnight() -> None:
    assert JalaliDateTimeField().clean("1403/12/30") == dt.datetime(2025, 3, 19, 20, 30, tzinfo=dt.UTC)


def test_an_impossible_time_is_refused_in_persian() -> None:
    assert "۲۴:۱۰" in _persian_error(JalaliDateTimeField(), "1400/03/01 24:10")


@pytest.mark.parametrize("typed", ["22 May 2021", "1400/03", "۱۴۰۰/۰۳/۰۱ ساعت ده", "2021-05-22T06:00:00Z"])
def test_text_that_is_not_a_jalali_date_asks_for_the_expected_shape(typed: str) -> None:
    assert "۱۴۰۰/۰۳/۰۱ ۱۰:۳۰" in _persian_error(JalaliDateTimeField(), typed)


def test_a_date_only_field_refuses_a_time() -> None:
    assert "۱۴۰۰/۰۳/۰۱" in _persian_error(JalaliDateField(), "1400/03/01 10:30")


def test_widgets_show_stored_values_in_jalali_with_persian_digits() -> None:
    class EventDates(forms.Form):
        day = JalaliDateField()
        moment = JalaliDateTimeField()

    form = EventDates(initial={"day": dt.date(2021, 5, 22), "moment": dt.datetime(2021, 5, 22, 6, 0, tzinfo=dt.UTC)})
    html = str(form)
    assert 'value="۱۴۰۰/۰۳/۰۱"' in html
    assert 'value="۱۴۰۰/۰۳/۰۱ ۱۰:۳۰"' in html
