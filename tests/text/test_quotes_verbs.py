"""Which verbs of saying open a quote, in which spellings."""

import pytest

from ayneh.text.quotes import find_quotes


@pytest.mark.parametrize(
    "verb",
    [
        "گفت",
        "افزود",
        "اظهار کرد",
        "اظهار داشت",
        "اظهارداشت",
        "تصریح کرد",
        "ادامه داد",
        "خاطرنشان کرد",
        "خاطر نشان کرد",
        "بیان کرد",
        "بیان داشت",
        "اضافه کرد",
        "عنوان کرد",
        "یادآور شد",
        "تأکید کرد",
        "تاکید کرد",
        "گفته است",
        "اعلام کرد",
        "توضیح داد",
        "اظهار داشتند",
    ],
)
def test_a_verb_of_saying_and_a_colon_open_a_quote(verb: str) -> None:
    quotes = find_quotes(f"مدیر مدرسه {verb}: کلاس‌ها فردا تشکیل می‌شود.", [])
    assert len(quotes) == 1
    assert quotes[0].verb == verb
    assert quotes[0].text == "کلاس‌ها فردا تشکیل می‌شود."
    assert quotes[0].direct


def test_nouns_that_look_like_verbs_open_nothing() -> None:
    text = "در ادامه مراسم، گفت‌وگو با حضور کارشناسان ادامه یافت و به عنوان نمونه اظهار نظر شد."
    assert find_quotes(text, []) == []


def test_a_verb_of_saying_without_colon_or_ke_opens_nothing() -> None:
    assert find_quotes("وی این مطلب را گفت و رفت.", []) == []


def test_ke_after_a_verb_with_an_object_is_a_relative_clause_not_a_quote() -> None:
    text = "وی تعداد پروازها را سه هزار پرواز اعلام کرد که ۳۰۰ پرواز آن خارجی بود."
    assert find_quotes(text, []) == []
