"""find_persons reports each person once, at the first full mention, and links later short forms to it."""

from ayneh.text.people import find_persons


def test_it_reports_a_person_once_at_the_first_full_mention() -> None:
    text = "حسن نسیمی گفت: خوب است.\nنسیمی افزود: بله.\nدکتر نسیمی ادامه داد: آری.\nحسن نسیمی در پایان گفت: پایان."
    persons = find_persons(text)
    assert [p.name for p in persons] == ["حسن نسیمی"]
    assert (persons[0].start, persons[0].end) == (0, len("حسن نسیمی"))


def test_a_shorter_form_of_a_full_name_is_the_same_person() -> None:
    text = "محمد اکرم لاهوری رهبر گروه است. اکرم لاهوری گفت: نه."
    assert [p.name for p in find_persons(text)] == ["محمد اکرم لاهوری"]


def test_two_people_with_one_surname_stay_apart() -> None:
    text = "علی لاریجانی رئیس مجلس و صادق لاریجانی رئیس قوه قضاییه دیدار کردند."
    assert [p.name for p in find_persons(text)] == ["علی لاریجانی", "صادق لاریجانی"]


def test_spans_point_at_the_name_in_the_text_passed_in() -> None:
    text = "به گزارش خبرنگار ما، «محمد شریعتمداری» وزیر تعاون گفت: بله."
    (person,) = find_persons(text)
    assert text[person.start : person.end] == "محمد شریعتمداری"


def test_a_surname_used_again_as_a_speaker_backs_up_a_rare_given_name() -> None:
    text = "کیانوش رستمی در مسابقات شرکت کرد.\nرستمی گفت: آماده‌ام."
    assert [p.name for p in find_persons(text)] == ["کیانوش رستمی"]
