"""Versions of one story: which earlier articles is this one a version of?

Two texts are versions of each other when most of the shorter one's word 3-shingles (``shingles``) are in
the longer one. ``similarity`` measures exactly that, the *overlap* score

    shared shingles / max(min(|A|, |B|), LENGTH_FLOOR × max(|A|, |B|))

which is 1 for a copy that only dropped a paragraph or was cut to its first half (it is contained in the
original), stays high after the usual republishing edits (attribution, headline or speech verbs rewritten,
Arabic letters — those are folded away before shingling), and is low for two different stories written
in one outlet's template, which share only their boilerplate. The length floor keeps a short common
phrase from being "contained" in every long article: a text must hold at least a quarter of the other's
shingles to score 1.

``NearDuplicateIndex`` answers the question for a stream of articles in sub-linear time, keeping two
containment samples per article (``minhash``) and never its text:

1. *Candidates*: at most ``sample_size`` sampled shingles per article in an inverted index (sampled
   shingle key → articles), so a query touches only the articles that share a sampled shingle with it.
   Their rough estimate of the overlap score must reach half the threshold, and at most
   ``max_candidates`` articles (the best estimates) go on to confirmation, which bounds the work for a
   story republished hundreds of times. Shingles found in more than ``max_postings`` indexed articles are
   agency boilerplate, not evidence, and are skipped.
2. *Confirmation*: at most ``confirm_size`` 16-bit shingle fingerprints per article give the overlap score
   itself — exactly for articles of up to ``confirm_size`` distinct shingles (a typical news story), from
   a large consistent sample for longer ones — and the threshold is applied to it.

The inverted index is a log-structured merge of sorted numpy runs: a batch of articles becomes a new
sorted run, runs of similar size are merged, and a query does one binary search per run for all its keys
at once. Articles are processed in batches throughout, which is what makes this fast; ``add`` and
``query`` for one text are the same code with a batch of one.
"""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from ayneh.text.minhash import DEFAULT_CONFIRM_SIZE, DEFAULT_SAMPLE_SIZE, MAX_LEVEL, Sketches, sketch_batch

__all__ = [
    "DEFAULT_THRESHOLD",
    "LENGTH_FLOOR",
    "NearDuplicateIndex",
    "Sketches",
    "group_documents",
    "overlap_score",
    "shared_shingles",
    "similarity",
    "sketch",
    "sketch_many",
]
from ayneh.text.shingles import shingle_batch, shingle_set

DEFAULT_THRESHOLD = 0.5
LENGTH_FLOOR = 0.25
DEFAULT_MAX_POSTINGS = 1_000
DEFAULT_MAX_CANDIDATES = 100
_GROUPING_CANDIDATES = 16
BATCH_SIZE = 512
# A candidate's index samples must estimate at least this share of the threshold before it is confirmed:
# they are few, so their estimate is rough, and a true version must not be lost to it.
_CANDIDATE_SHARE = 0.5
_MERGE_RATIO = 2  # merge the last two runs while the older one is at most this many times the newer


def overlap_score(
    shared: np.ndarray, size_a: np.ndarray, size_b: np.ndarray, length_floor: float = LENGTH_FLOOR
) -> np.ndarray:
    """``shared / max(min(size_a, size_b), length_floor * max(size_a, size_b))`` element-wise (0 where both
    sizes are 0)."""
    smaller = np.minimum(size_a, size_b).astype(np.float64)
    larger = np.maximum(size_a, size_b).astype(np.float64)
    denominator = np.maximum(smaller, length_floor * larger)
    return np.divide(shared, denominator, out=np.zeros(np.shape(denominator)), where=denominator > 0)


