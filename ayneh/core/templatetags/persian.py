"""Template filters for the Persian edge: Jalali dates and Persian digits. Loaded as a builtin."""

import datetime as dt

from django import template

from ayneh.core import jalali

register = template.Library()


@register.filter
def fa_digits(value: object) -> str:
    """Persian digits for anything shown to a person: «۱۴۰۰»."""
    if value is None:
        return ""
    return jalali.persian_digits(value)


@register.filter
def jdate(value: dt.datetime | dt.date | None) -> str:
    """A Solar Hijri date with Persian digits, without time: «۱ خرداد ۱۴۰۰»."""
    return jalali.format_jalali(value, with_time=False)


@register.filter
def jdatetime(value: dt.datetime | dt.date | None) -> str:
    """A Solar Hijri date and Iran local time with Persian digits: «۱ خرداد ۱۴۰۰، ۱۰:۳۰»."""
    return jalali.format_jalali(value, with_time=True)
