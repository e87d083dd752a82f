"""diff_versions at sentence level: dropped paragraphs, new headlines, cuts, and no noise from spelling."""

from ayneh.text.textdiff import diff_versions
from tests.text.neardup_stories import (
    JOB_FAIR,
    cut_to_first_half,
    in_arabic_letters,
    with_headline,
    with_paragraph_dropped,
)


def test_it_reports_the_dropped_paragraph_as_a_removed_sentence() -> None:
    dropped = JOB_FAIR.split("\n")[3]
    ops = diff_versions(JOB_FAIR, with_paragraph_dropped(JOB_FAIR, paragraph=3))
    assert [(op.kind, op.before) for op in ops] == [("removed", dropped)]


def test_it_reports_every_sentence_of_a_dropped_two_sentence_paragraph() -> None:
    before = "خبر اول امروز.\nجمله نخست پاراگراف دوم. جمله دوم همان پاراگراف.\nپایان خبر امروز."
    after = "خبر اول امروز.\nپایان خبر امروز."
    ops = diff_versions(before, after)
    assert [(op.kind, op.before) for op in ops] == [
        ("removed", "جمله نخست پاراگراف دوم."),
        ("removed", "جمله دوم همان پاراگراف."),
    ]


def test_a_new_headline_is_a_removed_and_an_added_sentence() -> None:
    headline = "احمدی: ۸۰ شرکت در نمایشگاه حاضر می‌شوند"
    ops = diff_versions(JOB_FAIR, with_headline(JOB_FAIR, headline))
    assert [(op.kind, op.before or op.after) for op in ops] == [
        ("removed", JOB_FAIR.split("\n")[0]),
        ("added", headline),
    ]


def test_a_copy_cut_short_loses_its_last_sentences_and_the_cut_one_is_edited() -> None:
    ops = diff_versions(JOB_FAIR, cut_to_first_half(JOB_FAIR))
    assert ops[0].kind == "edited"
    assert ops[0].words[-1].kind == "deleted"
    assert {op.kind for op in ops[1:]} == {"removed"}
    assert ops[-1].before == JOB_FAIR.split("\n")[-1]


def test_spelling_only_changes_are_not_edits() -> None:
    assert diff_versions(JOB_FAIR, in_arabic_letters(JOB_FAIR)) == []
    assert diff_versions("در سال ۱۴۰۰ اجرا می‌شود.", "در سال 1400 اجرا می شود") == []


def test_spans_point_at_the_sentences_in_each_text() -> None:
    after = with_headline(in_arabic_letters(JOB_FAIR), "تیتر تازه")
    for op in diff_versions(JOB_FAIR, after):
        if op.before_span is not None:
            assert JOB_FAIR[slice(*op.before_span)] == op.before
        if op.after_span is not None:
            assert after[slice(*op.after_span)] == op.after


def test_identical_and_empty_texts_have_no_changes() -> None:
    assert diff_versions(JOB_FAIR, JOB_FAIR) == []
    assert diff_versions("", "") == []
    assert [op.kind for op in diff_versions("", "یک خبر تازه.")] == ["added"]
