"""Phrases that look like dates but are not."""

import datetime as dt

import pytest

from ayneh.text.dates import find_dates

REFERENCE = dt.date(2021, 5, 24)


@pytest.mark.parametrize(
    "text",
    [
        "روز روابط عمومی را تبریک گفت",
        "به مناسبت روز ملی ارتباطات و روابط عمومی",
        "روز جهانی کارگر",
        "با مهر و محبت",
        "تیر اندازی و شلیک تیر",
        "آزادی و عادی",
        "در بیست و پنج سال",
        "سال‌ها تلاش کرد",
    ],
)
def test_it_finds_no_date_in(text: str) -> None:
    assert find_dates(text, reference=REFERENCE) == []
