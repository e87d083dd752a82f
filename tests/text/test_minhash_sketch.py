"""The containment sketches: bounded, consistent across texts, and counting what they claim to."""

import numpy as np

from ayneh.text.minhash import MAX_LEVEL, sketch_batch
from ayneh.text.shingles import shingle_batch, shingle_set
from tests.text.neardup_stories import JOB_FAIR, STORIES, filler_stories


def _levels(hashes: np.ndarray) -> np.ndarray:
    """The level of each shingle hash as the module docstring defines it: trailing zeros of bits 16..31."""
    low = [int(h >> np.uint64(16)) & 0xFFFF for h in hashes]
    return np.array([min((v & -v).bit_length() - 1, MAX_LEVEL) if v else MAX_LEVEL for v in low])


def test_a_short_text_keeps_every_shingle_in_both_samples() -> None:
    text = "وزیر تعاون، کار و رفاه اجتماعی امروز از اهواز دیدن کرد"
    sketches = sketch_batch(shingle_batch([text]))
    assert sketches.text_level[0] == sketches.fingerprint_level[0] == 0
    assert len(sketches.sample_key) == len(sketches.fingerprints) == len(shingle_set(text))


def test_samples_stay_within_their_sizes_for_a_long_text() -> None:
    long_text = " ".join(filler_stories(30, seed=1))
    sketches = sketch_batch(shingle_batch([long_text]), sample_size=32, confirm_size=256)
    assert len(shingle_set(long_text)) > 2_000
    assert 0 < len(sketches.sample_key) <= 32
    assert 0 < len(sketches.fingerprints) <= 256
    assert sketches.text_level[0] > sketches.fingerprint_level[0] > 0


def test_level_counts_count_the_distinct_shingles_at_each_level_or_above() -> None:
    levels = _levels(shingle_set(JOB_FAIR))
    counts = sketch_batch(shingle_batch([JOB_FAIR])).level_counts[0]
    assert list(counts) == [int((levels >= level).sum()) for level in range(MAX_LEVEL + 1)]


def test_a_shared_shingle_is_sampled_in_both_texts_or_in_neither() -> None:
    # The second text repeats the first one's opening inside other material: the index keys they share
    # are exactly the shared shingles that reach the coarser of their two levels.
    first, second = JOB_FAIR, " ".join(filler_stories(3, seed=2)) + " " + JOB_FAIR[:400]
    sketches = sketch_batch(shingle_batch([first, second]), sample_size=8)
    level = int(sketches.text_level.max())
    shared = np.intersect1d(shingle_set(first), shingle_set(second))
    expected = {int(h >> np.uint64(32)) for h, lv in zip(shared, _levels(shared), strict=True) if lv >= level}
    keys = [
        {
            int(k)
            for k, lv in zip(
                sketches.sample_key[sketches.sample_text == t],
                sketches.sample_level[sketches.sample_text == t],
                strict=True,
            )
            if lv >= level
        }
        for t in (0, 1)
    ]
    assert keys[0] & keys[1] == expected


def test_fingerprints_are_ordered_by_descending_level_so_a_higher_level_is_a_prefix() -> None:
    sketches = sketch_batch(shingle_batch([JOB_FAIR]), confirm_size=64)
    level = int(sketches.fingerprint_level[0])
    prefix = int(sketches.level_counts[0, level + 1])
    shingles = shingle_set(JOB_FAIR)
    higher = {int(h >> np.uint64(48)) for h, lv in zip(shingles, _levels(shingles), strict=True) if lv > level}
    assert set(sketches.fingerprints[:prefix].tolist()) == higher


def test_a_batch_sketches_each_text_as_it_would_alone() -> None:
    together = sketch_batch(shingle_batch(STORIES))
    for position, story in enumerate(STORIES):
        alone = sketch_batch(shingle_batch([story]))
        mine = together.sample_text == position
        assert together.sample_key[mine].tolist() == alone.sample_key.tolist()
        start, end = together.fingerprint_start[position : position + 2]
        assert together.fingerprints[start:end].tolist() == alone.fingerprints.tolist()
        assert together.level_counts[position].tolist() == alone.level_counts[0].tolist()


def test_an_empty_batch_and_an_empty_text_have_empty_samples() -> None:
    assert len(sketch_batch(shingle_batch([]))) == 0
    sketches = sketch_batch(shingle_batch(["", "؟!"]))
    assert len(sketches.sample_key) == len(sketches.fingerprints) == 0
    assert sketches.level_counts.sum() == 0


def test_packed_sketches_unpack_to_the_same_samples_at_their_own_sizes() -> None:
    from ayneh.text.minhash import pack_sketches, packed_at_sizes, unpack_sketches

    texts = [*STORIES[:3], " ".join(filler_stories(30, seed=2)), "کوتاه", ""]
    sketches = sketch_batch(shingle_batch(texts), sample_size=16, confirm_size=64)
    packed = pack_sketches(sketches)

    assert all(packed_at_sizes(blob, sample_size=16, confirm_size=64) for blob in packed)
    assert not packed_at_sizes(packed[0], sample_size=32, confirm_size=64)
    assert not packed_at_sizes(packed[0][:5], sample_size=16, confirm_size=64)  # cut short
    unpacked = unpack_sketches(packed, sample_size=16, confirm_size=64)
    for name in ("sample_text", "sample_key", "sample_level", "text_level", "fingerprints", "fingerprint_start"):
        assert np.array_equal(getattr(unpacked, name), getattr(sketches, name)), name
    assert np.array_equal(unpacked.level_counts, sketches.level_counts)
    assert len(unpacked.shingles) == 0  # the shingle sets are not kept
