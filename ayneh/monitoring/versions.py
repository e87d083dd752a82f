"""Near-duplicate groups ("versions of one story") for ingestion, kept across restarts.

What is durable is each article's `version_group` (a UUID shared by the versions of one story) and its
near-duplicate sketch (`Article.sketch`, about 0.7 KB: the index's samples of its matching text, packed by
`sketch_pack`), both in the database. The search structure is `ayneh.text.neardup.NearDuplicateIndex`,
held in memory per process and rebuilt lazily from the stored sketches on first use: this choice keeps
the text library's fast batch index as the one implementation (no second LSH scheme in SQL to keep in
step). Loading a stored sketch costs microseconds; a row stored without one (before the sketch column
existed) is sketched again from its normalised text (about a millisecond).

- *Window.* Versions of a story appear within days of each other, so the index holds the newest
  `MONITORING_VERSION_WINDOW` articles (a setting, 20,000 by default), as two generations of half that
  size: when the newer one fills, the older one is dropped. Memory stays bounded (under 1 KB per article)
  and nothing is re-sketched while running.
- *Labels.* An article is indexed under its address key (`Article.url_key`, known before the row is
  written); a dict maps the label to its version group. A label without a group — a row whose transaction
  rolled back — is ignored when found.
- *Several workers.* Before each chunk `sync()` reads the address keys of the newest articles (the last
  `CATCH_UP_LOOKBACK` ids and everything after, ids and keys only) and indexes those another process wrote,
  from their stored sketches: the articles another worker stored are never sketched twice. Fanned-out
  chunks (`ayneh.monitoring.fanout`) are stored one at a time in archive order, so their groups are those
  of a serial run. Two processes ingesting two versions of one story at the same instant outside a batch
  (two feeds) may each start a group; the next version joins one of them. Groups are never merged
  afterwards.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.conf import settings

from ayneh.monitoring.models import Article
from ayneh.text.minhash import (
    DEFAULT_CONFIRM_SIZE,
    DEFAULT_SAMPLE_SIZE,
    Sketches,
    pack_sketches,
    packed_at_sizes,
    unpack_sketches,
)
from ayneh.text.neardup import DEFAULT_THRESHOLD, NearDuplicateIndex, sketch_many
from ayneh.text.normalize import normalize

DEFAULT_WINDOW = 20_000
# Articles are sketched once, at the largest sample sizes any index of theirs uses (the release index's;
# the version index takes a sub-sample of the same sketch, see ``ayneh.text.minhash``).
SKETCH_SAMPLE_SIZE = 256
SKETCH_CONFIRM_SIZE = 1024
# Ids below the highest seen that may still commit (transactions commit out of id order); re-checked by
# key on every sync.
CATCH_UP_LOOKBACK = 1_000
_LOAD_CHUNK = 1_000
# The sample sizes of a version index's generations (NearDuplicateIndex's defaults): what `Article.sketch`
# keeps of each article's sketch.
STORED_SAMPLE_SIZE = DEFAULT_SAMPLE_SIZE
STORED_CONFIRM_SIZE = DEFAULT_CONFIRM_SIZE


def matching_text(*, title: str, text_normalized: str) -> str:
    """The text versions and pickups are compared on: the normalised title, then the normalised body."""
    return f"{normalize(title)}\n{text_normalized}" if title else text_normalized


def matching_sketches(texts: Sequence[str]) -> Sketches:
    """The one sketch of each matching text that grouping and pickup matching both take."""
    return sketch_many(texts, sample_size=SKETCH_SAMPLE_SIZE, confirm_size=SKETCH_CONFIRM_SIZE)


def sketch_pack(sketches: Sketches) -> list[bytes]:
    """Each text's sketch at the version index's sample sizes (`STORED_SAMPLE_SIZE`, `STORED_CONFIRM_SIZE`),
    as bytes for `Article.sketch`: what indexing it again needs, without its text (nor its full shingle
    set, which only pickup matching reads, at ingestion)."""
    return pack_sketches(sketches.resampled(sample_size=STORED_SAMPLE_SIZE, confirm_size=STORED_CONFIRM_SIZE))


def sketch_unpack(packed: Sequence[bytes]) -> Sketches:
    """The sketches of `sketch_pack`, as one batch in the given order (without shingle sets). Raises
    ValueError for bytes in another format or at other sample sizes."""
    return unpack_sketches(packed, sample_size=STORED_SAMPLE_SIZE, confirm_size=STORED_CONFIRM_SIZE)


def _readable(packed: bytes | None) -> bool:
    return packed is not None and packed_at_sizes(
        packed, sample_size=STORED_SAMPLE_SIZE, confirm_size=STORED_CONFIRM_SIZE
    )


def _stored_sketches(rows: Sequence[tuple[int, str, bytes | None]]) -> tuple[list[str], Sketches]:
    """The labels and sketches of stored articles given as (id, url_key, packed sketch or None): unpacked,
    or — for a row stored without a sketch (before the column existed) — sketched from its text."""
    labels = [label for _id, label, _packed in rows]
    if all(_readable(packed) for _id, _label, packed in rows):
        return labels, sketch_unpack([packed for _id, _label, packed in rows if packed is not None])
    missing = [article_id for article_id, _label, packed in rows if not _readable(packed)]
    texts = {
        pk: matching_text(title=title, text_normalized=text)
        for pk, title, text in Article.objects.filter(id__in=missing).values_list("id", "title", "text_normalized")
    }
    made = iter(
        sketch_many(
            [texts.get(pk, "") for pk in missing], sample_size=STORED_SAMPLE_SIZE, confirm_size=STORED_CONFIRM_SIZE
        ).split()
    )
    parts = [
        sketch_unpack([packed]) if packed is not None and _readable(packed) else next(made)
        for _id, _label, packed in rows
    ]
    return labels, Sketches.concatenate(parts)


@dataclass(slots=True)
class _Generation:
    index: NearDuplicateIndex
    groups: dict[str, uuid.UUID] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.index)


@dataclass(frozen=True, slots=True)
class VersionMatch:
    """The group an incoming text joins (a new one when it has no earlier version) and the overlap score
    with the version it matched (None for a new group)."""

    group: uuid.UUID
    score: float | None
    matched_label: str | None


class VersionIndex:
    """The process's near-duplicate index over the newest articles (module docstring)."""

    def __init__(self, *, window: int | None = None, threshold: float = DEFAULT_THRESHOLD) -> None:
        configured: int = getattr(settings, "MONITORING_VERSION_WINDOW", DEFAULT_WINDOW)
        self.window = window if window is not None else configured
        self.threshold = threshold
        self._generations: list[_Generation] = []
        self._high_id = 0
        self._loaded = False
        self._lock = threading.Lock()

    @property
    def _generation_size(self) -> int:
        return max(self.window // 2, 1)

    def _known(self, label: str) -> bool:
        return any(label in generation.groups for generation in self._generations)

    def _group_of(self, label: str) -> uuid.UUID | None:
        for generation in reversed(self._generations):
            if (group := generation.groups.get(label)) is not None:
                return group
        return None

    def _current(self) -> _Generation:
        if not self._generations or len(self._generations[-1]) >= self._generation_size:
            self._generations.append(
                _Generation(
                    NearDuplicateIndex(
                        threshold=self.threshold, sample_size=STORED_SAMPLE_SIZE, confirm_size=STORED_CONFIRM_SIZE
                    )
                )
            )
            del self._generations[:-2]
        return self._generations[-1]

    def _index_rows(self, rows: Iterable[tuple[int, str, uuid.UUID, bytes | None]]) -> None:
        """Index stored articles given as (id, url_key, version_group, packed sketch or None), oldest first."""
        pending: list[tuple[int, str, bytes | None]] = []
        for article_id, label, group, packed in rows:
            self._high_id = max(self._high_id, article_id)
            if self._known(label):
                continue
            generation = self._current()
            if len(generation) + len(pending) >= self._generation_size:
                generation.index.add_sketched(*_stored_sketches(pending))
                pending = []
                generation = self._current()
            pending.append((article_id, label, packed))
            generation.groups[label] = group
        if pending:
            self._current().index.add_sketched(*_stored_sketches(pending))

    def sync(self) -> None:
        """Load the window from the database on first use; afterwards index what other processes wrote."""
        with self._lock:
            columns = ("id", "url_key", "version_group", "sketch")
            if not self._loaded:
                newest = list(Article.objects.order_by("-id").values_list("id", flat=True)[: self.window])
                if newest:
                    stored = Article.objects.filter(id__gte=newest[-1]).order_by("id").values_list(*columns)
                    self._index_rows(stored.iterator(chunk_size=_LOAD_CHUNK))
                self._loaded = True
                return
            recent = Article.objects.filter(id__gt=self._high_id - CATCH_UP_LOOKBACK).values_list("id", "url_key")
            missing: list[int] = []
            for article_id, label in recent:
                self._high_id = max(self._high_id, article_id)
                if not self._known(label):
                    missing.append(article_id)
            if missing:
                self._index_rows(Article.objects.filter(id__in=missing).order_by("id").values_list(*columns))

    def assign(self, labels: Sequence[str], sketches: Sketches) -> list[VersionMatch]:
        """The version group of each new article, given as its label and its matching text's sketch
        (``matching_sketches``, in the same order), in ingestion order.

        Each text joins the group of the indexed article or earlier text of the batch it most resembles
        (overlap score ≥ threshold; on a tie the one the index ranks first), else starts a new group. The
        texts are indexed and their groups recorded at once; call `discard` with their labels if their rows
        are not written after all.
        """
        if not labels:
            return []
        with self._lock:
            generation = self._current()
            own = sketches.resampled(
                sample_size=generation.index.sample_size, confirm_size=generation.index.confirm_size
            )
            generation.index.add_sketched(labels, own)
            found = [older.index.query_sketched(own) for older in self._generations]
            matches: list[VersionMatch] = []
            for position, label in enumerate(labels):
                best: tuple[float, str, uuid.UUID] | None = None
                for hits in found:
                    # Hits are best first: the first one with a group (not this text itself, not a later
                    # text of the batch, not a row that was never written) is this generation's best.
                    for other, score in hits[position]:
                        group = None if other == label else self._group_of(other)
                        if group is None:
                            continue
                        if best is None or score > best[0]:
                            best = (score, other, group)
                        break
                match = (
                    VersionMatch(group=best[2], score=best[0], matched_label=best[1])
                    if best
                    else VersionMatch(group=uuid.uuid4(), score=None, matched_label=None)
                )
                generation.groups[label] = match.group
                matches.append(match)
            return matches

    def discard(self, labels: Iterable[str]) -> None:
        """Forget the groups of articles whose rows were not written (their sketches stay, unlabelled)."""
        with self._lock:
            for label in labels:
                for generation in self._generations:
                    generation.groups.pop(label, None)


_instance: VersionIndex | None = None
_instance_lock = threading.Lock()


def version_index() -> VersionIndex:
    """The process-wide index (created on first use; loaded from the database by its first `sync`)."""
    global _instance
    with _instance_lock:
        if _instance is None:
            _instance = VersionIndex()
        return _instance


def version_index_reset() -> None:
    """Drop the process's index; the next use reloads it from the database (tests, after a rollback)."""
    global _instance
    with _instance_lock:
        _instance = None
