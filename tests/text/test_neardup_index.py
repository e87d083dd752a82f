"""NearDuplicateIndex finds the earlier versions of a story after the usual republishing edits."""

from collections.abc import Callable

import pytest

from ayneh.text.neardup import NearDuplicateIndex
from tests.text.neardup_stories import (
    JOB_FAIR,
    LIBRARY_WEEK,
    SHIRAZ_RAIN,
    STORIES,
    WORKER_INSURANCE,
    cut_to_first_half,
    filler_stories,
    in_arabic_letters,
    with_attribution_rewritten,
    with_headline,
    with_paragraph_dropped,
    with_speech_verbs_swapped,
)


@pytest.fixture
def index() -> NearDuplicateIndex:
    index = NearDuplicateIndex()
    index.add_many([("job-fair", JOB_FAIR), ("insurance", WORKER_INSURANCE), ("rain", SHIRAZ_RAIN)])
    index.add_many((f"filler-{i}", text) for i, text in enumerate(filler_stories(200, seed=7)))
    return index


@pytest.mark.parametrize(
    "edit",
    [
        with_attribution_rewritten,
        in_arabic_letters,
        with_paragraph_dropped,
        with_speech_verbs_swapped,
        cut_to_first_half,
        lambda text: with_headline(text, "احمدی: ۸۰ شرکت در نمایشگاه کارآفرینی اهواز حاضر می‌شوند"),
        lambda text: cut_to_first_half(in_arabic_letters(with_speech_verbs_swapped(with_attribution_rewritten(text)))),
    ],
    ids=["attribution", "arabic-letters", "paragraph-dropped", "speech-verbs", "truncated", "headline", "all"],
)
def test_it_finds_the_original_of_an_edited_copy(index: NearDuplicateIndex, edit: Callable[[str], str]) -> None:
    found = index.query(edit(JOB_FAIR))
    assert [doc_id for doc_id, _ in found] == ["job-fair"]
    assert found[0][1] >= 0.8


def test_it_finds_nothing_for_a_story_it_has_not_seen(index: NearDuplicateIndex) -> None:
    assert index.query(LIBRARY_WEEK) == []


def test_an_identical_text_scores_one(index: NearDuplicateIndex) -> None:
    assert index.query(SHIRAZ_RAIN) == [("rain", 1.0)]


def test_versions_come_best_first_and_equal_scores_in_the_order_they_were_added() -> None:
    index = NearDuplicateIndex()
    index.add("truncated", cut_to_first_half(JOB_FAIR))
    index.add("verbs", with_speech_verbs_swapped(JOB_FAIR))
    index.add("same", JOB_FAIR)
    index.add("same-again", JOB_FAIR)
    found = index.query(JOB_FAIR)
    assert [doc_id for doc_id, _ in found][:2] == ["truncated", "same"] or found[0][1] >= found[1][1]
    scores = [score for _, score in found]
    assert scores == sorted(scores, reverse=True)
    tied = [doc_id for doc_id, score in found if score == 1.0]
    assert tied.index("same") < tied.index("same-again")


def test_one_text_at_a_time_gives_what_the_batch_calls_give() -> None:
    texts = [*STORIES, with_paragraph_dropped(JOB_FAIR), *filler_stories(20, seed=3)]
    one_by_one, batched = NearDuplicateIndex(), NearDuplicateIndex()
    for i, text in enumerate(texts):
        one_by_one.add(str(i), text)
    batched.add_many((str(i), text) for i, text in enumerate(texts))
    queries = [cut_to_first_half(text) for text in texts]
    assert [one_by_one.query(q) for q in queries] == batched.query_many(queries)
    assert len(one_by_one) == len(batched) == len(texts)


def test_a_query_sees_articles_added_just_before_it() -> None:
    index = NearDuplicateIndex()
    index.add("a", JOB_FAIR)
    assert index.query(in_arabic_letters(JOB_FAIR))[0][0] == "a"
    index.add("b", SHIRAZ_RAIN)
    assert index.query(SHIRAZ_RAIN)[0][0] == "b"


def test_an_empty_index_and_an_empty_text_find_nothing() -> None:
    index = NearDuplicateIndex()
    assert index.query(JOB_FAIR) == []
    index.add("a", JOB_FAIR)
    assert index.query("") == []
    assert index.query_many([]) == []
