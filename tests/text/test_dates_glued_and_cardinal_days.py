"""Days written as digits glued to the month («30خرداد») or as cardinal numbers in words («سی مرداد»)."""

import datetime as dt

import pytest

from ayneh.text.dates import find_dates

MONDAY_3_KHORDAD_1400 = dt.date(2021, 5, 24)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("30خردادماه", dt.date(2021, 6, 20)),
        ("۳۰خرداد ۱۴۰۰", dt.date(2021, 6, 20)),
        ("10تیر", dt.date(2021, 7, 1)),
    ],
)
def test_digits_glued_to_the_month_are_its_day(written: str, expected: dt.date) -> None:
    [mention] = find_dates(f"در {written} برگزار شد", reference=MONDAY_3_KHORDAD_1400)
    assert (mention.text, mention.date) == (written, expected)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("سی مرداد", dt.date(2021, 8, 21)),
        ("پانزده خرداد", dt.date(2021, 6, 5)),
        ("بیست و پنج اسفند ۱۳۹۹", dt.date(2021, 3, 15)),
        ("هفت مهر سال ۱۳۵۹", dt.date(1980, 9, 29)),
        ("یازده تیرماه", dt.date(2021, 7, 2)),
    ],
)
def test_a_cardinal_number_in_words_is_the_day(written: str, expected: dt.date) -> None:
    [mention] = find_dates(f"این رویداد {written} رخ داد", reference=MONDAY_3_KHORDAD_1400)
    assert (mention.text, mention.date) == (written, expected)


@pytest.mark.parametrize("text", ["اطلاعات روی سی دی ذخیره شد", "ورزشگاه پنج مهر آبادان", "شلیک دو تیر هوایی"])
def test_a_number_before_a_month_name_that_is_also_a_common_word_needs_mah_or_a_year(text: str) -> None:
    assert find_dates(text, reference=MONDAY_3_KHORDAD_1400) == []
