"""Digits for display (Persian) and for comparison (ASCII)."""

from ayneh.text.normalize import to_ascii_digits, to_persian_digits


def test_it_shows_ascii_and_arabic_indic_digits_as_persian() -> None:
    assert to_persian_digits("1400/3/1 و ٢٥") == "۱۴۰۰/۳/۱ و ۲۵"


def test_it_compares_persian_and_arabic_indic_digits_as_ascii() -> None:
    assert to_ascii_digits("۱۴۰۰/۰۳/۰۱ و ٢٥") == "1400/03/01 و 25"


def test_digit_conversion_changes_nothing_but_digits() -> None:
    text = "كتاب ۳ جلدی، abc"
    assert to_ascii_digits(text) == "كتاب 3 جلدی، abc"
    assert to_persian_digits(to_ascii_digits(text)) == text