def similarity(a: str, b: str) -> float:
    """The overlap score of the word 3-shingles of ``a`` and ``b`` (module docstring), from 0 to 1.

    Exact (it compares every shingle). Two texts without words are alike (1.0), as are a text and itself;
    a text without words and one with words are not (0.0). Never raises.
    """
    shingles_a, shingles_b = shingle_set(a), shingle_set(b)
    if not len(shingles_a) and not len(shingles_b):
        return 1.0
    shared = len(np.intersect1d(shingles_a, shingles_b, assume_unique=True))
    return float(overlap_score(np.array(shared), np.array(len(shingles_a)), np.array(len(shingles_b))))


def sketch_many(
    texts: Sequence[str], *, sample_size: int = DEFAULT_SAMPLE_SIZE, confirm_size: int = DEFAULT_CONFIRM_SIZE
) -> Sketches:
    """Sketch texts once (``minhash.Sketches``: both samples and every distinct shingle) for
    ``NearDuplicateIndex.add_sketched`` / ``query_sketched`` of any index whose sample sizes are at most
    these, and for ``shared_shingles``. Batches of up to ``BATCH_SIZE`` texts are fastest per text."""
    parts = [
        sketch_batch(
            shingle_batch(texts[start : start + BATCH_SIZE]), sample_size=sample_size, confirm_size=confirm_size
        )
        for start in range(0, len(texts), BATCH_SIZE)
    ]
    if len(parts) == 1:
        return parts[0]
    if not parts:
        return sketch_batch(shingle_batch([]), sample_size=sample_size, confirm_size=confirm_size)
    return Sketches.concatenate(parts)


def sketch(text: str, *, sample_size: int = DEFAULT_SAMPLE_SIZE, confirm_size: int = DEFAULT_CONFIRM_SIZE) -> Sketches:
    """``sketch_many`` of one text."""
    return sketch_many([text], sample_size=sample_size, confirm_size=confirm_size)


def shared_shingles(a: np.ndarray, b: np.ndarray) -> int:
    """How many distinct shingles two texts share, exactly, from their ``Sketches.shingle_set``s."""
    return len(np.intersect1d(a, b, assume_unique=True))


def _prefixes(values: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``values[starts[i]:starts[i] + lengths[i]]`` for every i, concatenated, with the i of each element."""
    owner = np.repeat(np.arange(len(starts), dtype=np.int64), lengths)
    first = np.cumsum(lengths) - lengths
    return values[starts[owner] + np.arange(len(owner)) - first[owner]], owner


@dataclass(frozen=True, slots=True)
class _Search:
    """Where some sorted keys fall in each run: run ``r`` holds key ``i`` at ``[starts[r][i], ends[r][i])``;
    ``frequency[i]`` is the number of postings of key ``i`` over all runs."""

    starts: list[np.ndarray]
    ends: list[np.ndarray]
    frequency: np.ndarray


class _PostingRuns:
    """An inverted index from uint32 keys to uint32 document numbers, as sorted runs (module docstring)."""

    def __init__(self) -> None:
        self._keys: list[np.ndarray] = []
        self._docs: list[np.ndarray] = []

    @property
    def nbytes(self) -> int:
        return sum(keys.nbytes + docs.nbytes for keys, docs in zip(self._keys, self._docs, strict=True))

    def add(self, keys: np.ndarray, docs: np.ndarray) -> None:
        """Add the postings ``keys[i] → docs[i]``."""
        order = np.argsort(keys, kind="stable")
        self._keys.append(keys[order])
        self._docs.append(docs[order].astype(np.uint32))
        while len(self._keys) > 1 and len(self._keys[-2]) <= _MERGE_RATIO * len(self._keys[-1]):
            keys = np.concatenate(self._keys[-2:])
            docs = np.concatenate(self._docs[-2:])
            order = np.argsort(keys, kind="stable")  # timsort: finds the two sorted runs and merges them
            del self._keys[-2:], self._docs[-2:]
            self._keys.append(keys[order])
            self._docs.append(docs[order])

    def search(self, keys: np.ndarray) -> _Search:
        """Locate ``keys`` (sorted ascending, for cache-friendly binary search) in every run."""
        starts = [np.searchsorted(run, keys, side="left") for run in self._keys]
        ends = [np.searchsorted(run, keys, side="right") for run in self._keys]
        frequency = np.zeros(len(keys), dtype=np.int64)
        for start, end in zip(starts, ends, strict=True):
            frequency += end - start
        return _Search(starts, ends, frequency)

    def postings(self, search: _Search, allowed: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Every posting of the ``allowed`` searched keys, as (position of the key in the search, doc)."""
        positions: list[np.ndarray] = []
        docs: list[np.ndarray] = []
        for run_docs, start, end in zip(self._docs, search.starts, search.ends, strict=True):
            run_postings, key_of_posting = _prefixes(run_docs, start, np.where(allowed, end - start, 0))
            positions.append(key_of_posting)
            docs.append(run_postings)
        if not positions:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.uint32)
        return np.concatenate(positions), np.concatenate(docs)


