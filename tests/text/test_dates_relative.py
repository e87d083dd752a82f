"""Relative day, week, month and year phrases."""

import datetime as dt

import pytest

from ayneh.text.dates import find_dates

MONDAY_3_KHORDAD_1400 = dt.date(2021, 5, 24)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("امروز", dt.date(2021, 5, 24)),
        ("دیروز", dt.date(2021, 5, 23)),
        ("روز گذشته", dt.date(2021, 5, 23)),
        ("پریروز", dt.date(2021, 5, 22)),
        ("فردا", dt.date(2021, 5, 25)),
        ("پس‌فردا", dt.date(2021, 5, 26)),
        ("۳ روز پیش", dt.date(2021, 5, 21)),
        ("دو روز قبل", dt.date(2021, 5, 22)),
    ],
)
def test_it_resolves_a_relative_day(phrase: str, expected: dt.date) -> None:
    [mention] = find_dates(f"او {phrase} آمد", reference=MONDAY_3_KHORDAD_1400)
    assert (mention.text, mention.date, mention.until, mention.kind) == (phrase, expected, None, "day")


@pytest.mark.parametrize(
    ("phrase", "kind", "first", "last"),
    [
        ("هفته گذشته", "week", dt.date(2021, 5, 15), dt.date(2021, 5, 21)),
        ("این هفته", "week", dt.date(2021, 5, 22), dt.date(2021, 5, 28)),
        ("ماه گذشته", "month", dt.date(2021, 4, 21), dt.date(2021, 5, 21)),
        ("سال گذشته", "year", dt.date(2020, 3, 20), dt.date(2021, 3, 20)),
        ("امسال", "year", dt.date(2021, 3, 21), dt.date(2022, 3, 20)),
        ("سال‌جاری", "year", dt.date(2021, 3, 21), dt.date(2022, 3, 20)),
        ("سال آینده", "year", dt.date(2022, 3, 21), dt.date(2023, 3, 20)),
        ("۱۰ سال گذشته", "span", dt.date(2011, 5, 24), dt.date(2021, 5, 24)),
    ],
)
def test_it_resolves_a_relative_period_to_its_first_and_last_day(
    phrase: str, kind: str, first: dt.date, last: dt.date
) -> None:
    [mention] = find_dates(f"در {phrase} رشد کرد", reference=MONDAY_3_KHORDAD_1400)
    assert (mention.text, mention.kind, mention.date, mention.until) == (phrase, kind, first, last)


def test_a_vague_quantity_is_not_a_date() -> None:
    assert find_dates("چند روز پیش و چند سال گذشته", reference=MONDAY_3_KHORDAD_1400) == []


def test_words_that_contain_a_relative_word_are_not_dates() -> None:
    assert find_dates("امروزه و فردای انقلاب", reference=MONDAY_3_KHORDAD_1400) == []


def test_relative_phrases_need_a_reference() -> None:
    [mention] = find_dates("دیروز")
    assert mention.date is None
    assert mention.error is not None
