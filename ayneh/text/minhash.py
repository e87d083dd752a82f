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

*Sketch once.* A batch also keeps every text's distinct shingles (48 bits of each hash, sorted), which an
exact confirmation needs, and its samples at the sizes it was built with. Because levels depend only on the
hash, a smaller sample of the same text is a sub-sample of a larger one: ``Sketches.resampled`` derives it
without the text, so one sketch built at the largest sizes serves several indexes (``resampled`` output is
identical to sketching the text again at the smaller sizes). ``split`` cuts a batch into one-text batches
and ``concatenate`` joins batches, so texts sketched together can be indexed or queried apart.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
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
    # Text t's distinct shingles, 48 bits of each hash, ascending: shingles[shingle_start[t]:shingle_start[t+1]].
    shingles: np.ndarray  # uint64
    shingle_start: np.ndarray  # int64, one more than the texts
    sample_size: int = DEFAULT_SAMPLE_SIZE
    confirm_size: int = DEFAULT_CONFIRM_SIZE

    def __len__(self) -> int:
        return len(self.text_level)

    def shingle_set(self, text: int) -> np.ndarray:
        """Text ``text``'s distinct shingles (48-bit hashes, ascending)."""
        return self.shingles[self.shingle_start[text] : self.shingle_start[text + 1]]

    def resampled(self, *, sample_size: int, confirm_size: int) -> Sketches:
        """The same texts' sketches at smaller (or equal) sample sizes, identical to sketching them again
        at those sizes (module docstring)."""
        if (sample_size, confirm_size) == (self.sample_size, self.confirm_size):
            return self
        if sample_size > self.sample_size or confirm_size > self.confirm_size:
            raise ValueError(
                f"cannot resample sketches of sizes ({self.sample_size}, {self.confirm_size}) up to "
                f"({sample_size}, {confirm_size}): sketch the texts at the larger sizes"
            )
        at_least = self.level_counts
        text_level = np.maximum(_sample_level(at_least, sample_size), self.text_level)
        kept = self.sample_level >= text_level[self.sample_text]
        fingerprint_level = np.maximum(_sample_level(at_least, confirm_size), self.fingerprint_level)
        had = np.diff(self.fingerprint_start)
        keep = np.minimum(at_least[np.arange(len(self)), fingerprint_level.astype(np.int64)].astype(np.int64), had)
        owner = np.repeat(np.arange(len(self), dtype=np.int64), keep)
        first = np.cumsum(keep) - keep
        picked = self.fingerprint_start[owner] + np.arange(len(owner)) - first[owner]
        fingerprint_start = np.zeros(len(self) + 1, dtype=np.int64)
        np.cumsum(keep, out=fingerprint_start[1:])
        return Sketches(
            sample_text=self.sample_text[kept],
            sample_key=self.sample_key[kept],
            sample_level=self.sample_level[kept],
            text_level=text_level,
            fingerprints=self.fingerprints[picked],
            fingerprint_start=fingerprint_start,
            fingerprint_level=fingerprint_level,
            level_counts=self.level_counts,
            shingles=self.shingles,
            shingle_start=self.shingle_start,
            sample_size=sample_size,
            confirm_size=confirm_size,
        )

    def split(self) -> list[Sketches]:
        """One batch per text, in order (views into this batch's arrays)."""
        sample_start = np.searchsorted(self.sample_text, np.arange(len(self) + 1))
        parts = []
        for t in range(len(self)):
            f0, f1 = self.fingerprint_start[t], self.fingerprint_start[t + 1]
            s0, s1 = sample_start[t], sample_start[t + 1]
            h0, h1 = self.shingle_start[t], self.shingle_start[t + 1]
            parts.append(
                Sketches(
                    sample_text=np.zeros(s1 - s0, dtype=np.int64),
                    sample_key=self.sample_key[s0:s1],
                    sample_level=self.sample_level[s0:s1],
                    text_level=self.text_level[t : t + 1],
                    fingerprints=self.fingerprints[f0:f1],
                    fingerprint_start=np.array([0, f1 - f0], dtype=np.int64),
                    fingerprint_level=self.fingerprint_level[t : t + 1],
                    level_counts=self.level_counts[t : t + 1],
                    shingles=self.shingles[h0:h1],
                    shingle_start=np.array([0, h1 - h0], dtype=np.int64),
                    sample_size=self.sample_size,
                    confirm_size=self.confirm_size,
                )
            )
        return parts

    @classmethod
    def concatenate(cls, parts: Sequence[Sketches]) -> Sketches:
        """One batch of the texts of ``parts``, in order; all parts must have the same sample sizes."""
        if not parts:
            return sketch_batch(ShingleBatch(np.zeros(0, dtype=np.uint64), np.zeros(1, dtype=np.int64)))
        sizes = {(p.sample_size, p.confirm_size) for p in parts}
        if len(sizes) > 1:
            raise ValueError(f"sketches of different sample sizes cannot be joined: {sorted(sizes)}")
        text_offsets = np.cumsum([0, *(len(p) for p in parts)])

        def starts(name: str) -> np.ndarray:
            ends = np.cumsum([0, *(int(getattr(p, name)[-1]) for p in parts)])
            return np.concatenate([[0], *(getattr(p, name)[1:] + ends[i] for i, p in enumerate(parts))])

        return cls(
            sample_text=np.concatenate([p.sample_text + text_offsets[i] for i, p in enumerate(parts)]),
            sample_key=np.concatenate([p.sample_key for p in parts]),
            sample_level=np.concatenate([p.sample_level for p in parts]),
            text_level=np.concatenate([p.text_level for p in parts]),
            fingerprints=np.concatenate([p.fingerprints for p in parts]),
            fingerprint_start=starts("fingerprint_start").astype(np.int64),
            fingerprint_level=np.concatenate([p.fingerprint_level for p in parts]),
            level_counts=np.concatenate([p.level_counts for p in parts]),
            shingles=np.concatenate([p.shingles for p in parts]),
            shingle_start=starts("shingle_start").astype(np.int64),
            sample_size=parts[0].sample_size,
            confirm_size=parts[0].confirm_size,
        )


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
    shingle_start = np.zeros(texts + 1, dtype=np.int64)
    np.cumsum(np.bincount(text, minlength=texts), out=shingle_start[1:])

    return Sketches(
        sample_text=text[in_index],
        sample_key=(hash48[in_index] >> np.uint64(16)).astype(np.uint32),  # bits 63..32
        sample_level=levels[in_index],
        text_level=text_level,
        fingerprints=(hash48[confirmed] >> np.uint64(32)).astype(np.uint16),  # bits 63..48
        fingerprint_start=fingerprint_start,
        fingerprint_level=fingerprint_level,
        level_counts=np.minimum(at_least, np.iinfo(np.uint16).max).astype(np.uint16),
        shingles=hash48,
        shingle_start=shingle_start,
        sample_size=sample_size,
        confirm_size=confirm_size,
    )