@dataclass(frozen=True, slots=True)
class _Matches:
    """Matches of a batch: text ``query[i]`` of the batch matches document ``target[i]`` with ``score[i]``."""

    query: np.ndarray  # int64, batch positions
    target: np.ndarray  # int64, document numbers
    score: np.ndarray  # float64

    @classmethod
    def concatenate(cls, parts: Sequence[_Matches]) -> _Matches:
        return cls(*(np.concatenate([getattr(p, name) for p in parts]) for name in ("query", "target", "score")))


@dataclass(frozen=True, slots=True)
class _Samples:
    """The per-document sketch data that scoring reads, for a sketched batch or for the whole index."""

    index_level: np.ndarray  # uint8
    fingerprints: np.ndarray  # uint16
    fingerprint_start: np.ndarray  # int64, one more than the documents
    fingerprint_level: np.ndarray  # uint8
    level_counts: np.ndarray  # uint16, (documents, MAX_LEVEL + 1)

    @classmethod
    def of(cls, sketches: Sketches) -> _Samples:
        return cls(
            sketches.text_level,
            sketches.fingerprints,
            sketches.fingerprint_start,
            sketches.fingerprint_level,
            sketches.level_counts,
        )


def _candidates(
    queries: Sketches,
    sample: np.ndarray,
    target: np.ndarray,
    targets: _Samples,
    *,
    min_score: float,
    limit: int,
    length_floor: float = LENGTH_FLOOR,
) -> tuple[np.ndarray, np.ndarray]:
    """The (batch text, document) pairs whose index samples, compared at the pair's common level, estimate
    an overlap score of at least ``min_score``; ``sample[i]`` ↔ ``target[i]`` are their shared samples. At
    most ``limit`` per text: those with the best estimates, the earliest documents on a tie."""
    query = queries.sample_text[sample]
    level = np.maximum(queries.text_level[query], targets.index_level[target])
    counted = queries.sample_level[sample] >= level
    stride = np.int64(len(targets.index_level))
    pairs, shared = np.unique(query[counted] * stride + target[counted].astype(np.int64), return_counts=True)
    query, target = np.divmod(pairs, stride)
    level = np.maximum(queries.text_level[query], targets.index_level[target]).astype(np.int64)
    score = overlap_score(shared, queries.level_counts[query, level], targets.level_counts[target, level], length_floor)
    kept = score >= min_score
    query, target, score = query[kept], target[kept], score[kept]
    order = np.lexsort((target, -score, query))
    query, target = query[order], target[order]
    rank = np.arange(len(query)) - np.searchsorted(query, query, side="left")
    return query[rank < limit], target[rank < limit]


