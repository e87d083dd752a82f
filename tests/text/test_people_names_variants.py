"""Common given names, surname endings, one person under spelling variants, titles before two names,
and multi-word place names that start with a given name."""

from ayneh.text.people import find_persons


def _names(text: str) -> list[str]:
    return [p.name for p in find_persons(text)]


def test_common_female_given_names_open_a_name_without_further_context() -> None:
    assert _names("در این فیلم بهناز جعفری و مینا کاظمی بازی کرده‌اند.") == ["بهناز جعفری", "مینا کاظمی"]


def test_a_surname_ending_in_khah_is_surname_shaped() -> None:
    text = "فهرست بازیکنان: حسن کریمی، مسیح امین‌خواه و علی رضایی."
    assert _names(text) == ["حسن کریمی", "مسیح امین‌خواه", "علی رضایی"]


def test_a_surname_written_with_zwnj_and_with_a_space_is_one_person() -> None:
    text = "محمود احمدی‌نژاد به استان سفر کرد.\nبه گفته محمود احمدی نژاد این سفر دو روزه است."
    assert _names(text) == ["محمود احمدی‌نژاد"]


def test_after_a_descent_title_a_second_given_name_with_no_surname_after_it_is_the_surname() -> None:
    people = find_persons("سید حسن نصرالله دبیرکل حزب‌الله لبنان گفت: آماده‌ایم.")
    assert [(p.name, p.role) for p in people] == [("سید حسن نصرالله", "دبیرکل حزب‌الله لبنان")]


def test_two_given_names_with_no_title_before_them_are_still_no_name() -> None:
    assert _names("قصیده مرتضی علی را خواند.") == []


def test_a_city_name_that_starts_with_a_given_name_is_no_person() -> None:
    assert _names("وی در گفت‌وگو با خبرنگاران در شاهین شهر اظهار کرد: کار آغاز شد.") == []
