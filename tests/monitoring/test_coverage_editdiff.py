"""The pickups page's diff: the article's own text in order, what the outlet added and dropped, and its
credit line marked wherever it falls."""

from ayneh.monitoring.editdiff import edit_diff
from ayneh.monitoring.pickups import release_plain_text
from tests.monitoring import releases as sample

RELEASE = release_plain_text(title="", lead=sample.RELEASE_LEAD, body_html=sample.RELEASE_BODY_HTML)
CREDIT = (0, len(sample.CREDIT.rstrip("، ")))


def shown(diff, kind):
    return [segment.text for segment in diff.segments if segment.kind == kind]


def test_the_article_reads_in_full_from_its_own_segments() -> None:
    diff = edit_diff(RELEASE, sample.REPUBLISHED_TEXT, credit=CREDIT)

    assert "".join(s.text for s in diff.segments if s.kind != "deleted") == sample.REPUBLISHED_TEXT


def test_dropped_lead_and_paragraph_are_shown_as_deleted() -> None:
    diff = edit_diff(RELEASE, sample.REPUBLISHED_TEXT, credit=CREDIT)

    deleted = " ".join(shown(diff, "deleted"))
    assert sample.RELEASE_LEAD.rstrip(".") in deleted
    assert sample.RELEASE_PARAGRAPHS[2][:40] in deleted
    assert diff.summary.sentences_dropped == 2


def test_a_changed_word_is_shown_word_by_word() -> None:
    diff = edit_diff(RELEASE, sample.REPUBLISHED_TEXT, credit=CREDIT)

    assert "موظف‌اند" in shown(diff, "deleted")
    assert "موظف هستند" in shown(diff, "inserted")


def test_the_credit_line_is_marked_exactly() -> None:
    diff = edit_diff(RELEASE, sample.REPUBLISHED_TEXT, credit=CREDIT)

    credited = "".join(s.text for s in diff.segments if s.credit)
    assert credited == sample.REPUBLISHED_TEXT[CREDIT[0] : CREDIT[1]]


def test_a_verbatim_copy_has_no_edits() -> None:
    diff = edit_diff(RELEASE, RELEASE)

    assert [s.kind for s in diff.segments] == ["same"]
    assert diff.summary.edited_share == 0
    assert diff.summary.kept_share == 1


def test_spelling_only_changes_are_not_edits() -> None:
    arabic = RELEASE.replace("ی", "ي").replace("ک", "ك")

    assert edit_diff(RELEASE, arabic).summary.edited_share == 0


def test_a_different_story_is_all_edits() -> None:
    diff = edit_diff(RELEASE, sample.UNRELATED_TEXT)

    assert diff.summary.kept_share < 0.1
    assert diff.summary.edited_share > 0.85  # common words («در», «و», «استان») still align