def _confirmed_scores(
    queries: _Samples, query: np.ndarray, targets: _Samples, target: np.ndarray, length_floor: float = LENGTH_FLOOR
) -> np.ndarray:
    """The overlap score of each (query[i], target[i]) pair from their confirmation samples, compared at the
    pair's common level: exact when both texts kept every shingle, a close estimate otherwise."""
    level = np.maximum(queries.fingerprint_level[query], targets.fingerprint_level[target]).astype(np.int64)
    query_size = queries.level_counts[query, level].astype(np.int64)
    target_size = targets.level_counts[target, level].astype(np.int64)
    query_values, query_pair = _prefixes(
        queries.fingerprints,
        queries.fingerprint_start[query],
        np.minimum(query_size, np.diff(queries.fingerprint_start)[query]),
    )
    target_values, target_pair = _prefixes(
        targets.fingerprints,
        targets.fingerprint_start[target],
        np.minimum(target_size, np.diff(targets.fingerprint_start)[target]),
    )
    # Key = pair, fingerprint, side. After sorting, a fingerprint held by both sides of one pair shows up as
    # neighbouring keys that differ only in the side bit. (A fingerprint repeated on both sides counts once:
    # within one text that takes a 16-bit collision, rare enough to ignore.)
    keys = np.sort(
        np.concatenate(
            [
                (query_pair << 17) | (query_values.astype(np.int64) << 1),
                (target_pair << 17) | (target_values.astype(np.int64) << 1) | 1,
            ]
        )
    )
    both = (keys[1:] ^ keys[:-1]) == 1
    shared = np.bincount(keys[1:][both] >> 17, minlength=len(query))
    return overlap_score(shared, query_size, target_size, length_floor)


class _Column:
    """A numpy array that grows at its end (capacity doubles), for the per-document arrays of the index."""

    def __init__(self, dtype: type[np.generic], width: int | None = None) -> None:
        shape = (0,) if width is None else (0, width)
        self._data = np.zeros(shape, dtype=dtype)
        self._size = 0

    def extend(self, values: np.ndarray) -> None:
        needed = self._size + len(values)
        if needed > len(self._data):
            grown = np.zeros((max(needed, 2 * len(self._data), 1024), *self._data.shape[1:]), dtype=self._data.dtype)
            grown[: self._size] = self._data[: self._size]
            self._data = grown
        self._data[self._size : needed] = values
        self._size = needed

    @property
    def values(self) -> np.ndarray:
        return self._data[: self._size]

    @property
    def nbytes(self) -> int:
        return self._data.nbytes


