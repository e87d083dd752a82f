"""What changed between two revisions of a ranking, field by field."""

from ayneh.evaluation.ranking import ranking_build
from ayneh.evaluation.snapshots import diff_is_empty, snapshot_diff
from tests.evaluation.rankings import PERIOD, SPEC, measured_office


def _document(*offices):
    return ranking_build(framework=SPEC, period=PERIOD, offices=offices)


def test_identical_revisions_have_an_empty_diff():
    document = _document(measured_office("a"), measured_office("b", score=0.5))
    assert diff_is_empty(snapshot_diff(document, document))


def test_a_corrected_score_shows_before_and_after_with_its_consequences():
    before = _document(measured_office("a", score=0.9), measured_office("b", score=0.95))
    after = _document(
        measured_office("a", score=0.9), measured_office("b", score=0.95, overrides={"news.quality": 0.25})
    )
    diff = snapshot_diff(before, after)
    assert not diff_is_empty(diff)
    b = diff["offices"]["b"]
    assert b["indicators"]["news.quality"]["score"] == [0.95, 0.25]
    assert b["total"] == [95.0, 91.5]
    assert b["axes"]["news"]["score"] == [95.0, 77.5]
    assert "rank" not in b  # 91.5 still leads a's 90
    # a's data did not change, but its standing on that indicator and its axis did: the diff says so.
    a = diff["offices"]["a"]
    assert a == {"indicators": {"news.quality": {"rank": [2, 1]}}, "axes": {"news": {"rank": [2, 1]}}}


def test_offices_added_or_removed_are_listed():
    diff = snapshot_diff(_document(measured_office("a")), _document(measured_office("b")))
    assert diff["offices_added"] == ["b"]
    assert diff["offices_removed"] == ["a"]
