"""Weekday phrases resolved against the reference (a Monday here)."""

import datetime as dt

import pytest

from ayneh.text.dates import find_dates

MONDAY = dt.date(2021, 5, 24)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("روز شنبه", dt.date(2021, 5, 22)),
        ("دوشنبه", dt.date(2021, 5, 24)),
        ("سه‌شنبه", dt.date(2021, 5, 18)),
        ("سه شنبه", dt.date(2021, 5, 18)),
        ("دوشنبه گذشته", dt.date(2021, 5, 17)),
        ("شنبه گذشته", dt.date(2021, 5, 22)),
        ("یکشنبه آینده", dt.date(2021, 5, 30)),
        ("سه‌شنبه هفته گذشته", dt.date(2021, 5, 18)),
        ("شنبه هفته آینده", dt.date(2021, 5, 29)),
        ("پنجشنبه این هفته", dt.date(2021, 5, 27)),
    ],
)
def test_it_resolves_a_weekday_phrase(phrase: str, expected: dt.date) -> None:
    [mention] = find_dates(f"نشست {phrase} برگزار شد", reference=MONDAY)
    assert (mention.text, mention.date) == (phrase, expected)


@pytest.mark.parametrize("phrase", ["نماز جمعه", "امام جمعه", "هر شنبه", "روزهای یکشنبه"])
def test_recurring_days_and_names_are_not_dates(phrase: str) -> None:
    assert find_dates(f"{phrase} برگزار می‌شود", reference=MONDAY) == []


def test_a_weekday_without_a_reference_is_reported() -> None:
    [mention] = find_dates("روز شنبه")
    assert mention.date is None
    assert mention.error is not None
