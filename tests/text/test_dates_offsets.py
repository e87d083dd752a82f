"""Mentions point into the text as given, even when it is not normalised."""

import datetime as dt

from ayneh.text.dates import find_dates


def test_spans_refer_to_the_raw_text() -> None:
    text = "\u200fخبرگزاري  فارس: روز  شنبه يكم  خرداد ١٤٠٠ نشست برگزار شد"
    [mention] = find_dates(text)
    assert text[mention.start : mention.end] == mention.text == "روز  شنبه يكم  خرداد ١٤٠٠"
    assert mention.date == dt.date(2021, 5, 22)


def test_mentions_come_in_reading_order_without_overlaps() -> None:
    text = "امروز ۲۵ اردیبهشت سال گذشته و سال ۱۳۹۹ و هفته گذشته"
    mentions = find_dates(text, reference=dt.date(2021, 5, 24))
    assert [m.text for m in mentions] == ["امروز", "۲۵ اردیبهشت سال گذشته", "سال ۱۳۹۹", "هفته گذشته"]