class NearDuplicateIndex:
    """Articles seen so far, to find the earlier versions of a new one (module docstring).

    ``add(doc_id, text)`` remembers an article (ids are labels: adding one id twice keeps both entries);
    ``query(text)`` returns ``(doc_id, score)`` for the remembered articles whose overlap score with ``text``
    is at least ``threshold`` (among the ``max_candidates`` most promising), best first. ``add_many`` and
    ``query_many`` do the same for many texts at once and are much faster per text. Memory per article: its
    id, at most ``sample_size`` × 8 bytes of postings, at most ``confirm_size`` × 2 bytes of fingerprints
    and 36 bytes of counts — never its text.
    """

    def __init__(
        self,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        sample_size: int = DEFAULT_SAMPLE_SIZE,
        confirm_size: int = DEFAULT_CONFIRM_SIZE,
        max_postings: int = DEFAULT_MAX_POSTINGS,
        max_candidates: int = DEFAULT_MAX_CANDIDATES,
        length_floor: float = LENGTH_FLOOR,
    ) -> None:
        self.threshold = threshold
        self.length_floor = length_floor
        self.max_candidates = max_candidates
        self.sample_size = sample_size
        self.confirm_size = confirm_size
        self.max_postings = max_postings
        self._ids: list[str] = []
        self._postings = _PostingRuns()
        self._index_level = _Column(np.uint8)
        self._fingerprints = _Column(np.uint16)
        self._fingerprint_start = _Column(np.int64)
        self._fingerprint_start.extend(np.zeros(1, dtype=np.int64))
        self._fingerprint_level = _Column(np.uint8)
        self._level_counts = _Column(np.uint16, MAX_LEVEL + 1)
        self._pending: list[tuple[str, str]] = []

    def __len__(self) -> int:
        return len(self._ids) + len(self._pending)

    @property
    def nbytes(self) -> int:
        """Bytes held in numpy arrays (postings, fingerprints, counts); the ids list comes on top."""
        self._flush()
        columns = (
            self._index_level,
            self._fingerprints,
            self._fingerprint_start,
            self._fingerprint_level,
            self._level_counts,
        )
        return self._postings.nbytes + sum(column.nbytes for column in columns)

    def add(self, doc_id: str, text: str) -> None:
        self._pending.append((doc_id, text))
        if len(self._pending) >= BATCH_SIZE:
            self._flush()

    def add_many(self, items: Iterable[tuple[str, str]]) -> None:
        for batch in itertools.batched(items, BATCH_SIZE):
            self._flush()
            ids, texts = zip(*batch, strict=True)
            self._append(ids, self._sketch(texts))

    def add_sketched(self, ids: Sequence[str], sketches: Sketches) -> None:
        """``add_many`` for texts sketched already (``sketch_many``, at this index's sample sizes or larger)."""
        if len(ids) != len(sketches):
            raise ValueError(f"{len(ids)} ids for {len(sketches)} sketches")
        self._flush()
        if len(ids):
            self._append(ids, self._own_size(sketches))

    def query(self, text: str) -> list[tuple[str, float]]:
        return self.query_many([text])[0]

    def query_many(self, texts: Sequence[str]) -> list[list[tuple[str, float]]]:
        results: list[list[tuple[str, float]]] = []
        for start in range(0, len(texts), BATCH_SIZE):
            results.extend(self.query_sketched(self._sketch(texts[start : start + BATCH_SIZE])))
        return results

    def query_sketched(self, sketches: Sketches) -> list[list[tuple[str, float]]]:
        """``query_many`` for texts sketched already (``sketch_many``, at this index's sample sizes or
        larger)."""
        self._flush()
        if not len(sketches):
            return []
        matches = self._match_indexed(self._own_size(sketches))
        found: list[list[tuple[str, float]]] = [[] for _ in range(len(sketches))]
        # Best first; among equal scores the earlier article first.
        for i in np.lexsort((matches.target, -matches.score)):
            found[matches.query[i]].append((self._ids[matches.target[i]], float(matches.score[i])))
        return found

    def _own_size(self, sketches: Sketches) -> Sketches:
        return sketches.resampled(sample_size=self.sample_size, confirm_size=self.confirm_size)

    # --- batches -------------------------------------------------------------------------------------------

    @property
    def _min_candidate_score(self) -> float:
        return _CANDIDATE_SHARE * self.threshold

    def _sketch(self, texts: Sequence[str]) -> Sketches:
        return sketch_batch(shingle_batch(texts), sample_size=self.sample_size, confirm_size=self.confirm_size)

    def _flush(self) -> None:
        if self._pending:
            ids, texts = zip(*self._pending, strict=True)
            self._pending = []
            self._append(ids, self._sketch(texts))

    def _samples(self) -> _Samples:
        return _Samples(
            self._index_level.values,
            self._fingerprints.values,
            self._fingerprint_start.values,
            self._fingerprint_level.values,
            self._level_counts.values,
        )

    def _append(self, ids: Sequence[str], sketches: Sketches) -> None:
        """Remember a sketched batch; its texts get the next document numbers, in order."""
        first = len(self._ids)
        self._ids.extend(ids)
        self._postings.add(sketches.sample_key, sketches.sample_text + first)
        self._index_level.extend(sketches.text_level)
        self._fingerprint_start.extend(sketches.fingerprint_start[1:] + len(self._fingerprints.values))
        self._fingerprints.extend(sketches.fingerprints)
        self._fingerprint_level.extend(sketches.fingerprint_level)
        self._level_counts.extend(sketches.level_counts)

    def _confirm(self, sketches: Sketches, query: np.ndarray, target: np.ndarray, targets: _Samples) -> _Matches:
        score = _confirmed_scores(_Samples.of(sketches), query, targets, target, self.length_floor)
        confirmed = score >= self.threshold
        return _Matches(query[confirmed], target[confirmed], score[confirmed])

    def _match_indexed(self, sketches: Sketches) -> _Matches:
        """Confirmed matches of a sketched batch against the remembered articles."""
        order = np.argsort(sketches.sample_key, kind="stable")
        search = self._postings.search(sketches.sample_key[order])
        positions, docs = self._postings.postings(search, search.frequency <= self.max_postings)
        samples = self._samples()
        query, target = _candidates(
            sketches,
            order[positions],
            docs,
            samples,
            min_score=self._min_candidate_score,
            limit=self.max_candidates,
            length_floor=self.length_floor,
        )
        return self._confirm(sketches, query, target, samples)

    def _match_within(self, sketches: Sketches) -> _Matches:
        """Confirmed matches of each text of a sketched batch against the texts before it in the batch
        (document numbers are batch positions here)."""
        order = np.argsort(sketches.sample_key, kind="stable")
        keys = sketches.sample_key[order]
        batch = _PostingRuns()
        batch.add(sketches.sample_key, sketches.sample_text.astype(np.uint32))
        search = batch.search(keys)
        frequency = search.frequency + self._postings.search(keys).frequency
        positions, targets = batch.postings(search, frequency <= self.max_postings)
        sample = order[positions]
        earlier = targets < sketches.sample_text[sample]
        samples = _Samples.of(sketches)
        query, target = _candidates(
            sketches,
            sample[earlier],
            targets[earlier],
            samples,
            min_score=self._min_candidate_score,
            limit=self.max_candidates,
            length_floor=self.length_floor,
        )
        return self._confirm(sketches, query, target, samples)

    def _best_earlier_versions(self, sketches: Sketches) -> np.ndarray:
        """For each text of a sketched batch not yet remembered, the document number of the remembered article
        or earlier text of the batch (numbered on from ``len(self)``) it most resembles, or -1 for none."""
        first = len(self._ids)
        within = self._match_within(sketches)
        matches = _Matches.concatenate(
            [self._match_indexed(sketches), _Matches(within.query, within.target + first, within.score)]
        )
        # Sorted by text, then best score first, then earliest document: the first row of each text wins.
        order = np.lexsort((matches.target, -matches.score, matches.query))
        query, target = matches.query[order], matches.target[order]
        leading = np.ones(len(query), dtype=bool)
        leading[1:] = query[1:] != query[:-1]
        best = np.full(len(sketches), -1, dtype=np.int64)
        best[query[leading]] = target[leading]
        return best


