"""The confirmation step: versions score high, different stories in one office's template do not."""

import pytest

from ayneh.text.neardup import DEFAULT_THRESHOLD, NearDuplicateIndex, similarity
from tests.text.neardup_stories import (
    JOB_FAIR,
    LIBRARY_WEEK,
    SHIRAZ_RAIN,
    WORKER_INSURANCE,
    cut_to_first_half,
    in_arabic_letters,
    with_paragraph_dropped,
)


def test_two_stories_in_one_offices_template_are_not_versions() -> None:
    assert similarity(JOB_FAIR, WORKER_INSURANCE) < DEFAULT_THRESHOLD


def test_the_first_half_of_a_template_story_is_not_a_version_of_another_one() -> None:
    # Its first half is mostly the template (headline formula, lead, official), the hardest case.
    first_half = cut_to_first_half(JOB_FAIR)
    assert similarity(first_half, WORKER_INSURANCE) < DEFAULT_THRESHOLD
    index = NearDuplicateIndex()
    index.add("insurance", WORKER_INSURANCE)
    assert index.query(first_half) == []


def test_stories_on_other_subjects_share_almost_nothing() -> None:
    assert similarity(JOB_FAIR, SHIRAZ_RAIN) < 0.05
    assert similarity(SHIRAZ_RAIN, LIBRARY_WEEK) < 0.05


def test_a_copy_cut_to_its_first_half_scores_one() -> None:
    copy = cut_to_first_half(JOB_FAIR)
    assert similarity(JOB_FAIR, copy) == similarity(copy, JOB_FAIR) == 1.0


def test_a_copy_with_a_paragraph_dropped_scores_almost_one() -> None:
    # Only the two shingles that now run across the gap are new.
    assert similarity(JOB_FAIR, with_paragraph_dropped(JOB_FAIR)) > 0.98


def test_spelling_alone_does_not_lower_the_score() -> None:
    assert similarity(JOB_FAIR, in_arabic_letters(JOB_FAIR)) == 1.0


def test_a_short_common_phrase_is_not_a_version_of_a_long_article() -> None:
    phrase = "به گزارش خبرگزاری فارس از اهواز به نقل از روابط عمومی اداره کل تعاون، کار و رفاه اجتماعی"
    assert phrase.split()[3] in JOB_FAIR
    assert similarity(phrase, JOB_FAIR) < DEFAULT_THRESHOLD


def test_the_index_confirms_with_the_exact_score_for_a_story_sized_text() -> None:
    # Story-sized texts keep every shingle in their confirmation sample; 16-bit fingerprints may add a
    # spurious match or two (about one per 65,536 comparisons), nothing more.
    index = NearDuplicateIndex(threshold=0.0)
    index.add("insurance", WORKER_INSURANCE)
    index.add("job-fair", JOB_FAIR)
    copy = with_paragraph_dropped(in_arabic_letters(WORKER_INSURANCE), paragraph=4)
    found = dict(index.query(copy))
    assert found["insurance"] == pytest.approx(similarity(copy, WORKER_INSURANCE), abs=0.02)
    assert found["job-fair"] == pytest.approx(similarity(copy, JOB_FAIR), abs=0.02)
