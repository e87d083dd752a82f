"""The date patterns are tried only at candidate positions (found by str.find, a literal-prefix regex or the
text's word scan); that finds exactly what a regex scan of every position finds."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from ayneh.text import dates
from ayneh.text.dates import find_dates_in_normalized
from ayneh.text.gazetteer import scan
from ayneh.text.normalize import normalize

# Anchor words alone, glued to what follows them, inside longer words, and next to digits and punctuation.
_PIECES = [
    "روز", "شنبه", "سه‌شنبه", "سه شنبه", "یکشنبه", "جمعه", "نماز جمعه", "دوشنبه‌ها", "یکم", "بیست و پنجم",
    "۳۰", "31", "۱۴۰۰", "99", "خرداد", "آبان", "تیرماه", "تیر‌ماه", "دی ماه", "دیدار", "مهرداد", "امرداد",
    "ماه", "سال", "گذشته", "آینده", "روزگذشته", "روز‌آینده", "هفته", "این", "این هفته", "امروز", "امروزه",
    "دیروز", "پس‌فردا", "پس فردا", "فردا", "فرداشب", "فردای", "امسال", "پارسال", "چند", "۳", "دو", "دیگر",
    "1400/12/30", "سال ۱۳۹۹", "، ", ".", "\n", "«", "»", "ي", "ك", "\u200c",
]  # fmt: skip
_SEPARATORS = ["", " ", " ", "\u200c", "، "]
date_like = st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_SEPARATORS)), max_size=14).map(
    lambda parts: "".join(piece + separator for piece, separator in parts)
)


@given(date_like, st.sampled_from([None, dt.date(2021, 5, 24), dt.date(2009, 11, 2)]))
def test_the_word_scan_gives_the_same_dates_as_a_search_of_the_text(raw: str, reference: dt.date | None) -> None:
    text = normalize(raw)
    assert find_dates_in_normalized(text, reference=reference, words=scan(text)) == find_dates_in_normalized(
        text, reference=reference
    )


def test_the_word_scan_finds_glued_and_spaced_forms() -> None:
    text = normalize("تیرماه و هفته‌آینده و سه‌شنبه این هفته و پس فردا")
    found = find_dates_in_normalized(text, reference=dt.date(2021, 5, 24), words=scan(text))
    assert [m.text for m in found] == ["تیرماه", "هفته‌آینده", "سه‌شنبه این هفته", "پس فردا"]


_DIGIT_PIECES = ["1400", "۱۴۰۰", "03", "3", "99", "12345", "2021", "/", "-", ".", " ", "a", "خرداد", "\u200c", "،"]
digit_like = st.lists(st.sampled_from(_DIGIT_PIECES), max_size=16).map("".join)


@given(digit_like)
def test_digit_dates_are_tried_wherever_a_scan_of_every_position_finds_them(raw: str) -> None:
    text = normalize(raw)
    everywhere = [m.span() for m in dates.DIGIT_DATE.finditer(text)]
    at_candidates = [m.span() for m in dates._matches_at(dates.DIGIT_DATE, text, dates._digit_date_starts(text))]
    assert at_candidates == everywhere


@given(date_like)
def test_anchored_patterns_are_tried_wherever_a_scan_of_every_position_finds_them(raw: str) -> None:
    text = normalize(raw)
    for pattern, anchors in (
        (dates.MONTH, dates.MONTH_ANCHORS),
        (dates.WEEKDAY, dates.WEEKDAY_ANCHORS),
        (dates.RELATIVE, dates.RELATIVE_ANCHORS),
    ):
        everywhere = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in dates._matches_at(pattern, text, dates._positions(text, anchors))] == everywhere
