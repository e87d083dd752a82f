"""Min-wise sketches of shingle sets that estimate *containment*, built for many texts at once.

Classic MinHash (k independent permutations, the minimum of each) estimates Jaccard similarity
|A∩B| / |A∪B|. Versions of a news story are a containment problem: a copy truncated to its first half has
Jaccard ≈ 0.5 with the original but is wholly contained in it, while two different stories in one outlet's
template share a little boilerplate either way. So this module builds the other sketch of Broder's
"On the resemblance and containment of documents" (1997), the mod-m sample, in a form that bounds its size:

- Every shingle hash gets a *level*: the number of trailing zero bits of 16 of its bits (capped at
  ``MAX_LEVEL``); a shingle reaches level ≥ ℓ with probability 2^-ℓ, and which shingles do is the same in
  every document, because it depends only on the hash.
- A document's sample at level L is its distinct shingles of level ≥ L. Two documents compared at one
  level have consistent Bernoulli samples of their two sets, so the shared count over a sample's size
  estimates the containment without bias; ``level_counts`` keeps each document's sample size at every
  level so that any two documents can be compared at the coarser of their two levels.

Each document gets two samples of this kind:

- the *index sample*: at most ``sample_size`` shingles (32 by default), as 32-bit keys, for an inverted
  index that finds candidates — few, so the index is small and fast;
- the *confirmation sample*: at most ``confirm_size`` shingles (256 by default) as 16-bit fingerprints,
  which is every shingle of a typical news story, so that confirming a candidate is exact for such texts
  and has a standard error of at most ~0.045 for longer ones. Fingerprints are compared only within one
  pair of documents, where 16 bits give about one spurious match in 65,536 comparisons.

The fingerprints of a document are stored by descending level, so its sample at any level ≥ its own is
a prefix (of length ``level_counts[doc, level]``). Everything runs as a handful of numpy operations over a
whole batch of texts: no Python loop per shingle or per permutation.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ayneh.text.shingles import ShingleBatch

MAX_LEVEL = 12  # 2^-12 sampling keeps a 256-shingle sample up to ~1M distinct shingles
DEFAULT_SAMPLE_SIZE = 32
DEFAULT_CONFIRM_SIZE = 256

_TEXT_SHIFT = np.uint64(48)  # batch position in the top 16 bits of the sort key, the hash's top 48 below
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
    """Both samples of a batch of texts (see the module docstring).

    Index sample: ``sample_text[i]`` is the batch position of sample ``i``, ``sample_key[i]`` its key and
    ``sample_level[i]`` its level; ``text_level[t]`` is the level of text ``t``'s index sample.
    Confirmation sample: text ``t``'s fingerprints are ``fingerprints[fingerprint_start[t]:
    fingerprint_start[t + 1]]``, by descending level; ``fingerprint_level[t]`` is its level.
    ``level_counts[t, ℓ]`` is the number of distinct shingles of text ``t`` at level ≥ ℓ (saturating at
    65,535).
    """

    sample_text: np.ndarray  # int64
    sample_key: np.ndarray  # uint32
    sample_level: np.ndarray  # uint8
    text_level: np.ndarray  # uint8, one per text
    fingerprints: np.ndarray  # uint16
    fingerprint_start: np.ndarray  # int64, one more than the texts
    fingerprint_level: np.ndarray  # uint8, one per text
    level_counts: np.ndarray  # uint16, (texts, MAX_LEVEL + 1)

    def __len__(self) -> int:
        return len(self.text_level)


def _sample_level(at_least: np.ndarray, size: int) -> np.ndarray:
    """Per text, the lowest level whose sample holds at most ``size`` shingles (capped at MAX_LEVEL).
    ``at_least`` falls as the level rises, so that level is the number of levels above the budget."""
    return np.minimum((at_least > size).sum(axis=1), MAX_LEVEL).astype(np.uint8)


def sketch_batch(
    batch: ShingleBatch, *, sample_size: int = DEFAULT_SAMPLE_SIZE, confirm_size: int = DEFAULT_CONFIRM_SIZE
) -> Sketches:
    """Both samples of every text in ``batch`` (at most 65,536 texts). A sample holds at most its size in
    shingles unless the text has more than that even at ``MAX_LEVEL``."""
    texts = len(batch)
    if texts > _MAX_BATCH:
        raise ValueError(f"a batch holds at most {_MAX_BATCH} texts, not {texts}")
    if sample_size < 1 or confirm_size < 1:
        raise ValueError("sample sizes must be at least 1")
    text_of_shingle = np.repeat(np.arange(texts, dtype=np.uint64), np.diff(batch.offsets))
    # One sort de-duplicates shingles within each text and groups them by text; 48 hash bits make a
    # collision between two shingles of one text practically impossible.
    keys = np.sort((text_of_shingle << _TEXT_SHIFT) | (batch.hashes >> np.uint64(16)))
    if len(keys):
        keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
    text = (keys >> _TEXT_SHIFT).astype(np.int64)
    hash48 = keys & _HASH_48  # the hash's bits 63..16
    levels = _LEVEL_OF_LOW_BITS[(hash48 & np.uint64(0xFFFF)).astype(np.int64)]  # from bits 31..16

    per_level = np.bincount(text * (MAX_LEVEL + 1) + levels, minlength=texts * (MAX_LEVEL + 1))
    at_least = np.cumsum(per_level.reshape(texts, MAX_LEVEL + 1)[:, ::-1], axis=1)[:, ::-1]

    text_level = _sample_level(at_least, sample_size)
    in_index = levels >= text_level[text]

    fingerprint_level = _sample_level(at_least, confirm_size)
    confirmed = np.flatnonzero(levels >= fingerprint_level[text])
    # By text, then by descending level: a text's sample at a higher level is a prefix of its fingerprints.
    confirmed = confirmed[np.lexsort((MAX_LEVEL - levels[confirmed], text[confirmed]))]
    fingerprint_start = np.zeros(texts + 1, dtype=np.int64)
    np.cumsum(np.bincount(text[confirmed], minlength=texts), out=fingerprint_start[1:])

    return Sketches(
        sample_text=text[in_index],
        sample_key=(hash48[in_index] >> np.uint64(16)).astype(np.uint32),  # bits 63..32
        sample_level=levels[in_index],
        text_level=text_level,
        fingerprints=(hash48[confirmed] >> np.uint64(32)).astype(np.uint16),  # bits 63..48
        fingerprint_start=fingerprint_start,
        fingerprint_level=fingerprint_level,
        level_counts=np.minimum(at_least, np.iinfo(np.uint16).max).astype(np.uint16),
    )
