"""One import on many workers: a batch split into chunk tasks, prepared in parallel, stored in order.

`ayneh.monitoring.pipeline.batch_run` runs a batch as one task, chunk after chunk; on one worker that is
all there is. With several workers (RQ over Redis, or several `ayneh db_worker` processes) an import is
split instead: `batch_fan_out` starts the batch and queues one `chunk_run` task per chunk of records, and
whichever worker is free takes the next one. What runs where, and why the result is *identical* to one
worker's:

- **Preparing in parallel.** `services.chunk_prepare` runs as soon as a worker takes a chunk: analysis,
  sketches, people, quotes, offices named, pickup matching and search facets — everything that depends
  only on the chunk's own records and the releases, i.e. most of the work.
- **Storing in archive order.** `services.chunk_store(cursor=(start, end))` is what is left: the cursor's
  compare-and-set, deduplication against what is stored, version groups, and the inserts. A chunk is
  stored only when the cursor stands at its first record, i.e. after every chunk before it. So "stored
  once" picks the same first copy of a duplicate and version groups form in the same order as in a serial
  run (pickups depend only on the article and the releases). A worker whose chunk is prepared early waits
  for the chunks before it, looking at the cursor every `POLL_SECONDS`; while it waits it indexes the
  versions the chunks before stored (`versions.VersionIndex.sync`, from their stored sketches), so its
  own turn starts with little left to catch up. Since workers take chunks in queue order, the chunk it
  waits for is in progress on another worker. The ordered step is the bound: two workers are at most
  (prepare + store) / store times faster than one, so the store step is kept small.
- **Nothing twice.** A chunk task that finds the cursor past its end (it ran already: a retry, a takeover)
  stores nothing. Storage itself stays guarded by the unique keys.
- **A worker killed mid-chunk.** Its chunk never commits and the cursor stops. A worker waiting behind it
  sees no progress (the batch's heartbeat is older than `stall_seconds`) and takes over: it prepares and
  stores the missing records itself, then its own chunk. The queue drains; nothing is lost.
- **Cancel.** `services.batch_cancel` sets `cancel_requested`; every chunk task checks it before it
  prepares and while it waits, the first to see it ends the batch as cancelled (resumable from its cursor),
  and the chunk tasks still queued end at once without work.
- **End.** The task that stores the last chunk marks the batch completed.

Records are read from the archive by each chunk task (positions in the file's order, as the cursor
counts them), so the archive must be readable at the same path by every worker: a shared folder when
workers run on several machines. A worker keeps its reader open between its chunks and reads on (chunks
come in archive order), rather than reading the archive from its start for every chunk.
"""

from __future__ import annotations

import itertools
import logging
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from ayneh.monitoring import pipeline, services
from ayneh.monitoring.models import BatchStatus, IngestBatch
from ayneh.monitoring.prepare import IncomingArticle, RecordFailure
from ayneh.monitoring.versions import version_index

logger = logging.getLogger(__name__)

# A chunk waiting for the chunks before it takes over when the batch has not moved for this long.
DEFAULT_STALL_SECONDS = 120.0
# How often a prepared chunk looks at the cursor while it waits for its turn: the wait after the chunk
# before it commits is a pure loss on every chunk, and a look is one primary-key read.
POLL_SECONDS = 0.01

Enqueue = Callable[[int, int, int], None]


def worker_name() -> str:
    """Which process did the work (host and pid), recorded in each chunk task's result."""
    return f"{socket.gethostname()}:{os.getpid()}"


def batch_record_count(batch: IngestBatch) -> int:
    """How many records the batch's archive holds (the cursor's end), counted by reading it once."""
    return sum(1 for _ in pipeline.batch_records(batch))


def batch_fan_out(*, batch: IngestBatch, chunk_size: int, enqueue: Enqueue) -> int:
    """Start (or resume) `batch` and queue one chunk task per `chunk_size` records from its cursor, by
    `enqueue(batch_id, start, end)`. Returns how many chunks were queued (0: nothing left, batch completed)."""
    batch = services.batch_start(batch=batch)
    total = batch_record_count(batch)
    if batch.total != total:
        IngestBatch.objects.filter(pk=batch.pk).update(total=total)
    if batch.cursor >= total:
        services.batch_finish(batch=batch, status=BatchStatus.COMPLETED)
        return 0
    starts = range(batch.cursor, total, chunk_size)
    for start in starts:
        enqueue(batch.pk, start, min(start + chunk_size, total))
    return len(starts)


@dataclass(frozen=True, slots=True)
class ChunkOutcome:
    """What one chunk task did: "stored" (its records, and any it took over), "skipped" (already stored,
    or the batch is no longer running), or "cancelled" (it saw the cancel request and ended the batch)."""

    outcome: str
    start: int
    end: int
    worker: str
    stored_from: int | None = None
    took_over: int = 0

    def as_dict(self) -> dict[str, int | str | None]:
        return {
            "outcome": self.outcome,
            "start": self.start,
            "end": self.end,
            "worker": self.worker,
            "stored_from": self.stored_from,
            "took_over": self.took_over,
        }


