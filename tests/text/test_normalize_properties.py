"""Properties of normalisation that must hold for any Unicode input (hypothesis)."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ayneh.text.normalize import fold_for_index, normalize, normalize_with_offsets

# Characters the rules care about, so that generated text is dense in the interesting cases rather than
# mostly random symbols: Persian and Arabic letter forms, marks, digits, ZWNJ and other invisible controls,
# every kind of space and line break, quotes, punctuation and presentation forms.
_INTERESTING = (
    "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآئء"
    "يىكةۀأإؤٱ"
    "\u064b\u064e\u0650\u0651\u0652\u0653\u0654\u0655\u0670\u0640"
    "۰۱۲۳۴۵۶۷۸۹٠١٢٣0123456789٫٬٪"
    "\u200c\u200c\u200c\u200b\u200d\u200e\u200f\u202b\u202c\u2067\u2069\ufeff\u00ad"
    "    \t\n\r\u00a0\u2009\u2028"
    "\"“”„'‘’«»,،;؛?؟!.:-–—…"
    "ﻻﺳﻼﻡﷲ﷼ﷺﱞ"
    "abcXYZİΣ"
)
persian_like_text = st.text(alphabet=st.sampled_from(_INTERESTING), max_size=60)
any_text = st.one_of(st.text(), persian_like_text)

# A word of the normalised text: word characters, possibly joined by ZWNJ.
_WORD = re.compile("\\w+(?:\u200c\\w+)*")


@given(any_text)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@given(any_text)
def test_normalize_with_offsets_gives_the_same_text_as_normalize(text: str) -> None:
    assert normalize_with_offsets(text).text == normalize(text)


@given(st.text())
def test_nothing_raises_on_arbitrary_unicode(text: str) -> None:
    normalize(text)
    fold_for_index(text)
    normalized = normalize_with_offsets(text)
    normalized.to_original(0, len(normalized.text))


@settings(max_examples=300)
@given(any_text)
def test_every_word_maps_back_to_original_text_that_normalises_to_it(text: str) -> None:
    normalized = normalize_with_offsets(text)
    previous_end = 0
    for match in _WORD.finditer(normalized.text):
        start, end = normalized.to_original(match.start(), match.end())
        assert previous_end <= start < end <= len(text)
        assert normalize(text[start:end]) == match.group()
        previous_end = end


@given(any_text)
def test_the_whole_normalised_text_maps_to_a_span_of_the_original(text: str) -> None:
    normalized = normalize_with_offsets(text)
    start, end = normalized.to_original(0, len(normalized.text))
    assert 0 <= start <= end <= len(text)
    assert normalize(text[start:end]) == normalized.text


@given(any_text)
def test_fold_for_index_is_idempotent(text: str) -> None:
    once = fold_for_index(text)
    assert fold_for_index(once) == once
