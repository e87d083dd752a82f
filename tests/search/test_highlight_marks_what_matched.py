"""Matched words are marked in the original text, decided on folded tokens exactly as the index decides."""

from ayneh.search.highlight import highlight, snippet


def test_a_prefix_word_marks_every_word_it_starts_in_either_script() -> None:
    marked = highlight("كارگران و کارگری در کار", "کارگر")

    assert marked == "<mark>كارگران</mark> و <mark>کارگری</mark> در کار"


def test_a_word_with_zwnj_is_one_word() -> None:
    assert highlight("این طرح اجرا می‌شود", "میشود") == "این طرح اجرا <mark>می‌شود</mark>"


def test_phrase_words_match_exactly_and_one_letter_words_only_whole() -> None:
    assert highlight("روابط عمومی و روابطی", '"روابط عمومی"') == "<mark>روابط</mark> <mark>عمومی</mark> و روابطی"
    assert highlight("و وزیر", "و") == "<mark>و</mark> وزیر"


def test_markup_in_the_text_is_escaped() -> None:
    assert highlight("<b>بیمه</b>", "بیمه") == "&lt;b&gt;<mark>بیمه</mark>&lt;/b&gt;"


def test_a_snippet_starts_near_the_first_match_and_says_where_it_was_cut() -> None:
    text = "مقدمه " * 100 + "بیمه کارگران ساختمانی " + "پایان " * 100

    cut = snippet(text, "بیمه", width=120)

    assert cut.startswith("… ")
    assert cut.endswith(" …")
    assert "<mark>بیمه</mark>" in cut
    assert len(cut) < 200
