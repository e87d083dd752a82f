"""Publication timestamps from feeds, page metadata and archives, Gregorian or Solar Hijri, as UTC.

Accepted: RFC 822 (``Sat, 22 May 2021 08:30:00 +0430``), ISO 8601 / RFC 3339, numeric dates with an
optional time (``1400/03/01 12:30``, ``2021-05-22``, ``01/03/1400``) in ASCII, Persian or Arabic-Indic
digits, and Persian word dates (``۱ خرداد ۱۴۰۰ - ۱۲:۳۰``). A four-digit year from 1200 to 1499 is Solar Hijri,
from 1800 to 2199 Gregorian — so ``۱۴۰۲/۱۲/۲۹`` is 2024-03-19, never the Gregorian year 1402 (feedparser
reads it so); an impossible Jalali date (``۱۴۰۲/۱۲/۳۰``: 1402 is a common year) is no date, not a neighbour.

Without a zone, a time is taken as Tehran time (the outlets Ayneh watches publish in it; the tzdata package
knows Iran's 2022 end of daylight saving). Anything unreadable gives None: the caller keeps the item and
uses its own clock, rather than a wrong date.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from zoneinfo import ZoneInfo

import jdatetime

from ayneh.text.dates import find_dates

TEHRAN = ZoneInfo("Asia/Tehran")
JALALI_YEARS = range(1200, 1500)
GREGORIAN_YEARS = range(1800, 2200)

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_TIME = r"(?:[T\s,\-–]+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?)?"
_ZONE = r"\s*(?P<zone>Z|UTC|GMT|[+-]\d{2}:?\d{2})?"
_YEAR_FIRST = re.compile(
    r"^\s*(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})" + _TIME + _ZONE + r"\s*$", re.IGNORECASE
)
_YEAR_LAST = re.compile(
    r"^\s*(?P<day>\d{1,2})[-/.](?P<month>\d{1,2})[-/.](?P<year>\d{4})" + _TIME + _ZONE + r"\s*$", re.IGNORECASE
)
_ANY_TIME = re.compile(r"(?<!\d)(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?(?!\d)")
_RFC822_START = re.compile(r"^\s*(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\b")
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")


def parse_published(value: str | None, *, default_tz: dt.tzinfo = TEHRAN) -> dt.datetime | None:
    """The moment ``value`` names, as an aware UTC datetime, or None if it names none (see the module doc)."""
    if not value or not value.strip():
        return None
    text = value.translate(_DIGITS).strip()
    if _RFC822_START.match(text):
        return _rfc822(text)
    for pattern in (_YEAR_FIRST, _YEAR_LAST):
        if match := pattern.match(text):
            return _from_numeric(match, default_tz)
    if _ARABIC_SCRIPT.search(text):
        return _from_persian_words(value, text, default_tz)
    return None


def _rfc822(text: str) -> dt.datetime | None:
    try:
        moment = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.year not in GREGORIAN_YEARS:
        return None  # «Tue, 20 Esf 1402» or a year 1402 in English words: not a Gregorian date
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)  # RFC 822's "-0000": UTC, origin unknown
    return moment.astimezone(dt.UTC)


def _from_numeric(match: re.Match[str], default_tz: dt.tzinfo) -> dt.datetime | None:
    day = _calendar_day(int(match["year"]), int(match["month"]), int(match["day"]))
    if day is None:
        return None
    return _at(day, match, _zone(match["zone"]) or default_tz)


def _from_persian_words(original: str, text: str, default_tz: dt.tzinfo) -> dt.datetime | None:
    """«۳۰ اردیبهشت ۱۳۹۸ - ۲۲:۵۳», «دوشنبه ۳۰ اردیبهشت ۱۳۹۸»: a full day from ``ayneh.text.dates`` and a time."""
    days = [mention for mention in find_dates(original) if mention.kind == "day" and mention.date is not None]
    if len(days) != 1 or days[0].date is None:
        return None  # none, or several dates: not a timestamp
    return _at(days[0].date, _ANY_TIME.search(text), default_tz)


def _calendar_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        if year in JALALI_YEARS:
            return jdatetime.date(year, month, day).togregorian()
        if year in GREGORIAN_YEARS:
            return dt.date(year, month, day)
    except ValueError:
        return None  # 30 Esfand of a common year, month 13 ...
    return None


def _at(day: dt.date, time: re.Match[str] | None, zone: dt.tzinfo) -> dt.datetime | None:
    hour = minute = second = 0
    if time is not None and time["hour"] is not None:
        hour, minute, second = int(time["hour"]), int(time["minute"]), int(time["second"] or 0)
    try:
        moment = dt.datetime.combine(day, dt.time(hour, minute, second), tzinfo=zone)
    except ValueError:
        return None
    return moment.astimezone(dt.UTC)


def _zone(text: str | None) -> dt.tzinfo | None:
    if not text:
        return None
    if text.upper() in {"Z", "UTC", "GMT"}:
        return dt.UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
