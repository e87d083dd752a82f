"""Background work of monitoring, as django.tasks tasks (database queue by default, `ayneh db_worker`).

Tasks are thin: they take ids, load the row and call the pipeline, which holds the rules. A worker killed
mid-task leaves the batch "running" with its committed cursor; enqueueing the batch again (or
`ayneh import_archive --resume ID`) continues it. Feeds are fetched by `source_fetch_run`, queued for the
due sources by `sources_fetch_due`, which `ayneh fetch_sources --every SECONDS` (or cron) calls.
"""

from __future__ import annotations

from django.tasks import task

from ayneh.monitoring import pipeline, services, sources
from ayneh.monitoring.models import IngestBatch, Source


@task()
def ingest_batch_run(batch_id: int) -> dict[str, int | str]:
    """Run (or resume) ingestion batch `batch_id`; returns its final status and counts."""
    batch = pipeline.batch_run(batch=IngestBatch.objects.get(pk=batch_id))
    return {
        "status": batch.status,
        "cursor": batch.cursor,
        "created": batch.created_count,
        "duplicates": batch.duplicate_count,
        "failed": batch.failed_count,
        "pickups": batch.pickup_count,
    }


@task()
def source_fetch_run(source_id: int) -> dict[str, int | str | None]:
    """Fetch feed source `source_id` once and ingest its new items; returns what happened."""
    report = sources.source_fetch(source=Source.objects.select_related("outlet").get(pk=source_id))
    return {
        "batch": report.batch.pk if report.batch else None,
        "not_modified": int(report.not_modified),
        "error": report.error,
    }


@task()
def sources_fetch_due() -> list[int]:
    """Claim the feed sources due for a fetch and queue a fetch for each; returns their ids."""
    claimed = services.sources_claim_due()
    for source_id in claimed:
        source_fetch_run.enqueue(source_id=source_id)
    return claimed
