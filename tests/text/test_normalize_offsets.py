"""normalize_with_offsets: spans of the normalised text shown in the original text."""

import pytest

from ayneh.text.normalize import normalize_with_offsets


def _original_of(text: str, word: str) -> str:
    normalized = normalize_with_offsets(text)
    start = normalized.text.index(word)
    original_start, original_end = normalized.to_original(start, start + len(word))
    return text[original_start:original_end]


def test_a_word_after_removed_marks_maps_to_its_original_spelling() -> None:
    assert _original_of("\u200fکِتابِ  علي", "علی") == "علي"


def test_a_word_with_marks_inside_maps_to_the_whole_original_word() -> None:
    assert _original_of("این کِتاب است", "کتاب") == "کِتاب"


def test_words_around_a_rewritten_comma_map_to_their_own_letters() -> None:
    text = "وزارت تعان,كار و رفاه"
    assert _original_of(text, "تعان") == "تعان"
    assert _original_of(text, "کار") == "كار"


def test_a_ligature_maps_back_to_the_single_character_it_came_from() -> None:
    assert _original_of("ﻻ", "لا") == "ﻻ"


def test_the_whole_text_maps_back_without_the_stripped_edges() -> None:
    text = "  \u200f سلام  دنیا \n"
    normalized = normalize_with_offsets(text)
    start, end = normalized.to_original(0, len(normalized.text))
    assert text[start:end] == "سلام  دنیا"


def test_an_empty_span_maps_to_an_empty_span() -> None:
    normalized = normalize_with_offsets("یک  دو")
    start, end = normalized.to_original(3, 3)
    assert start == end


def test_a_span_outside_the_normalised_text_is_an_error() -> None:
    normalized = normalize_with_offsets("یک")
    with pytest.raises(ValueError, match="outside"):
        normalized.to_original(1, 5)
