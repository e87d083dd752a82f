"""The word scan has two ways to split a text — array operations for normalised text, a regex split for any
other — and they must give the same words, keys, gaps and offsets."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from ayneh.text import gazetteer as gz
from ayneh.text.normalize import normalize

# Letters (with the rare ones the key fold changes), ZWNJ, diacritics, tatweel, every kind of separator
# (spaces, commas, quote marks, sentence ends, digits, Latin, odd whitespace) and a character beyond the BMP.
_ALPHABET = 'ابتجدرسکمنوهیآئؤةيكىٱھ\u200c\u064e\u0640  \t\u00a0\n\r\u2009،,«»"“.:؛!؟)(0123456789۱۲abc-\U0001f600'
texts = st.one_of(st.text(), st.text(alphabet=st.sampled_from(_ALPHABET), max_size=120))


def _by_regex(text: str) -> tuple[str, tuple[str, ...], bytes, list[int]]:
    """What the scan must hold, worked out with the regex split alone."""
    shown = gz._fold(text, gz._DISPLAY_FOLD_RE, gz._DISPLAY_FOLD)
    joined_forms, gaps, bounds = gz._parts_by_regex(shown)
    forms = tuple(joined_forms.split("\n")) if joined_forms else ()
    return shown, forms, gaps, list(bounds)


def _held(text: str) -> tuple[str, tuple[str, ...], bytes, list[int]]:
    words = gz.scan(text)
    bounds = [offset for pair in zip(words.starts, words.ends, strict=True) for offset in pair]
    return words.text, words.forms, words.gaps, bounds


@given(texts)
def test_the_scan_agrees_with_the_regex_split_on_any_text(text: str) -> None:
    assert _held(text) == _by_regex(text)


@given(texts)
def test_the_scan_agrees_with_the_regex_split_on_normalised_text(text: str) -> None:
    normalised = normalize(text)
    assert _held(normalised) == _by_regex(normalised)


@given(texts)
def test_keys_are_the_folded_forms_and_offsets_point_at_the_forms(text: str) -> None:
    words = gz.scan(text)
    assert words.keys == tuple(gz.fold_key(form) for form in words.forms)
    for i, form in enumerate(words.forms):
        assert words.text[words.start(i) : words.end(i)] == form
        assert words.span(i, i + 1) == (words.starts[i], words.ends[i])


def test_normalised_text_takes_the_array_path() -> None:
    words = gz.scan(normalize("به گزارش فارس، حسن نسیمی گفت: «روابط‌عمومی» ۱۴۰۰"))
    assert isinstance(words._bounds, np.ndarray)
    assert words.forms == ("به", "گزارش", "فارس", "حسن", "نسیمی", "گفت", "روابط‌عمومی")
    assert list(words.gaps) == [gz.SPACE, gz.SPACE, gz.COMMA, gz.SPACE, gz.SPACE, gz.BREAK, gz.BREAK]


def test_stray_zwnj_and_odd_whitespace_take_the_regex_path() -> None:
    assert not isinstance(gz.scan("علی\u200c رضایی")._bounds, np.ndarray)
    words = gz.scan("علی\u2009رضایی،\rگفت")
    assert not isinstance(words._bounds, np.ndarray)
    assert words.forms == ("علی", "رضایی", "گفت")
    assert list(words.gaps) == [gz.SPACE, gz.HARD, gz.BREAK]  # «،» beside odd whitespace is no plain comma


def test_texts_without_words_and_lone_surrogates() -> None:
    for text in ("", "...", "123 abc", "\ud800 \udfff"):
        words = gz.scan(text)
        assert (words.forms, words.keys, words.starts) == ((), (), ())
    assert gz.scan("\ud800سلام\U0001f600").forms == ("سلام",)
    assert gz.scan("\ud800سلام\U0001f600").starts == (1,)


@given(texts)
def test_words_and_positions_agree_with_the_split_words(text: str) -> None:
    # ``word``/``words`` read the text between offsets and ``positions_of``/``positions_starting_with`` count
    # newlines in the joined keys from hit to hit; both must say what the split words and keys say.
    words = gz.scan(text)
    keys, forms = words.keys, words.forms
    for i in range(len(keys)):
        assert words.word(i) == forms[i]
        assert words.words(i, min(i + 3, len(keys))) == " ".join(forms[i : i + 3])
    for key in {k for k in keys if k} | {k[:1] for k in keys if k}:  # a key of only tatweel is empty
        assert words.positions_of(key) == [i for i, k in enumerate(keys) if k == key]
        assert words.positions_starting_with(key) == [i for i, k in enumerate(keys) if k.startswith(key)]


def test_positions_on_a_text_with_repeated_words() -> None:
    words = gz.scan(normalize("علی گفت علی‌رضا و علی، سیدعلی و علی گفت"))
    assert words.positions_of("علی") == [0, 4, 7]
    assert words.positions_starting_with("علی") == [0, 2, 4, 7]
    assert words.positions_starting_with("سید") == [5]
