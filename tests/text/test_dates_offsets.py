"""Mentions point into the text as given, even when it is not normalised."""

import datetime as dt

from ayneh.text.dates import find_dates, find_dates_in_normalized
from ayneh.text.normalize import normalize


def test_spans_refer_to_the_raw_text() -> None:
    text = "\u200fخبرگزاري  فارس: روز  شنبه يكم  خرداد ١٤٠٠ نشست برگزار شد"
    [mention] = find_dates(text)
    assert text[mention.start : mention.end] == mention.text == "روز  شنبه يكم  خرداد ١٤٠٠"
    assert mention.date == dt.date(2021, 5, 22)


def test_mentions_come_in_reading_order_without_overlaps() -> None:
    text = "امروز ۲۵ اردیبهشت سال گذشته و سال ۱۳۹۹ و هفته گذشته"
    mentions = find_dates(text, reference=dt.date(2021, 5, 24))
    assert [m.text for m in mentions] == ["امروز", "۲۵ اردیبهشت سال گذشته", "سال ۱۳۹۹", "هفته گذشته"]


def test_on_normalised_text_it_finds_the_same_dates_with_spans_in_that_text() -> None:
    raw = "روز  شنبه يكم خرداد و سال ١٣٩٩"
    normalized = normalize(raw)
    reference = dt.date(2021, 5, 24)
    on_normalized = find_dates_in_normalized(normalized, reference=reference)
    assert [m.date for m in on_normalized] == [m.date for m in find_dates(raw, reference=reference)]
    assert [normalized[m.start : m.end] for m in on_normalized] == ["روز شنبه یکم خرداد", "سال 1399"]
