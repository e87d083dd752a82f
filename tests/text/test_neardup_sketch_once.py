"""A text is sketched once: the sketch serves any index (at its sample sizes or smaller), its exact shingle
set confirms a match, and batches split and join without changing anything an index answers."""

import numpy as np
import pytest

from ayneh.text.minhash import Sketches
from ayneh.text.neardup import NearDuplicateIndex, shared_shingles, sketch, sketch_many
from ayneh.text.shingles import shingle_set
from tests.text.neardup_stories import (
    JOB_FAIR,
    STORIES,
    WORKER_INSURANCE,
    cut_to_first_half,
    filler_stories,
    with_paragraph_dropped,
)

FIELDS = (
    "sample_text",
    "sample_key",
    "sample_level",
    "text_level",
    "fingerprints",
    "fingerprint_start",
    "fingerprint_level",
    "level_counts",
    "shingles",
    "shingle_start",
)


def assert_same(a: Sketches, b: Sketches) -> None:
    assert (a.sample_size, a.confirm_size) == (b.sample_size, b.confirm_size)
    for name in FIELDS:
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name), err_msg=name)


TEXTS = [*STORIES, *filler_stories(40, seed=3), "", "یک دو", " ".join(filler_stories(30, seed=5))]


@pytest.mark.parametrize(("sample_size", "confirm_size"), [(32, 256), (8, 64), (1, 1), (256, 1024)])
def test_a_resampled_sketch_is_the_sketch_at_those_sizes(sample_size: int, confirm_size: int) -> None:
    large = sketch_many(TEXTS, sample_size=256, confirm_size=1024)

    direct = sketch_many(TEXTS, sample_size=sample_size, confirm_size=confirm_size)
    assert_same(large.resampled(sample_size=sample_size, confirm_size=confirm_size), direct)


def test_a_sketch_cannot_be_resampled_to_larger_samples() -> None:
    small = sketch(JOB_FAIR, sample_size=32, confirm_size=256)
    with pytest.raises(ValueError, match="larger sizes"):
        small.resampled(sample_size=64, confirm_size=256)


def test_split_and_concatenate_give_back_the_batch() -> None:
    batch = sketch_many(TEXTS)
    parts = batch.split()

    assert [len(part) for part in parts] == [1] * len(TEXTS)
    assert_same(Sketches.concatenate(parts), batch)
    assert_same(parts[3], sketch(TEXTS[3]))


def test_concatenate_refuses_different_sizes() -> None:
    with pytest.raises(ValueError, match="different sample sizes"):
        Sketches.concatenate([sketch(JOB_FAIR), sketch(JOB_FAIR, sample_size=8)])


def test_the_shingle_set_is_the_texts_distinct_shingles() -> None:
    sketches = sketch_many([JOB_FAIR, WORKER_INSURANCE])

    assert len(sketches.shingle_set(0)) == len(shingle_set(JOB_FAIR))
    np.testing.assert_array_equal(sketches.shingle_set(0), np.unique(shingle_set(JOB_FAIR) >> np.uint64(16)))
    shared = shared_shingles(sketches.shingle_set(0), sketches.shingle_set(1))
    assert 0 < shared < len(sketches.shingle_set(1)) / 2  # one template, two stories


def test_an_index_answers_alike_from_texts_and_from_one_large_sketch() -> None:
    originals = [*STORIES, *filler_stories(100, seed=11)]
    queries = [with_paragraph_dropped(JOB_FAIR), cut_to_first_half(WORKER_INSURANCE), *filler_stories(20, seed=12)]
    from_texts = NearDuplicateIndex()
    from_texts.add_many((str(i), text) for i, text in enumerate(originals))
    from_sketches = NearDuplicateIndex()
    from_sketches.add_sketched(
        [str(i) for i in range(len(originals))], sketch_many(originals, sample_size=256, confirm_size=1024)
    )

    expected = from_texts.query_many(queries)
    assert from_sketches.query_sketched(sketch_many(queries, sample_size=64, confirm_size=512)) == expected
    assert any(expected)


def test_an_index_refuses_sketches_smaller_than_its_samples() -> None:
    index = NearDuplicateIndex(sample_size=64)
    with pytest.raises(ValueError, match="larger sizes"):
        index.add_sketched(["a"], sketch(JOB_FAIR, sample_size=32))


def test_without_a_length_floor_a_short_excerpt_of_a_long_text_scores_as_contained() -> None:
    long_text = "\n".join([JOB_FAIR, *filler_stories(12, seed=4)])
    excerpt = "\n".join(JOB_FAIR.split("\n")[:3])
    floored = NearDuplicateIndex(threshold=0.5)
    unfloored = NearDuplicateIndex(threshold=0.5, length_floor=0.0)
    for index in (floored, unfloored):
        index.add("long", long_text)

    assert floored.query(excerpt) == []
    assert [label for label, _score in unfloored.query(excerpt)] == ["long"]
