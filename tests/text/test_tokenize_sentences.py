"""Sentence spans of Persian text."""

from ayneh.text.tokenize import sentences


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentences(text)]


def test_it_ends_sentences_at_full_stops_question_and_exclamation_marks() -> None:
    assert _sentences("کتاب را خواندم. آیا تو خواندی؟ بله! Really? Yes.") == [
        "کتاب را خواندم.",
        "آیا تو خواندی؟",
        "بله!",
        "Really?",
        "Yes.",
    ]


def test_a_line_break_ends_a_sentence_without_a_full_stop() -> None:
    assert _sentences("تیتر خبر بدون نقطه\nمتن خبر آغاز شد.\n\nپاراگراف دوم") == [
        "تیتر خبر بدون نقطه",
        "متن خبر آغاز شد.",
        "پاراگراف دوم",
    ]


def test_it_does_not_split_decimal_numbers_or_dotted_abbreviations() -> None:
    assert _sentences("رشد ۲.۵ درصد بود و سخنگوی ج.ا.ا آن را تایید کرد. سپس رفت.") == [
        "رشد ۲.۵ درصد بود و سخنگوی ج.ا.ا آن را تایید کرد.",
        "سپس رفت.",
    ]


def test_it_does_not_split_after_a_one_letter_initial_or_a_latin_title() -> None:
    assert _sentences("م. احمدی و Dr. Smith آمدند. جلسه آغاز شد.") == [
        "م. احمدی و Dr. Smith آمدند.",
        "جلسه آغاز شد.",
    ]


def test_a_closing_quote_stays_with_the_sentence_it_ends() -> None:
    assert _sentences("او گفت: «ما آماده‌ایم.» سپس رفت.") == ["او گفت: «ما آماده‌ایم.»", "سپس رفت."]


def test_a_quotation_of_several_sentences_is_not_split() -> None:
    assert _sentences("وی افزود: «کار تمام شد. همه آمدند!» جلسه ادامه یافت") == [
        "وی افزود: «کار تمام شد. همه آمدند!»",
        "جلسه ادامه یافت",
    ]


def test_an_unclosed_quotation_does_not_swallow_the_paragraph() -> None:
    assert _sentences("او گفت: «کار تمام شد. همه آمدند") == ["او گفت: «کار تمام شد.", "همه آمدند"]


def test_a_missing_space_after_a_full_stop_still_ends_the_sentence() -> None:
    assert _sentences("کار تمام شد.او رفت") == ["کار تمام شد.", "او رفت"]


def test_ellipsis_and_repeated_marks_end_one_sentence() -> None:
    assert _sentences("چرا؟! نمی‌دانم... شاید") == ["چرا؟!", "نمی‌دانم...", "شاید"]


def test_spans_are_trimmed_and_empty_text_has_no_sentences() -> None:
    assert sentences("  سلام.  ") == [(2, 7)]
    assert sentences(" \n\n ") == []
