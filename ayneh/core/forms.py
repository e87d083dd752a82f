"""Solar Hijri (Jalali) date and date-time form fields.

People type «۱۴۰۰/۰۳/۰۱» or «1400/3/1» (Persian, Arabic or Latin digits; `/`, `-` or `.` between the
parts), optionally followed by a time «۱۰:۳۰» in Iran's local time. The fields return a `datetime.date`
or an aware UTC `datetime`, and refuse dates that do not exist with a Persian message naming the date
(«تاریخ نامعتبر است: ۳۰ اسفند ۱۴۰۲ وجود ندارد.»). Widgets show stored values back in Jalali with
Persian digits.
"""

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ayneh.core import jalali

# Invisible direction marks that some keyboards and copy-paste insert around numbers.
DIRECTION_MARKS_RE = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
JALALI_INPUT_RE = re.compile(
    r"""^\s*
    (?P<year>\d{4})\s*[/.\-]\s*(?P<month>\d{1,2})\s*[/.\-]\s*(?P<day>\d{1,2})
    (?:[\s،,T]+(?P<hour>\d{1,2})\s*:\s*(?P<minute>\d{1,2}))?
    \s*$""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class JalaliInput:
    """The parts of a typed Jalali date (and time, when given), not yet checked against the calendar."""

    year: int
    month: int
    day: int
    hour: int | None = None
    minute: int | None = None


def parse_jalali_input(text: str) -> JalaliInput | None:
    """The numbers in «۱۴۰۰/۰۳/۰۱ ۱۰:۳۰», or None when the text does not have that shape."""
    match = JALALI_INPUT_RE.match(jalali.ascii_digits(DIRECTION_MARKS_RE.sub("", text)))
    if match is None:
        return None
    hour, minute = match["hour"], match["minute"]
    return JalaliInput(
        year=int(match["year"]),
        month=int(match["month"]),
        day=int(match["day"]),
        hour=int(hour) if hour is not None else None,
        minute=int(minute) if minute is not None else None,
    )


def jalali_date_or_error(parts: JalaliInput) -> dt.date:
    """The Gregorian date of `parts`; a ValidationError in the user's language naming the impossible date."""
    if not 1 <= parts.month <= 12:
        raise ValidationError(
            _("Invalid date: month %(month)s does not exist."),
            code="invalid_month",
            params={"month": jalali.persian_digits(parts.month)},
        )
    try:
        return jalali.jalali_to_gregorian(parts.year, parts.month, parts.day)
    except (ValueError, OverflowError):
        raise ValidationError(
            _("Invalid date: %(date)s does not exist."),
            code="invalid_date",
            params={"date": jalali.persian_digits(f"{parts.day} {jalali.MONTHS[parts.month - 1]} {parts.year}")},
        ) from None


class JalaliDateInput(forms.TextInput):
    """A text box that shows a stored date as «۱۴۰۰/۰۳/۰۱»."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({"placeholder": "۱۴۰۰/۰۳/۰۱", "autocomplete": "off", "dir": "ltr", **(attrs or {})})

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, dt.date):
            return jalali.format_jalali_numeric(value)
        return super().format_value(value)


class JalaliDateTimeInput(JalaliDateInput):
    """A text box that shows a stored moment as «۱۴۰۰/۰۳/۰۱ ۱۰:۳۰» in Iran's local time."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({"placeholder": "۱۴۰۰/۰۳/۰۱ ۱۰:۳۰", **(attrs or {})})

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, dt.datetime):
            local = jalali.to_jalali(value)
            return jalali.persian_digits(
                f"{local.year:04d}/{local.month:02d}/{local.day:02d} {local.hour:02d}:{local.minute:02d}"
            )
        return super().format_value(value)


class JalaliDateField(forms.Field):
    """A Solar Hijri date typed as «۱۴۰۰/۰۳/۰۱»; cleans to a `datetime.date` (Gregorian)."""

    widget = JalaliDateInput
    default_error_messages = {
        "invalid": _("Enter a date like ۱۴۰۰/۰۳/۰۱."),
    }

    def to_python(self, value: Any) -> dt.date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, dt.date):
            return value
        parts = parse_jalali_input(str(value))
        if parts is None or parts.hour is not None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return jalali_date_or_error(parts)


class JalaliDateTimeField(forms.Field):
    """A Solar Hijri date with an optional time, «۱۴۰۰/۰۳/۰۱ ۱۰:۳۰», read as Iran's local time;
    cleans to an aware UTC `datetime` (midnight when no time is given)."""

    widget = JalaliDateTimeInput
    default_error_messages = {
        "invalid": _("Enter a date and time like ۱۴۰۰/۰۳/۰۱ ۱۰:۳۰."),
        "invalid_time": _("Invalid time: %(time)s."),
    }

    def to_python(self, value: Any) -> dt.datetime | None:
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            return value.astimezone(dt.UTC)
        parts = parse_jalali_input(str(value))
        if parts is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        jalali_date_or_error(parts)  # refuses a day the calendar does not have
        hour, minute = parts.hour or 0, parts.minute or 0
        if not (0 <= hour <= 23 and 0 <= minute <= 59):
            raise ValidationError(
                self.error_messages["invalid_time"],
                code="invalid_time",
                params={"time": jalali.persian_digits(f"{hour:02d}:{minute:02d}")},
            )
        return jalali.jalali_datetime_to_utc(parts.year, parts.month, parts.day, hour, minute)
