"""A name right after «به کارگردانی»، «با حضور»، «نوشته» ... is a person even when its given name is rare."""

from ayneh.text.people import find_persons


def _names(text: str) -> list[str]:
    return [p.name for p in find_persons(text)]


def test_a_name_after_a_credit_for_a_work_is_a_person() -> None:
    text = "فیلم کوتاه «باران» به کارگردانی طوفان نهان‌قدرتی و نمایش «شب» نوشته کیانوش رستمی اجرا می‌شود."
    assert _names(text) == ["طوفان نهان‌قدرتی", "کیانوش رستمی"]


def test_a_name_after_with_the_presence_of_is_a_person() -> None:
    assert _names("این مراسم با حضور کیانوش رستمی برگزار شد.") == ["کیانوش رستمی"]


def test_the_same_name_without_a_cue_needs_other_backing() -> None:
    assert _names("فیلم کوتاه «باران» را طوفان نهان‌قدرتی ساخت.") == []
