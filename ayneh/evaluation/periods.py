"""Evaluation periods on the Solar Hijri calendar: a year, a quarter (three months) or a month.

A period covers whole local days in Iran, from the first day's midnight to the midnight after the last
day; inside Ayneh that is a half-open UTC interval [start, end), which is what indicator computers filter
on (`published_at >= start and published_at < end`), so a release at 23:59 Tehran time on the last day
counts and one at 00:00 the next day does not.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

import jdatetime

from ayneh.core.jalali import local_zone

MONTHS_IN_QUARTER = 3
QUARTERS = 4
MONTHS = 12


class PeriodKind(StrEnum):
    YEAR = "year"
    QUARTER = "quarter"
    MONTH = "month"


@dataclass(frozen=True, slots=True)
class PeriodWindow:
    """What an indicator computer needs to know about a period: its UTC interval [start, end) and length."""

    start: dt.datetime
    end: dt.datetime
    months: int


@dataclass(frozen=True, slots=True)
class PeriodBounds:
    """The Gregorian first and last day (inclusive) of a Jalali period, and its length in months."""

    starts_on: dt.date
    ends_on: dt.date
    months: int


def _first_and_last_month(kind: PeriodKind, number: int) -> tuple[int, int]:
    if kind == PeriodKind.YEAR:
        if number != 0:
            raise ValueError("a year period has no number (use 0)")
        return 1, MONTHS
    if kind == PeriodKind.QUARTER:
        if not 1 <= number <= QUARTERS:
            raise ValueError(f"a quarter is numbered 1 to {QUARTERS}, not {number}")
        first = (number - 1) * MONTHS_IN_QUARTER + 1
        return first, first + MONTHS_IN_QUARTER - 1
    if not 1 <= number <= MONTHS:
        raise ValueError(f"a month is numbered 1 to {MONTHS}, not {number}")
    return number, number


def jalali_period_bounds(*, kind: PeriodKind, year: int, number: int = 0) -> PeriodBounds:
    """The days of Jalali `year` (number 0), its quarter `number` (1–4) or its month `number` (1–12).

    The last day is the day before the next month begins, so Esfand's 29 or 30 days follow the calendar's
    leap years without a rule of our own.
    """
    first_month, last_month = _first_and_last_month(PeriodKind(kind), number)
    starts_on = jdatetime.date(year, first_month, 1).togregorian()
    next_year, next_month = (year + 1, 1) if last_month == MONTHS else (year, last_month + 1)
    ends_on = jdatetime.date(next_year, next_month, 1).togregorian() - dt.timedelta(days=1)
    return PeriodBounds(starts_on=starts_on, ends_on=ends_on, months=last_month - first_month + 1)


def period_code(*, kind: PeriodKind, year: int, number: int = 0) -> str:
    """A short, sortable identifier: "1403", "1403-q2", "1403-m07"."""
    if kind == PeriodKind.YEAR:
        return str(year)
    if kind == PeriodKind.QUARTER:
        return f"{year}-q{number}"
    return f"{year}-m{number:02d}"


def period_window(*, starts_on: dt.date, ends_on: dt.date, months: int) -> PeriodWindow:
    """The UTC interval from local midnight of `starts_on` to local midnight after `ends_on`."""
    zone = local_zone()
    start = dt.datetime.combine(starts_on, dt.time.min, tzinfo=zone).astimezone(dt.UTC)
    end = dt.datetime.combine(ends_on + dt.timedelta(days=1), dt.time.min, tzinfo=zone).astimezone(dt.UTC)
    return PeriodWindow(start=start, end=end, months=months)
