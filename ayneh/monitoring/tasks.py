"""Background work of monitoring, as django.tasks tasks (database queue by default, `ayneh db_worker`).

Tasks are thin: they take ids, load the row and call the pipeline, which holds the rules. A worker killed
mid-task leaves the batch "running" with its committed cursor; enqueueing the batch again (or
`ayneh import_archive --resume ID`) continues it.
"""

from __future__ import annotations

from django.tasks import task

from ayneh.monitoring import pipeline
from ayneh.monitoring.models import IngestBatch


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
