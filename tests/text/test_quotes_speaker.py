"""Who said it: names, surnames, pronouns, titles and the lead's role-first style."""

from ayneh.text.people import Person
from ayneh.text.quotes import find_quotes

REZAEI = Person(name="علی رضایی", role="مدیرکل بهزیستی استان یزد", start=0, end=9)
AHMADI = Person(name="محمد احمدی", role="استاندار یزد", start=0, end=10)


def _speakers(text: str, persons: list[Person]) -> list[str | None]:
    return [quote.speaker for quote in find_quotes(text, persons)]


def test_the_named_person_in_the_clause_is_the_speaker() -> None:
    assert _speakers("علی رضایی در نشست امروز گفت: آماده‌ایم.", [REZAEI]) == ["علی رضایی"]


def test_a_surname_alone_refers_to_the_full_name() -> None:
    text = "علی رضایی گفت: آماده‌ایم.\nرضایی با اشاره به بودجه تصریح کرد: کافی است."
    assert _speakers(text, [REZAEI]) == ["علی رضایی", "علی رضایی"]


def test_a_pronoun_refers_to_the_previous_speaker() -> None:
    text = "علی رضایی در دیدار با محمد احمدی گفت: آماده‌ایم.\nوی در پایان گفت: کافی است.\nهمچنین او افزود: بله."
    assert _speakers(text, [REZAEI, AHMADI]) == ["علی رضایی"] * 3


def test_a_name_after_a_preposition_is_not_the_speaker() -> None:
    text = "در دیدار با محمد احمدی، علی رضایی گفت: آماده‌ایم."
    assert _speakers(text, [REZAEI, AHMADI]) == ["علی رضایی"]


def test_a_clause_without_subject_continues_the_previous_speaker() -> None:
    text = "محمد احمدی گفت: آماده‌ایم.\nدر ادامه افزود: کافی است."
    assert _speakers(text, [AHMADI]) == ["محمد احمدی", "محمد احمدی"]


def test_a_title_phrase_refers_to_the_person_with_that_role_despite_typos() -> None:
    text = "علی رضایی گفت: آماده‌ایم.\nمحمد احمدی گفت: بله.\nمدیر کل بهزیستي استان یزد با اشاره به بودجه گفت: کافی است."
    assert _speakers(text, [REZAEI, AHMADI]) == ["علی رضایی", "محمد احمدی", "علی رضایی"]


def test_a_role_first_lead_goes_to_the_person_who_continues_it() -> None:
    text = (
        "مدیرکل بهزیستی استان یزد گفت: طرح آغاز شد.\n"
        "علی رضایی امروز در گفت‌وگو با خبرنگاران افزود: کار ادامه دارد.\n"
        "وی گفت: پایان."
    )
    persons = [Person(name="علی رضایی", role=None, start=text.index("علی"), end=text.index("علی") + 9)]
    assert _speakers(text, persons) == ["علی رضایی"] * 3


def test_a_role_nobody_continues_stays_a_role() -> None:
    quotes = find_quotes("سخنگوی دولت در نشست خبری گفت: جلسه لغو شد.\nوی افزود: علت آن بعدا اعلام می‌شود.", [])
    assert [q.speaker for q in quotes] == ["سخنگوی دولت"] * 2
    assert all(q.speaker_is_role for q in quotes)


def test_an_unrecognised_subject_of_a_new_verb_has_no_speaker() -> None:
    text = "علی رضایی گفت: آماده‌ایم.\nکارگران معترض با تجمع اعلام کردند: حقوق نگرفته‌ایم."
    assert _speakers(text, [REZAEI]) == ["علی رضایی", None]
