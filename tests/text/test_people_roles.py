"""find_persons attaches a person's title or role, written after or before the name, or later alone."""

from ayneh.text.people import find_persons


def _roles(text: str) -> dict[str, str | None]:
    return {p.name: p.role for p in find_persons(text)}


def test_it_reads_a_role_set_off_by_a_comma_after_the_name() -> None:
    text = "حسن نسیمی، رئیس روابط عمومی اداره کل تعاون کار و رفاه اجتماعی استان خوزستان گفت: بله."
    assert _roles(text) == {
        "حسن نسیمی": "رئیس روابط عمومی اداره کل تعاون، کار و رفاه اجتماعی استان خوزستان",
    }


def test_it_reads_a_role_right_after_the_name() -> None:
    text = "محمد شریعتمداری وزیر تعاون کار و رفاه اجتماعی با مدیران دیدار کرد."
    assert _roles(text) == {"محمد شریعتمداری": "وزیر تعاون، کار و رفاه اجتماعی"}


def test_it_reads_a_role_right_before_the_name() -> None:
    text = "وزیر تعاون، کار و رفاه اجتماعی محمد شریعتمداری در جلسه گفت: بله."
    assert _roles(text) == {"محمد شریعتمداری": "وزیر تعاون، کار و رفاه اجتماعی"}


def test_it_reads_a_role_after_a_quoted_name() -> None:
    text = "نشست صمیمانه “محمد شریعتمداری” وزیر تعاون کار و رفاه اجتماعی با مدیران برگزار شد."
    assert _roles(text) == {"محمد شریعتمداری": "وزیر تعاون، کار و رفاه اجتماعی"}


def test_a_role_ends_at_a_function_word_a_verb_or_after_a_place() -> None:
    assert _roles("علی رضایی مدیرکل بهزیستی استان فارس در جلسه گفت: بله.") == {"علی رضایی": "مدیرکل بهزیستی استان فارس"}
    assert _roles("علی رضایی مدیرکل راه و شهرسازی استان اصفهان حضور همیشگی را خواستار شد.") == {
        "علی رضایی": "مدیرکل راه و شهرسازی استان اصفهان"
    }


def test_a_member_of_parliament_keeps_the_parliament_in_the_role() -> None:
    text = "علی حسینی نماینده مردم اهواز در مجلس شورای اسلامی گفت: بله."
    assert _roles(text) == {"علی حسینی": "نماینده مردم اهواز در مجلس شورای اسلامی"}


def test_a_sentence_opening_with_a_title_refers_to_the_person_named_last() -> None:
    text = (
        "علی رضایی در جمع خبرنگاران گفت: کار ادامه دارد.\n"
        "رضایی افزود: بودجه رسیده است.\n"
        "مدیرکل بهزیستی استان فارس با اشاره به اهمیت کار تصریح کرد: همه باید کمک کنند."
    )
    assert _roles(text) == {"علی رضایی": "مدیرکل بهزیستی استان فارس"}


def test_a_sentence_opening_with_a_title_but_no_speech_is_not_a_role() -> None:
    text = "علی رضایی در جمع خبرنگاران گفت: کار ادامه دارد.\nمدیرکل بهزیستی استان فارس نیز در جلسه حضور داشت."
    assert _roles(text) == {"علی رضایی": None}


def test_a_role_written_next_to_the_name_wins_over_a_later_title() -> None:
    text = (
        "محمد شریعتمداری وزیر تعاون کار و رفاه اجتماعی گفت: کار مهم است.\n"
        "رئیس سازمان بهزیستی با اشاره به این موضوع بیان کرد: درست است."
    )
    assert _roles(text) == {"محمد شریعتمداری": "وزیر تعاون، کار و رفاه اجتماعی"}
