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

``NearDuplicateIndex`` answers the question for a stream of articles in sub-linear time. It keeps, per
article, a containment sketch of at most ``sample_size`` sampled shingles (``minhash``) in an inverted
index (sampled shingle key → articles), so a query touches only the articles that share a sampled
shingle with it. The sketch counts also *confirm* the match: the share of sampled shingles in common is
an unbiased estimate of the overlap score above, so no text needs to be kept. Shingles found in more than
``max_postings`` indexed articles are agency boilerplate, not evidence, and are skipped.

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

from ayneh.text.minhash import DEFAULT_SAMPLE_SIZE, MAX_LEVEL, Sketches, sketch_batch
from ayneh.text.shingles import shingle_batch, shingle_set

DEFAULT_THRESHOLD = 0.5
LENGTH_FLOOR = 0.25
DEFAULT_MAX_POSTINGS = 1_000
BATCH_SIZE = 512
_MERGE_RATIO = 2  # merge the last two runs while the older one is at most this many times the newer


def overlap_score(shared: np.ndarray, size_a: np.ndarray, size_b: np.ndarray) -> np.ndarray:
    """``shared / max(min(size_a, size_b), LENGTH_FLOOR * max(size_a, size_b))`` element-wise (0 where both
    sizes are 0)."""
    smaller = np.minimum(size_a, size_b).astype(np.float64)
    larger = np.maximum(size_a, size_b).astype(np.float64)
    denominator = np.maximum(smaller, LENGTH_FLOOR * larger)
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
            order = np.argsort(keys, kind="stable")  # a radix sort for uint32: linear
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
            counts = np.where(allowed, end - start, 0)
            total = int(counts.sum())
            if not total:
                continue
            # The postings of key i are run_docs[start[i]:end[i]]; gather all of them with one index array.
            first = np.cumsum(counts) - counts
            key_of_posting = np.repeat(np.arange(len(counts)), counts)
            offsets = np.arange(total) - first[key_of_posting]
            positions.append(key_of_posting)
            docs.append(run_docs[start[key_of_posting] + offsets])
        if not positions:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.uint32)
        return np.concatenate(positions), np.concatenate(docs)


@dataclass(frozen=True, slots=True)
class _Matches:
    """Confirmed matches of a batch: text ``query[i]`` of the batch matches document ``target[i]``."""

    query: np.ndarray  # int64, batch positions
    target: np.ndarray  # int64, document numbers
    score: np.ndarray  # float64

    @classmethod
    def concatenate(cls, parts: Sequence[_Matches]) -> _Matches:
        return cls(*(np.concatenate([getattr(p, name) for p in parts]) for name in ("query", "target", "score")))


def _confirm(
    sketches: Sketches,
    sample: np.ndarray,
    target: np.ndarray,
    target_level: np.ndarray,
    target_counts: np.ndarray,
    threshold: float,
) -> _Matches:
    """Score every (text, document) pair that shares the sampled shingles ``sample[i]`` ↔ ``target[i]``,
    at the pair's common level (``minhash``), and keep those scoring at least ``threshold``."""
    query = sketches.sample_text[sample]
    level = np.maximum(sketches.text_level[query], target_level[target])
    counted = sketches.sample_level[sample] >= level
    stride = np.int64(len(target_level))
    pairs, shared = np.unique(query[counted] * stride + target[counted].astype(np.int64), return_counts=True)
    query, target = np.divmod(pairs, stride)
    level = np.maximum(sketches.text_level[query], target_level[target]).astype(np.int64)
    score = overlap_score(shared, sketches.level_counts[query, level], target_counts[target, level])
    confirmed = score >= threshold
    return _Matches(query[confirmed], target[confirmed], score[confirmed])


