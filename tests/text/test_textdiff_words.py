"""diff_versions inside an edited sentence: which words were inserted, deleted or replaced."""

from hypothesis import given, settings
from hypothesis import strategies as st

from ayneh.text.textdiff import WordEdit, diff_versions
from tests.text.neardup_stories import JOB_FAIR, with_attribution_rewritten, with_speech_verbs_swapped


def test_a_rewritten_attribution_is_an_edited_sentence_with_the_inserted_outlet() -> None:
    ops = diff_versions(JOB_FAIR, with_attribution_rewritten(JOB_FAIR))
    assert len(ops) == 1
    assert ops[0].kind == "edited"
    assert ops[0].words == (WordEdit("inserted", "", "ایسنا به نقل از"),)


def test_a_swapped_speech_verb_is_a_replaced_word() -> None:
    ops = diff_versions(JOB_FAIR, with_speech_verbs_swapped(JOB_FAIR))
    assert [op.kind for op in ops] == ["edited", "edited"]
    assert [op.words for op in ops] == [
        (WordEdit("replaced", "گفت", "اظهار کرد"),),
        (WordEdit("replaced", "اظهار کرد", "گفت"),),
    ]


def test_edited_words_are_reported_as_each_version_writes_them() -> None:
    before = "وزير كار گفت اين طرح اجرا مي‌شود."
    after = "وزیر کار اعلام کرد این طرح اجرا می‌شود."
    [op] = diff_versions(before, after)
    assert op.words == (WordEdit("replaced", "گفت", "اعلام کرد"),)
    assert (op.before, op.after) == (before, after)


def test_a_sentence_that_shares_too_few_words_is_removed_and_added_not_edited() -> None:
    ops = diff_versions("وزیر کار امروز به اهواز رفت.", "باران شدید در شیراز امروز بارید.")
    assert [op.kind for op in ops] == ["removed", "added"]


@settings(deadline=None)
@given(st.text(), st.text())
def test_it_never_raises_and_finds_no_change_between_a_text_and_itself(a: str, b: str) -> None:
    diff_versions(a, b)
    assert diff_versions(a, a) == []
