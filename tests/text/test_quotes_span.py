"""Where a quote starts and ends."""

from ayneh.text.quotes import find_quotes


def test_a_quote_runs_to_the_end_of_its_paragraph() -> None:
    text = "وی گفت: جمله اول. جمله دوم.\nپاراگراف بعدی بدون نقل قول."
    (quote,) = find_quotes(text, [])
    assert quote.text == "جمله اول. جمله دوم."
    assert text[quote.start : quote.end] == quote.text


def test_a_quote_in_guillemets_ends_at_the_closing_one() -> None:
    text = "وی گفت: «ما آماده‌ایم» و جلسه را ترک کرد."
    (quote,) = find_quotes(text, [])
    assert quote.text == "ما آماده‌ایم"


def test_the_next_quote_in_the_same_paragraph_ends_the_previous_one() -> None:
    text = "وی گفت: بودجه کافی است. وی افزود: کار ادامه دارد."
    first, second = find_quotes(text, [])
    assert first.text == "بودجه کافی است."
    assert second.text == "کار ادامه دارد."


def test_an_indirect_quote_runs_to_the_end_of_its_sentence() -> None:
    text = "وی گفت که بودجه کافی است. جلسه تمام شد."
    (quote,) = find_quotes(text, [])
    assert quote.text == "بودجه کافی است"
    assert not quote.direct


def test_a_colon_with_nothing_after_it_is_no_quote() -> None:
    assert find_quotes("وی گفت:\nمتن بعدی.", []) == []