# --- stored form ---------------------------------------------------------------------------------------
# One text's samples as bytes, to keep beside the text and index it again later without sketching it (nor
# its shingle set, which is not kept): format version, sample sizes, the two levels, the index sample's and
# the fingerprints' lengths; then the level counts (uint16), the index sample's keys (uint32) and levels
# (uint8), and the fingerprints (uint16), all little-endian.
_PACK_FORMAT = 1
_PACK_HEADER = struct.Struct("<BHHBBHH")
_LEVELS = MAX_LEVEL + 1


def pack_sketches(sketches: Sketches) -> list[bytes]:
    """Each text's samples as bytes, at the batch's sample sizes (``resampled`` first for smaller ones)."""
    sample_start = np.searchsorted(sketches.sample_text, np.arange(len(sketches) + 1))
    packed = []
    for t in range(len(sketches)):
        s0, s1 = sample_start[t], sample_start[t + 1]
        f0, f1 = sketches.fingerprint_start[t], sketches.fingerprint_start[t + 1]
        header = _PACK_HEADER.pack(
            _PACK_FORMAT,
            sketches.sample_size,
            sketches.confirm_size,
            int(sketches.text_level[t]),
            int(sketches.fingerprint_level[t]),
            int(s1 - s0),
            int(f1 - f0),
        )
        packed.append(
            b"".join(
                (
                    header,
                    sketches.level_counts[t].astype("<u2").tobytes(),
                    sketches.sample_key[s0:s1].astype("<u4").tobytes(),
                    sketches.sample_level[s0:s1].astype(np.uint8).tobytes(),
                    sketches.fingerprints[f0:f1].astype("<u2").tobytes(),
                )
            )
        )
    return packed


