"""Properties of sentence and word splitting for any input (hypothesis)."""

from hypothesis import given
from hypothesis import strategies as st

from ayneh.text.tokenize import sentences, word_spans, words

_INTERESTING = "ابتجدرسکمنوهیآ\u200c\u064e  \n.!?؟…«»\"')0123456789۱۲٫,:/"
any_text = st.one_of(st.text(), st.text(alphabet=st.sampled_from(_INTERESTING), max_size=80))


@given(any_text)
def test_sentence_spans_are_ordered_trimmed_and_inside_the_text(text: str) -> None:
    previous_end = 0
    for start, end in sentences(text):
        assert previous_end <= start < end <= len(text)
        assert "\n" not in text[start:end]
        assert not text[start].isspace()
        assert not text[end - 1].isspace()
        previous_end = end


@given(any_text)
def test_every_word_is_inside_one_sentence(text: str) -> None:
    spans = sentences(text)
    for start, end in word_spans(text):
        assert any(s <= start and end <= e for s, e in spans)


@given(any_text)
def test_words_are_the_text_of_their_spans(text: str) -> None:
    assert [text[start:end] for start, end in word_spans(text)] == words(text)
