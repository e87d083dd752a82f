"""Properties of similarity and the index that must hold for any text (hypothesis)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from ayneh.text.neardup import NearDuplicateIndex, similarity
from ayneh.text.shingles import shingle_set

# Dense in what the shingler cares about: Persian and Arabic letter forms, ZWNJ, detached «می»/«ها», digits,
# punctuation and every kind of space, so that generated texts have words, joins and empty tokens.
_PIECES = st.sampled_from(
    ["می", "نمی", "ها", "های", "کتاب", "كتاب", "گفت", "اظهار", "کرد", "۱۴۰۰", "1400", "\u200c", "«", "»", "،", ":", "-"]
)
_CHARS = st.text(alphabet="ابپتثجچحخدرزسشعفقکگلمنوهیيكةآ0123456789۰۹ \n\t\u200c\u00a0.,،؛:«»()ـَ", max_size=40)
persian_like = st.lists(st.one_of(_PIECES, _CHARS), max_size=30).map(" ".join)
any_text = st.one_of(st.text(), persian_like)
# No deadline: the first example pays for numpy's and the token memo's warm-up on a shared machine.
_SETTINGS = settings(deadline=None)


@_SETTINGS
@given(any_text)
def test_a_text_is_fully_similar_to_itself(text: str) -> None:
    assert similarity(text, text) == 1.0


@_SETTINGS
@given(any_text, any_text)
def test_similarity_is_symmetric_and_between_zero_and_one(a: str, b: str) -> None:
    score = similarity(a, b)
    assert 0.0 <= score <= 1.0
    assert similarity(b, a) == score


@settings(deadline=None, max_examples=60)
@given(st.lists(any_text, max_size=6), any_text)
def test_the_index_finds_a_remembered_text_with_score_one_and_never_raises(texts: list[str], probe: str) -> None:
    index = NearDuplicateIndex()
    index.add_many((str(i), text) for i, text in enumerate(texts))
    index.query(probe)
    for i, text in enumerate(texts):
        found = dict(index.query(text))
        if len(shingle_set(text)):
            assert found[str(i)] == 1.0
        else:
            assert found == {}
