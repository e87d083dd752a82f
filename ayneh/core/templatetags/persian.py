"""Template filters for the Persian edge: Jalali dates and Persian digits. Loaded as a builtin."""

import datetime as dt
import re

from django import template

from ayneh.core import jalali

register = template.Library()

# A decimal point between digits («71.3», as floatformat writes it) is shown as the Persian decimal separator.
DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")
PERSIAN_DECIMAL_SEPARATOR = "\u066b"  # «٫»


@register.filter
def fa_digits(value: object) -> str:
    """Persian digits for anything shown to a person: «۱۴۰۰», «۷۱٫۳»."""
    if value is None:
        return ""
    return jalali.persian_digits(DECIMAL_POINT.sub(PERSIAN_DECIMAL_SEPARATOR, str(value)))


@register.filter
def jdate(value: dt.datetime | dt.date | None) -> str:
    """A Solar Hijri date with Persian digits, without time: «۱ خرداد ۱۴۰۰»."""
    return jalali.format_jalali(value, with_time=False)


@register.filter
def jdatetime(value: dt.datetime | dt.date | None) -> str:
    """A Solar Hijri date and Iran local time with Persian digits: «۱ خرداد ۱۴۰۰، ۱۰:۳۰»."""
    return jalali.format_jalali(value, with_time=True)
