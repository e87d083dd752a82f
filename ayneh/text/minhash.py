"""Min-wise sketches of shingle sets that estimate *containment*, built for many texts at once.

Classic MinHash (k independent permutations, the minimum of each) estimates Jaccard similarity
|A∩B| / |A∪B|. Versions of a news story are a containment problem: a copy truncated to its first half has
Jaccard ≈ 0.5 with the original but is wholly contained in it, while two different stories in one outlet's
template share a little boilerplate either way. So this module builds the other sketch of Broder's
"On the resemblance and containment of documents" (1997), the mod-m sample, in a form that bounds its size:

- Every shingle hash gets a *level*: the number of trailing zero bits of its low 16 bits (capped at
  ``MAX_LEVEL``); a shingle reaches level ≥ ℓ with probability 2^-ℓ, and which shingles do is the same in
  every document, because it depends only on the hash.
- A document's sample is its distinct shingles of level ≥ L, with L the smallest level that leaves at most
  ``sample_size`` of them. Short texts keep every shingle (L = 0), long ones a fixed fraction.
- Two documents are compared at the level max(L_a, L_b): both samples restricted to it are consistent
  Bernoulli samples of the two sets at one rate, so the shared count over either sample's size is an
  unbiased estimate of the containment. ``level_counts`` keeps each document's sample size at every level.

The sample key is the high 32 bits of the shingle hash (the level comes from other bits), so an index
stores 4 + 4 bytes per sampled shingle. Everything runs as a handful of numpy operations over a whole
batch of texts: no Python loop per shingle or per permutation.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ayneh.text.shingles import ShingleBatch

MAX_LEVEL = 12  # 2^-12 sampling keeps a 64-shingle sample up to ~260,000 distinct shingles
DEFAULT_SAMPLE_SIZE = 64

_DOC_SHIFT = np.uint64(48)  # batch position in the top 16 bits of the sort key, the hash's top 48 below
_HASH_48 = np.uint64((1 << 48) - 1)
_MAX_BATCH = 1 << 16


def _trailing_zeros_table() -> np.ndarray:
    """Level of every 16-bit value: its trailing zero bits, capped at MAX_LEVEL (0 itself → MAX_LEVEL)."""
    values = np.arange(1 << 16, dtype=np.uint32)
    lowest_bit = values & (~values + np.uint32(1))
    levels = np.full(1 << 16, MAX_LEVEL, dtype=np.uint8)
    nonzero = values != 0
    levels[nonzero] = np.minimum(np.log2(lowest_bit[nonzero]).astype(np.uint8), MAX_LEVEL)
    return levels


_LEVEL_OF_LOW_BITS = _trailing_zeros_table()


@dataclass(frozen=True, slots=True)
class Sketches:
    """Level samples of a batch of texts (see the module docstring).

    Samples are grouped by text in batch order: ``sample_text[i]`` is the batch position of sample ``i``.
    ``level_counts[t, ℓ]`` is the number of distinct shingles of text ``t`` at level ≥ ℓ (saturating at
    65,535); at ℓ ≥ ``text_level[t]`` it is the size of the text's sample restricted to ℓ.
    """

    sample_text: np.ndarray  # int64
    sample_key: np.ndarray  # uint32
    sample_level: np.ndarray  # uint8
    text_level: np.ndarray  # uint8, one per text
    level_counts: np.ndarray  # uint16, (texts, MAX_LEVEL + 1)

    def __len__(self) -> int:
        return len(self.text_level)


def sketch_batch(batch: ShingleBatch, *, sample_size: int = DEFAULT_SAMPLE_SIZE) -> Sketches:
    """The level sample of every text in ``batch``, keeping at most ``sample_size`` shingles per text
    (unless it has more than ``sample_size`` shingles even at ``MAX_LEVEL``). At most 65,536 texts."""
    texts = len(batch)
    if texts > _MAX_BATCH:
        raise ValueError(f"a batch holds at most {_MAX_BATCH} texts, not {texts}")
    if sample_size < 1:
        raise ValueError("sample_size must be at least 1")
    text_of_shingle = np.repeat(np.arange(texts, dtype=np.uint64), np.diff(batch.offsets))
    # One sort de-duplicates shingles within each text and groups them by text; 48 hash bits make a
    # collision between two shingles of one text practically impossible.
    keys = np.sort((text_of_shingle << _DOC_SHIFT) | (batch.hashes >> np.uint64(16)))
    if len(keys):
        keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
    sample_text = (keys >> _DOC_SHIFT).astype(np.int64)
    hash48 = keys & _HASH_48
    levels = _LEVEL_OF_LOW_BITS[(hash48 & np.uint64(0xFFFF)).astype(np.int64)]

    per_level = np.bincount(sample_text * (MAX_LEVEL + 1) + levels, minlength=texts * (MAX_LEVEL + 1))
    at_least = np.cumsum(per_level.reshape(texts, MAX_LEVEL + 1)[:, ::-1], axis=1)[:, ::-1]
    # at_least falls as the level rises, so the first level within the budget is the count above it.
    text_level = np.minimum((at_least > sample_size).sum(axis=1), MAX_LEVEL).astype(np.uint8)
    kept = levels >= text_level[sample_text]
    return Sketches(
        sample_text=sample_text[kept],
        sample_key=(hash48[kept] >> np.uint64(16)).astype(np.uint32),
        sample_level=levels[kept],
        text_level=text_level,
        level_counts=np.minimum(at_least, np.iinfo(np.uint16).max).astype(np.uint16),
    )
