"""Names with a surname that opens with «حاج» and given names written as two words with «الدین» / «الله»."""

from ayneh.text.people import find_persons


def _names(text: str) -> list[str]:
    return [p.name for p in find_persons(text)]


def test_haj_after_a_given_name_opens_a_two_word_surname() -> None:
    text = "رضا حاج کریم امروز در جمع خبرنگاران اظهار داشت: کار آغاز شد.\nحاج کریم تأکید کرد: ادامه می‌دهیم."
    assert _names(text) == ["رضا حاج کریم"]


def test_a_haj_surname_in_a_list_of_names() -> None:
    assert _names("در این دیدار حسن کریمی، مهرداد حاج محمدی و علی رضایی حضور داشتند.") == [
        "حسن کریمی",
        "مهرداد حاج محمدی",
        "علی رضایی",
    ]


def test_the_bare_surname_of_a_haj_name_is_matched_whole() -> None:
    # «حاج» alone opening a sentence is not «حاج کریم»: it gives the name no backing.
    text = "مجید حاج کریم در جلسه بود.\nحاج قاسم گفت: آماده‌ایم."
    assert _names(text) == []


def test_a_compound_given_name_written_with_a_space_stays_one_given_name() -> None:
    assert _names("کتاب را جلال الدین علی محمدی از اصفهان نوشته است و او گفت: بله.") == ["جلال الدین علی محمدی"]