def group_documents(
    items: Iterable[tuple[str, str]],
    *,
    threshold: float = DEFAULT_THRESHOLD,
) -> Iterator[tuple[str, str]]:
    """Yield ``(id, group)`` for every ``(id, text)`` of ``items``, in input order, streaming.

    An article joins the group of the earlier article it most resembles (highest overlap score at or above
    ``threshold``; the earliest such article on a tie); an article with no earlier version starts a group
    named after its own id. Groups are never merged afterwards, because their labels have been written
    already: a late article that resembles two groups joins one. Deterministic: the same items give the
    same groups. Keeps per article what ``NearDuplicateIndex`` keeps plus one number, never the text.
    """
    # Only the best earlier version matters here, so fewer candidates are confirmed than for a query.
    index = NearDuplicateIndex(threshold=threshold, max_candidates=_GROUPING_CANDIDATES)
    head = array("q")  # document number → document number of the first article of its group
    for batch in itertools.batched(items, BATCH_SIZE):
        ids, texts = zip(*batch, strict=True)
        first = len(index)
        sketches = index._sketch(texts)
        best = index._best_earlier_versions(sketches)
        for position, doc_id in enumerate(ids):
            # A version found inside the batch is at an earlier position, whose group is already known.
            group_head = first + position if best[position] < 0 else head[best[position]]
            head.append(group_head)
            yield doc_id, index._ids[group_head] if group_head < first else ids[group_head - first]
        index._append(ids, sketches)
