"""Foreign given names open a person name; the foreign surname after them then needs a title beside it."""

from ayneh.text.people import find_persons


def _people(text: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.role) for p in find_persons(text)]


def test_a_foreign_name_with_a_title_after_it_is_a_person() -> None:
    text = "یواخیم لو، سرمربی تیم ملی فوتبال آلمان گفت: آماده‌ایم."
    assert _people(text) == [("یواخیم لو", "سرمربی تیم ملی فوتبال آلمان")]


def test_a_foreign_name_with_a_title_before_it_is_a_person() -> None:
    assert _people("نخست وزیر سابق انگلیس تونی بلر به منطقه سفر کرد.") == [("تونی بلر", "نخست وزیر سابق انگلیس")]


def test_a_foreign_name_with_nothing_beside_it_is_not_reported() -> None:
    assert _people("باشگاه به جذب مارکو رویس علاقه دارد.") == []


def test_a_nationality_adjective_is_no_surname() -> None:
    assert _people("ستاره برزیلی تیم، رافائل برزیلی، بازی نکرد.") == []


def test_a_surname_suffix_that_is_a_word_of_its_own_is_no_surname_alone() -> None:
    assert _people("فیلیپ دوست بلازی امروز در پاریس بود.") == []
