"""Background work of monitoring, as django.tasks tasks: the database queue worked by `ayneh db_worker` (the
embedded default), or RQ workers over Redis worked by `ayneh rq_worker` (scale-out). Same tasks, either way.

Tasks are thin: they take ids, load the row and call the pipeline, which holds the rules.

- `ingest_batch_run` runs an import. With one worker it runs the batch chunk after chunk; when the
  `MONITORING_INGEST_FAN_OUT` setting is on (the default with RQ) it splits the batch into `ingest_chunk_run`
  tasks spread over every worker instead (`ayneh.monitoring.fanout`: parallel analysis, storing in archive
  order, so the result is the same). A worker killed mid-task leaves the batch "running" with its committed
  cursor; enqueueing the batch again (or `ayneh import_archive --resume ID`) continues it.
- Sources are fetched by `source_fetch_run`, queued for the due sources by `sources_fetch_due`, which
  `ayneh serve` queues every `MONITORING_FETCH_EVERY_SECONDS` (or `ayneh fetch_sources --every SECONDS`, or cron).
"""

from __future__ import annotations

from django.conf import settings
from django.tasks import task

from ayneh.monitoring import fanout, pipeline, services, sources
from ayneh.monitoring.models import IngestBatch, Source


def _batch_counts(batch: IngestBatch) -> dict[str, int | str]:
    return {
        "status": batch.status,
        "cursor": batch.cursor,
        "created": batch.created_count,
        "duplicates": batch.duplicate_count,
        "failed": batch.failed_count,
        "pickups": batch.pickup_count,
    }


@task()
def ingest_batch_run(batch_id: int, chunk_size: int | None = None) -> dict[str, int | str]:
    """Run (or resume) ingestion batch `batch_id`: here, or fanned out in chunk tasks (module docstring), in
    chunks of `chunk_size` records (default: the MONITORING_INGEST_CHUNK_SIZE setting). Returns its status
    and counts (when fanned out: as they stand once the chunks are queued)."""
    batch = IngestBatch.objects.get(pk=batch_id)
    chunk_size = chunk_size or int(getattr(settings, "MONITORING_INGEST_CHUNK_SIZE", pipeline.DEFAULT_CHUNK_SIZE))
    if getattr(settings, "MONITORING_INGEST_FAN_OUT", False):
        fanout.batch_fan_out(batch=batch, chunk_size=chunk_size, enqueue=_enqueue_chunk)
        batch.refresh_from_db()
        return _batch_counts(batch)
    return _batch_counts(pipeline.batch_run(batch=batch, chunk_size=chunk_size))


def _enqueue_chunk(batch_id: int, start: int, end: int) -> None:
    ingest_chunk_run.enqueue(batch_id=batch_id, start=start, end=end)


@task()
def ingest_chunk_run(batch_id: int, start: int, end: int) -> dict[str, int | str | None]:
    """Analyse records [start, end) of a fanned-out batch and store them in their turn; returns what this
    worker did (its name included, so a run can show how the chunks were spread)."""
    stall = float(getattr(settings, "MONITORING_CHUNK_STALL_SECONDS", fanout.DEFAULT_STALL_SECONDS))
    return fanout.chunk_run(batch_id=batch_id, start=start, end=end, stall_seconds=stall).as_dict()


@task()
def source_fetch_run(source_id: int) -> dict[str, int | str | None]:
    """Fetch source `source_id` (a feed, a sitemap or a listing page) once and ingest its new items."""
    report = sources.source_fetch(source=Source.objects.select_related("outlet").get(pk=source_id))
    return {
        "batch": report.batch.pk if report.batch else None,
        "not_modified": int(report.not_modified),
        "error": report.error,
    }


@task()
def sources_fetch_due() -> list[int]:
    """Claim the sources due for a fetch and queue a fetch for each; returns their ids."""
    claimed = services.sources_claim_due()
    for source_id in claimed:
        source_fetch_run.enqueue(source_id=source_id)
    return claimed
