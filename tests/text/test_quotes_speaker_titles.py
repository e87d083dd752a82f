"""Title phrases as speakers: one speaker named in varied ways, occupations, and role-first leads."""

from ayneh.text.people import Person
from ayneh.text.quotes import find_quotes


def _speakers(text: str, persons: list[Person]) -> list[str | None]:
    return [quote.speaker for quote in find_quotes(text, persons)]


def _person(text: str, name: str, role: str | None) -> Person:
    start = text.index(name)
    return Person(name=name, role=role, start=start, end=start + len(name))


def test_a_title_nobody_holds_after_a_named_speaker_is_that_speaker() -> None:
    text = "علی رضایی گفت: آماده‌ایم.\nعضو کمیسیون برنامه مجلس تاکید کرد: کافی است."
    assert _speakers(text, [_person(text, "علی رضایی", "نماینده مردم یزد")]) == ["علی رضایی"] * 2


def test_an_occupation_opens_a_speakers_clause_like_a_title() -> None:
    quotes = find_quotes("مهاجم تیم فوتبال استقلال گفت: می‌بریم.", [])
    assert [(q.speaker, q.speaker_is_role) for q in quotes] == [("مهاجم تیم فوتبال استقلال", True)]


def test_a_title_in_a_later_comma_part_of_the_clause_is_read() -> None:
    quotes = find_quotes("در این مراسم که دیروز برگزار شد، رئیس انجمن شعر کرمان هم گفت: ما آماده‌ایم.", [])
    assert [q.speaker for q in quotes] == ["رئیس انجمن شعر کرمان"]


def test_a_role_first_lead_goes_to_the_first_named_speaker_without_a_conflicting_role() -> None:
    text = "پیشکسوت فوتبال ایران گفت: برنامه نداریم.\nمهدی رحیمی در گفت‌وگو با خبرنگاران عنوان کرد: مربی خوب داریم."
    assert _speakers(text, [_person(text, "مهدی رحیمی", None)]) == ["مهدی رحیمی"] * 2


def test_a_role_first_lead_stays_a_role_when_the_named_speakers_role_differs() -> None:
    text = "سخنگوی دولت گفت: جلسه لغو شد.\nمهدی رحیمی در گفت‌وگو با خبرنگاران عنوان کرد: مربی خوب داریم."
    speakers = _speakers(text, [_person(text, "مهدی رحیمی", "سرمربی تیم ملی")])
    assert speakers == ["سخنگوی دولت", "مهدی رحیمی"]


def test_this_plus_a_noun_refers_back_like_a_pronoun() -> None:
    text = "مهدی رحیمی گفت: آماده‌ایم.\nاین کارگردان در پایان خاطرنشان کرد: سپاسگزارم."
    assert _speakers(text, [_person(text, "مهدی رحیمی", None)]) == ["مهدی رحیمی"] * 2


def test_a_surname_written_with_zwnj_is_found_on_its_own() -> None:
    text = "رمضان رویین‌تن گفت: سلام.\nرویین‌تن در پاسخ به پرسشی اظهار داشت: بله."
    assert _speakers(text, [_person(text, "رمضان رویین‌تن", None)]) == ["رمضان رویین‌تن"] * 2
