"""Each normalisation rule on small text written for it (not taken from any article)."""

import pytest

from ayneh.text.normalize import ZWNJ, normalize


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("علي", "علی"),
        ("مصطفى", "مصطفی"),
        ("كار", "کار"),
        ("مدرسة", "مدرسه"),
        ("خانۀ", "خانه"),
        ("مسأله", "مساله"),
        ("إيران", "ایران"),
        ("مؤسسه", "موسسه"),
    ],
)
def test_it_writes_arabic_letter_forms_the_persian_way(written: str, expected: str) -> None:
    assert normalize(written) == expected


def test_it_keeps_the_letters_that_persian_itself_uses() -> None:
    assert normalize("آب مسئول جزء") == "آب مسئول جزء"


def test_it_composes_a_decomposed_madda_and_hamza_before_dropping_marks() -> None:
    assert normalize("ا\u0653ب") == "آب"
    assert normalize("مسي\u0654ول") == "مسئول"


def test_it_turns_every_digit_into_ascii() -> None:
    assert normalize("۱۴۰۰/۰۳/۰۱ و ٢٥ و １２") == "1400/03/01 و 25 و 12"


def test_it_writes_persian_decimal_and_percent_signs_the_ascii_way() -> None:
    assert normalize("۲٫۵٪") == "2.5%"


def test_it_drops_diacritics_and_tatweel() -> None:
    assert normalize("کِتابٌ مُحَمَّد") == "کتاب محمد"
    assert normalize("سـلـام") == "سلام"


def test_it_reads_arabic_presentation_forms_as_letters() -> None:
    assert normalize("ﺳﻼﻡ") == "سلام"


def test_it_leaves_phrase_ligatures_alone_rather_than_inventing_words() -> None:
    assert normalize("ﷺ") == "ﷺ"


def test_it_removes_bidi_and_zero_width_controls() -> None:
    assert normalize("\u202bسلام\u202c\u200f دنیا\u200e\ufeff\u200b\u200d") == "سلام دنیا"


def test_it_collapses_a_run_of_zwnj_to_one() -> None:
    assert normalize(f"می{ZWNJ}{ZWNJ}{ZWNJ}شود") == f"می{ZWNJ}شود"


def test_it_removes_zwnj_next_to_a_space_punctuation_or_a_digit() -> None:
    assert normalize(f"کتاب{ZWNJ} ها") == "کتاب ها"
    assert normalize(f"{ZWNJ}سلام{ZWNJ}.") == "سلام."
    assert normalize(f"سال{ZWNJ}1400") == "سال1400"


def test_it_removes_zwnj_after_a_letter_that_does_not_join_forward() -> None:
    assert normalize(f"آرزو{ZWNJ}ها") == "آرزوها"


def test_it_keeps_zwnj_between_joining_letters() -> None:
    assert normalize(f"می{ZWNJ}شود") == f"می{ZWNJ}شود"


def test_it_writes_a_latin_comma_between_persian_words_as_a_persian_comma() -> None:
    assert normalize("تعان,کار") == "تعان، کار"
    assert normalize("تعاون , کار") == "تعاون، کار"


def test_it_leaves_commas_in_numbers_and_latin_text() -> None:
    assert normalize("1,000 and 2,500") == "1,000 and 2,500"


def test_it_writes_a_semicolon_between_persian_words_as_a_persian_semicolon() -> None:
    assert normalize("اول;دوم") == "اول؛ دوم"


def test_it_writes_a_question_mark_after_persian_as_a_persian_one() -> None:
    assert normalize("چرا ?") == "چرا؟"
    assert normalize("Why?") == "Why?"


def test_it_pairs_straight_and_curly_quotes_as_guillemets() -> None:
    assert normalize('او گفت "سلام" و “خداحافظ”') == "او گفت «سلام» و «خداحافظ»"


def test_it_leaves_an_unpaired_quote_as_a_straight_quote() -> None:
    assert normalize("او گفت ”سلام") == 'او گفت "سلام'


def test_it_does_not_pair_quotes_across_lines() -> None:
    assert normalize('"اول\nدوم"') == '"اول\nدوم"'


def test_it_folds_spaces_and_keeps_line_breaks_as_paragraph_breaks() -> None:
    assert normalize("  یک\u00a0\t دو \r\n\r\n  سه\u2029چهار  ") == "یک دو\nسه\nچهار"


def test_it_unifies_dashes_and_ellipsis() -> None:
    assert normalize("۱۳۹۹–۱۴۰۰…") == "1399-1400..."


def test_it_returns_empty_text_for_only_invisible_characters() -> None:
    assert normalize(" \u200c\u200f\n\t") == ""