def packed_at_sizes(packed: bytes, *, sample_size: int, confirm_size: int) -> bool:
    """Whether `packed` is in this format at these sample sizes (``unpack_sketches`` can read it)."""
    if len(packed) < _PACK_HEADER.size:
        return False
    version, sample, confirm, *_rest = _PACK_HEADER.unpack_from(bytes(packed[: _PACK_HEADER.size]))
    return (version, sample, confirm) == (_PACK_FORMAT, sample_size, confirm_size)


def unpack_sketches(packed: Sequence[bytes], *, sample_size: int, confirm_size: int) -> Sketches:
    """The sketches of ``pack_sketches``, as one batch in the given order (without shingle sets). Raises
    ValueError for bytes in another format or at other sample sizes."""
    text_level = np.zeros(len(packed), dtype=np.uint8)
    fingerprint_level = np.zeros(len(packed), dtype=np.uint8)
    level_counts = np.zeros((len(packed), _LEVELS), dtype=np.uint16)
    sample_lengths = np.zeros(len(packed), dtype=np.int64)
    fingerprint_start = np.zeros(len(packed) + 1, dtype=np.int64)
    keys, levels, fingerprints = [], [], []
    for t, stored in enumerate(packed):
        blob = bytes(stored)  # PostgreSQL gives a memoryview
        version, sample, confirm, level, f_level, samples, prints = _PACK_HEADER.unpack_from(blob)
        if (version, sample, confirm) != (_PACK_FORMAT, sample_size, confirm_size):
            raise ValueError(f"a sketch packed as {(version, sample, confirm)} cannot be read here")
        at = _PACK_HEADER.size
        text_level[t], fingerprint_level[t] = level, f_level
        level_counts[t] = np.frombuffer(blob, "<u2", _LEVELS, at)
        at += 2 * _LEVELS
        keys.append(np.frombuffer(blob, "<u4", samples, at))
        at += 4 * samples
        levels.append(np.frombuffer(blob, np.uint8, samples, at))
        at += samples
        fingerprints.append(np.frombuffer(blob, "<u2", prints, at))
        if at + 2 * prints != len(blob):
            raise ValueError("a packed sketch of the wrong length")
        sample_lengths[t] = samples
        fingerprint_start[t + 1] = fingerprint_start[t] + prints
    return Sketches(
        sample_text=np.repeat(np.arange(len(packed), dtype=np.int64), sample_lengths),
        sample_key=np.concatenate(keys).astype(np.uint32) if keys else np.zeros(0, np.uint32),
        sample_level=np.concatenate(levels).astype(np.uint8) if levels else np.zeros(0, np.uint8),
        text_level=text_level,
        fingerprints=np.concatenate(fingerprints).astype(np.uint16) if fingerprints else np.zeros(0, np.uint16),
        fingerprint_start=fingerprint_start,
        fingerprint_level=fingerprint_level,
        level_counts=level_counts,
        shingles=np.zeros(0, dtype=np.uint64),
        shingle_start=np.zeros(len(packed) + 1, dtype=np.int64),
        sample_size=sample_size,
        confirm_size=confirm_size,
    )
