"""A name from the long list of given names counts when news writes it as the speaker: opening a sentence or
the clause after a credit, followed by «با بیان ...»، «در گفت‌وگو ...»، «امروز ...», with a verb of saying."""

from ayneh.text.people import find_persons


def _names(text: str) -> list[str]:
    return [p.name for p in find_persons(text)]


def test_a_name_opening_a_sentence_as_the_speaker_counts() -> None:
    text = "مسابقات آغاز شد.\nکیانوش رستمی امروز در گفت‌وگو با خبرنگاران اظهار داشت: آماده‌ایم."
    assert _names(text) == ["کیانوش رستمی"]


def test_a_name_opening_the_clause_after_a_credit_counts() -> None:
    text = "به گزارش ایرنا به نقل از روابط عمومی استانداری، کیانوش رستمی با بیان این مطلب افزود: طرح آغاز شد."
    assert _names(text) == ["کیانوش رستمی"]


def test_the_same_name_without_a_verb_of_saying_does_not_count() -> None:
    assert _names("مسابقات آغاز شد.\nکیانوش رستمی امروز در مسابقات شرکت کرد.") == []


def test_a_name_after_a_comma_that_closes_no_credit_does_not_count() -> None:
    assert _names("در این جلسه، کیانوش رستمی با بیان این مطلب افزود: طرح آغاز شد.") == []


def test_words_that_merely_look_like_a_name_are_not_a_speaker() -> None:
    # «پیام دوستی» is "a message of friendship": what follows it is not what follows a speaker.
    assert _names("پیام دوستی رئیس‌جمهور را سفیر خواند و گفت: این پیام مهم است.") == []
