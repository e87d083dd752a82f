"""Running an ingestion batch: records in, chunk by chunk, resumable.

`batch_run` reads the batch's records (a JSON Lines archive or a folder of saved pages, through
`ayneh.monitoring.fetch.archives`), skips the `cursor` records already handled, and for each chunk of
`chunk_size` records prepares them (analysis, outside any transaction) and stores them with the moved
cursor in one transaction (`services.chunk_store`). So:

- *Killed mid-batch* (SIGKILL, power cut): the chunk in progress rolls back with its cursor move; running
  the batch again re-reads the file, skips the committed records and redoes that chunk. Nothing is lost;
  nothing is stored twice (and the unique keys would refuse it anyway).
- *Cancelled* (`services.batch_cancel`, Ctrl-C in `ayneh import_archive`): checked between chunks; the
  batch ends as "cancelled" with its cursor, and may be resumed.
- *A bad record* fails alone: it is stored as an `ArticleFailure` with its position and reason.

Records are positions in the file's order, so a resumed batch must read the same file: the command checks
that the file has not shrunk below the cursor.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ayneh.monitoring import services
from ayneh.monitoring.fetch.archives import ArchiveRecord, RecordError, read_html_folder, read_jsonl
from ayneh.monitoring.models import BatchStatus, IngestBatch, SourceKind
from ayneh.monitoring.prepare import IncomingArticle, RecordFailure

logger = logging.getLogger(__name__)

DEFAULT_CHUNK_SIZE = 100
ProgressCallback = Callable[[IngestBatch, services.ChunkResult], None]


def incoming_from_archive(item: ArchiveRecord | RecordError) -> IncomingArticle | RecordFailure:
    """An archive reader's record (or its error for an unreadable line) as the pipeline's input."""
    if isinstance(item, RecordError):
        return RecordFailure(f"{item.origin}: {item.reason}", url=item.url or "", position=item.position)
    return IncomingArticle(
        url=item.url or "",
        title=item.title or "",
        text=item.text or "",
        html=item.html or "",
        published=item.published,
        outlet_name=item.outlet or "",
        position=item.position,
    )


def batch_records(batch: IngestBatch) -> Iterator[IncomingArticle | RecordFailure]:
    """The batch's records in their stable order (the cursor counts positions in it)."""
    path = Path(batch.location)
    if batch.kind == SourceKind.JSONL:
        items: Iterator[ArchiveRecord | RecordError] = read_jsonl(path)
    elif batch.kind == SourceKind.HTML_FOLDER:
        items = read_html_folder(path)
    else:
        raise ValueError(f"batch {batch.pk}: {batch.kind} batches are fetched by their source, not read from disk")
    return (incoming_from_archive(item) for item in items)


def batch_run(
    *,
    batch: IngestBatch,
    records: Iterable[IncomingArticle | RecordFailure] | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    should_stop: Callable[[], bool] = lambda: False,
    on_chunk: ProgressCallback | None = None,
) -> IngestBatch:
    """Run (or resume) `batch` to its end, a cancellation, or a failure (see the module docstring).

    `records` are the batch's records when they do not come from its file (a fetched feed's items; such a
    batch is not resumed, the next fetch covers it). `should_stop` is polled between chunks (the command's
    Ctrl-C); a cancellation asked through `services.batch_cancel` is read from the database at the same
    points. Returns the batch as it ended.
    """
    batch = services.batch_start(batch=batch)
    default_outlet_id = batch.outlet_id
    try:
        every = batch_records(batch) if records is None else iter(records)
        remaining = itertools.islice(every, batch.cursor, None)
        position = batch.cursor
        for chunk in itertools.batched(remaining, chunk_size):
            if should_stop() or services.batch_cancel_requested(batch=batch):
                return services.batch_finish(batch=batch, status=BatchStatus.CANCELLED)
            items = services.chunk_prepare(chunk, first_position=position, default_outlet_id=default_outlet_id)
            result = services.chunk_store(
                items=items, batch=batch, source=batch.source, cursor=(position, position + len(chunk))
            )
            position += len(chunk)
            if on_chunk is not None:
                batch.refresh_from_db()
                on_chunk(batch, result)
    except services.BatchConflict:
        # Another worker owns this batch now; it records the outcome.
        raise
    except Exception as exc:
        logger.exception("monitoring: batch %s failed", batch.pk)
        services.batch_finish(batch=batch, status=BatchStatus.FAILED, error=f"{type(exc).__name__}: {exc}")
        raise
    return services.batch_finish(batch=batch, status=BatchStatus.COMPLETED)
