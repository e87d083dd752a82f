"""The one place that converts between UTC-aware datetimes inside and Solar Hijri at the edges."""

import datetime as dt
from zoneinfo import ZoneInfo

import jdatetime
from django.conf import settings
from django.utils import timezone

PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ASCII_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")

MONTHS = (
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
)
# jdatetime numbers weekdays from Saturday (0) to Friday (6).
WEEKDAYS = ("شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه")


def persian_digits(value: object) -> str:
    return str(value).translate(PERSIAN_DIGITS)


def ascii_digits(value: str) -> str:
    return value.translate(ASCII_DIGITS)


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def to_jalali(value: dt.datetime | dt.date) -> jdatetime.datetime | jdatetime.date:
    """A Jalali date or datetime in the local time zone (Asia/Tehran) for display."""
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = value.astimezone(local_zone())
        return jdatetime.datetime.fromgregorian(datetime=value)
    return jdatetime.date.fromgregorian(date=value)


def format_jalali(value: dt.datetime | dt.date | None, *, with_time: bool = True) -> str:
    """«۱ خرداد ۱۴۰۰، ۱۰:۳۰» with Persian digits; time only for datetimes and only when asked."""
    if value is None:
        return ""
    j = to_jalali(value)
    text = f"{j.day} {MONTHS[j.month - 1]} {j.year}"
    if with_time and isinstance(value, dt.datetime):
        text += f"، {j.hour:02d}:{j.minute:02d}"
    return persian_digits(text)


def format_jalali_numeric(value: dt.date | dt.datetime) -> str:
    """«۱۴۰۰/۰۳/۰۱» for form fields and tables."""
    j = to_jalali(value)
    return persian_digits(f"{j.year:04d}/{j.month:02d}/{j.day:02d}")


def jalali_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """Convert a Solar Hijri date; raises ValueError for a date that does not exist (30 Esfand in a
    common year, 31 Mehr, month 13)."""
    return jdatetime.date(year, month, day).togregorian()


def jalali_datetime_to_utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    """A wall-clock time in Iran, given in Jalali, as an aware UTC datetime (tzdata decides the offset:
    Iran dropped daylight saving in 2022)."""
    local = dt.datetime.combine(jalali_to_gregorian(year, month, day), dt.time(hour, minute), tzinfo=local_zone())
    return local.astimezone(dt.UTC)
