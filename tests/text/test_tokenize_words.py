"""Words of Persian text."""

from ayneh.text.tokenize import word_spans, words


def test_zwnj_joins_the_parts_of_one_word() -> None:
    assert words("کتاب‌ها را می‌خوانم") == ["کتاب‌ها", "را", "می‌خوانم"]


def test_punctuation_is_not_a_word() -> None:
    assert words("او گفت: «سلام»، خوبی؟") == ["او", "گفت", "سلام", "خوبی"]


def test_numbers_keep_their_decimal_thousand_date_and_time_separators() -> None:
    assert words("۱۴۰۰/۰۳/۰۱ ساعت 10:30 رشد ۲٫۵ و 2.5 و 1,000 نفر") == [
        "۱۴۰۰/۰۳/۰۱",
        "ساعت",
        "10:30",
        "رشد",
        "۲٫۵",
        "و",
        "2.5",
        "و",
        "1,000",
        "نفر",
    ]


def test_a_number_at_the_end_of_a_sentence_leaves_the_full_stop() -> None:
    assert words("سال 1400.") == ["سال", "1400"]


def test_a_dotted_abbreviation_is_one_word() -> None:
    assert words("سخنگوی ج.ا.ا گفت") == ["سخنگوی", "ج.ا.ا", "گفت"]


def test_a_missing_space_after_a_full_stop_separates_words() -> None:
    assert words("است.او") == ["است", "او"]


def test_raw_text_with_diacritics_and_tatweel_keeps_words_whole() -> None:
    assert words("کِتابـها مُحَمَّد") == ["کِتابـها", "مُحَمَّد"]


def test_word_spans_point_at_the_words() -> None:
    text = "او، گفت"
    assert [text[start:end] for start, end in word_spans(text)] == words(text)