@dataclass(slots=True)
class _Reader:
    """This process's open reader of a batch's archive and the position it stands at."""

    key: tuple[int, str, int, int]
    position: int
    records: Iterator[IncomingArticle | RecordFailure]


_reader: _Reader | None = None
_reader_lock = threading.Lock()


def _records(batch: IngestBatch, start: int, end: int) -> list[IncomingArticle | RecordFailure]:
    """Records [start, end) of the batch's archive. A worker takes its chunks in archive order, so it reads
    on from the end of its previous chunk (passing over the records of the chunks other workers took)
    instead of reading the archive again from its start for every chunk; a file changed since, another
    batch or an earlier start opens it again."""
    global _reader
    stat = os.stat(batch.location)
    key = (batch.pk, batch.location, stat.st_size, stat.st_mtime_ns)
    with _reader_lock:
        reader, _reader = _reader, None
    if reader is None or reader.key != key or reader.position > start:
        reader = _Reader(key, 0, pipeline.batch_records(batch))
    records = list(itertools.islice(reader.records, start - reader.position, end - reader.position))
    reader.position = end
    with _reader_lock:
        _reader = reader
    return records


def _prepared(batch: IngestBatch, start: int, end: int) -> list[services.ChunkItem]:
    return services.chunk_prepare(_records(batch, start, end), first_position=start, default_outlet_id=batch.outlet_id)


def _store(batch: IngestBatch, items: list[services.ChunkItem], start: int, cursor: int, end: int) -> bool:
    """Store items[cursor - start:] moving the cursor from `cursor` to `end`; False if another worker moved
    it first."""
    try:
        services.chunk_store(items=items[cursor - start :], batch=batch, source=batch.source, cursor=(cursor, end))
    except services.BatchConflict:
        return False
    return True


def _finish_if_last(batch: IngestBatch) -> None:
    batch.refresh_from_db(fields=["cursor", "total", "status"])
    if batch.total is not None and batch.cursor >= batch.total and batch.status == BatchStatus.RUNNING:
        services.batch_finish(batch=batch, status=BatchStatus.COMPLETED)


def _stalled(batch: IngestBatch, stall_seconds: float) -> bool:
    seen = batch.heartbeat_at or batch.started_at
    return seen is None or timezone.now() - seen > timedelta(seconds=stall_seconds)


def _take_over(batch: IngestBatch, *, upto: int, chunk_size: int) -> int:
    """Prepare and store the records from the batch's cursor up to `upto` (another worker's chunks that
    never arrived); returns how many records this worker stored."""
    stored = 0
    while True:
        batch.refresh_from_db(fields=["cursor", "status", "cancel_requested"])
        cursor = batch.cursor
        if cursor >= upto or batch.status != BatchStatus.RUNNING or batch.cancel_requested:
            return stored
        end = min(cursor + chunk_size, upto)
        logger.warning("monitoring: batch %s stalled at %s; %s stores up to %s", batch.pk, cursor, worker_name(), end)
        if _store(batch, _prepared(batch, cursor, end), cursor, cursor, end):
            stored += end - cursor


def chunk_run(
    *,
    batch_id: int,
    start: int,
    end: int,
    stall_seconds: float = DEFAULT_STALL_SECONDS,
    poll_seconds: float = POLL_SECONDS,
) -> ChunkOutcome:
    """Prepare records [start, end) of the batch and store them when their turn comes (module docstring)."""
    me = worker_name()
    batch = IngestBatch.objects.select_related("source").get(pk=batch_id)
    if batch.status != BatchStatus.RUNNING or batch.cursor >= end:
        return ChunkOutcome("skipped", start, end, me)
    if batch.cancel_requested:
        services.batch_finish(batch=batch, status=BatchStatus.CANCELLED)
        return ChunkOutcome("cancelled", start, end, me)
    try:
        items = _prepared(batch, start, end)
        took_over = 0
        last_cursor = batch.cursor
        while True:
            batch.refresh_from_db(fields=["cursor", "status", "cancel_requested", "heartbeat_at", "started_at"])
            cursor = batch.cursor
            if batch.status != BatchStatus.RUNNING or cursor >= end:
                return ChunkOutcome("skipped", start, end, me, took_over=took_over)
            if batch.cancel_requested:
                services.batch_finish(batch=batch, status=BatchStatus.CANCELLED)
                return ChunkOutcome("cancelled", start, end, me, took_over=took_over)
            if start <= cursor:
                if _store(batch, items, start, cursor, end):
                    _finish_if_last(batch)
                    return ChunkOutcome("stored", start, end, me, stored_from=cursor, took_over=took_over)
                continue
            if cursor != last_cursor:
                last_cursor = cursor
                # Index the versions the chunks before stored now, not after our turn has come.
                version_index().sync()
            elif _stalled(batch, stall_seconds):
                took_over += _take_over(batch, upto=start, chunk_size=end - start)
                continue
            time.sleep(poll_seconds)
    except Exception as exc:
        logger.exception("monitoring: batch %s chunk %s-%s failed", batch_id, start, end)
        services.batch_finish(batch=batch, status=BatchStatus.FAILED, error=f"{type(exc).__name__}: {exc}")
        raise