class NearDuplicateIndex:
    """Articles seen so far, to find the earlier versions of a new one (module docstring).

    ``add(doc_id, text)`` remembers an article (ids are labels: adding one id twice keeps both entries);
    ``query(text)`` returns ``(doc_id, score)`` for every remembered article whose estimated overlap score
    with ``text`` is at least ``threshold``, best first. ``add_many`` / ``query_many`` do the same for many
    texts at once and are much faster per text. Memory per article: its id, at most ``sample_size`` × 8
    bytes of postings and 27 bytes of counts — never its text.
    """

    def __init__(
        self,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        sample_size: int = DEFAULT_SAMPLE_SIZE,
        max_postings: int = DEFAULT_MAX_POSTINGS,
    ) -> None:
        self.threshold = threshold
        self.sample_size = sample_size
        self.max_postings = max_postings
        self._ids: list[str] = []
        self._postings = _PostingRuns()
        self._text_level = np.zeros(0, dtype=np.uint8)
        self._level_counts = np.zeros((0, MAX_LEVEL + 1), dtype=np.uint16)
        self._pending: list[tuple[str, str]] = []

    def __len__(self) -> int:
        return len(self._ids) + len(self._pending)

    @property
    def nbytes(self) -> int:
        """Bytes held in numpy arrays (postings and counts); the ids list comes on top."""
        self._flush()
        return self._postings.nbytes + self._text_level.nbytes + self._level_counts[: len(self._ids)].nbytes

    def add(self, doc_id: str, text: str) -> None:
        self._pending.append((doc_id, text))
        if len(self._pending) >= BATCH_SIZE:
            self._flush()

    def add_many(self, items: Iterable[tuple[str, str]]) -> None:
        for batch in itertools.batched(items, BATCH_SIZE):
            self._flush()
            ids, texts = zip(*batch, strict=True)
            self._append(ids, self._sketch(texts))

    def query(self, text: str) -> list[tuple[str, float]]:
        return self.query_many([text])[0]

    def query_many(self, texts: Sequence[str]) -> list[list[tuple[str, float]]]:
        self._flush()
        results: list[list[tuple[str, float]]] = []
        for start in range(0, len(texts), BATCH_SIZE):
            batch = texts[start : start + BATCH_SIZE]
            matches = self._match_indexed(self._sketch(batch))
            found: list[list[tuple[str, float]]] = [[] for _ in batch]
            # Best first; among equal scores the earlier article first.
            for i in np.lexsort((matches.target, -matches.score)):
                found[matches.query[i]].append((self._ids[matches.target[i]], float(matches.score[i])))
            results.extend(found)
        return results

    # --- batches -------------------------------------------------------------------------------------------

    def _sketch(self, texts: Sequence[str]) -> Sketches:
        return sketch_batch(shingle_batch(texts), sample_size=self.sample_size)

    def _flush(self) -> None:
        if self._pending:
            ids, texts = zip(*self._pending, strict=True)
            self._pending = []
            self._append(ids, self._sketch(texts))

    def _append(self, ids: Sequence[str], sketches: Sketches) -> None:
        """Remember a sketched batch; its texts get the next document numbers, in order."""
        first = len(self._ids)
        self._ids.extend(ids)
        self._postings.add(sketches.sample_key, sketches.sample_text + first)
        needed = len(self._ids)
        if needed > len(self._text_level):
            capacity = max(needed, 2 * len(self._text_level), BATCH_SIZE)
            self._text_level = np.resize(self._text_level, capacity)
            self._level_counts = np.resize(self._level_counts, (capacity, MAX_LEVEL + 1))
        self._text_level[first:needed] = sketches.text_level
        self._level_counts[first:needed] = sketches.level_counts

    def _match_indexed(self, sketches: Sketches) -> _Matches:
        """Confirmed matches of a sketched batch against the remembered articles."""
        order = np.argsort(sketches.sample_key, kind="stable")
        search = self._postings.search(sketches.sample_key[order])
        positions, docs = self._postings.postings(search, search.frequency <= self.max_postings)
        return _confirm(
            sketches, order[positions], docs, self._text_level, self._level_counts, threshold=self.threshold
        )

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
        return _confirm(
            sketches,
            sample[earlier],
            targets[earlier],
            sketches.text_level,
            sketches.level_counts,
            threshold=self.threshold,
        )

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
    sample_size: int = DEFAULT_SAMPLE_SIZE,
) -> Iterator[tuple[str, str]]:
    """Yield ``(id, group)`` for every ``(id, text)`` of ``items``, in input order, streaming.

    An article joins the group of the earlier article it most resembles (highest overlap score at or above
    ``threshold``; the earliest such article on a tie); an article with no earlier version starts a group
    named after its own id. Groups are never merged afterwards, because their labels have been written
    already: a late article that resembles two groups joins one. Deterministic: the same items give the
    same groups. Keeps per article what ``NearDuplicateIndex`` keeps plus one number, never the text.
    """
    index = NearDuplicateIndex(threshold=threshold, sample_size=sample_size)
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
