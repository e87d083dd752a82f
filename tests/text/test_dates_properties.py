"""find_dates never raises and returns ordered, non-overlapping spans of the given text (hypothesis)."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from ayneh.text.dates import find_dates

_PIECES = [
    "روز ", "شنبه ", "سه‌شنبه ", "جمعه ", "یکم ", "اول ", "بیست و پنجم ", "سی‌ام ", "۳۰ ", "31 ", "۱۴۰۰ ", "99 ",
    "خرداد ", "اسفند ", "تیرماه ", "دی ", "ماه ", "سال ", "گذشته ", "آینده ", "هفته ", "امروز ", "دیروز ", "9930 ", "۲۰۲۱ ",
    "چند ", "۳ ", "1400/12/30 ", "۰۱/۰۳/۱۴۰۰ ", "هجری قمری ", "میلادی ", "نماز ", "هر ", "، ", ".", "\n", "ي", "ك",
]  # fmt: skip
date_like = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)
references = st.one_of(st.none(), st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)))


@given(st.one_of(st.text(), date_like), references)
def test_mentions_are_ordered_spans_of_the_text(text: str, reference: dt.date | None) -> None:
    previous_end = 0
    for mention in find_dates(text, reference=reference):
        assert previous_end <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        assert (mention.date is None) <= (mention.error is not None)  # no date means an error says why
        if mention.until is not None:
            assert mention.date is not None
            assert mention.date <= mention.until
        previous_end = mention.end
