"""Speakers the person finder did not report: a name opening the clause, its surname later, a lone word."""

from ayneh.text.quotes import find_quotes


def _speakers(text: str) -> list[str | None]:
    return [quote.speaker for quote in find_quotes(text, [])]


def test_a_given_name_and_surname_opening_the_clause_are_the_speaker() -> None:
    text = "رئیس اداره گفت: طرح آغاز شد.\nتهمینه دانیالی امروز در گفت‌وگو با خبرنگاران افزود: کار ادامه دارد."
    assert _speakers(text) == ["تهمینه دانیالی", "تهمینه دانیالی"]


def test_the_name_may_follow_a_credit_or_another_comma_closed_opening() -> None:
    text = "به گزارش ایسنا از کرج، علی حاج کاظم ظهر امروز با اعلام این خبر اظهار داشت: آماده‌ایم."
    assert _speakers(text) == ["علی حاج کاظم"]


def test_a_glued_descent_title_and_a_surname_listed_as_a_given_name_are_read() -> None:
    text = "سیداحمد خدائی ظهر امروز در جمع خبرنگاران گفت: آماده‌ایم."
    assert _speakers(text) == ["سیداحمد خدائی"]


def test_the_surname_alone_later_refers_to_the_full_name() -> None:
    text = "علی حاج کاظم امروز گفت: آماده‌ایم.\nحاج کاظم تأکید کرد: کافی است.\nکاظم نیز گفت: بله."
    assert _speakers(text)[:2] == ["علی حاج کاظم", "علی حاج کاظم"]


def test_a_lone_subject_word_of_a_singular_verb_is_a_bare_surname() -> None:
    text = "به گزارش ایسنا، کریمی اضافه کرد: آماده‌ایم.\nکریمی با اشاره به بودجه گفت: کافی است."
    assert _speakers(text) == ["کریمی", "کریمی"]


def test_a_plural_subject_is_no_surname() -> None:
    assert _speakers("کارشناسان گفتند: طرح موفق نبود.") == [None]


def test_a_verb_inside_the_previous_quote_is_the_same_speakers() -> None:
    text = "مریم احمدی گفت: بزرگترین مشکل را کم‌آبی عنوان کرد و گفت: باید چاره کرد."
    assert _speakers(text) == ["مریم احمدی", "مریم احمدی"]
