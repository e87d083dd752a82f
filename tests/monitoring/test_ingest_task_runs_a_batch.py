"""The background task takes a batch id and runs the batch; enqueued from a service, it runs only once the
transaction that created the batch has committed."""

from pathlib import Path

import pytest
from django.db import transaction

from ayneh.monitoring import services
from ayneh.monitoring.models import BatchStatus, IngestBatch, Outlet, SourceKind
from ayneh.monitoring.tasks import ingest_batch_run
from tests.monitoring.factories import jsonl_write

pytestmark = pytest.mark.django_db


def archive(tmp_path: Path) -> Path:
    return jsonl_write(tmp_path / "a.jsonl", [{"url": "https://www.irna.ir/news/1", "text": "متن یک خبر کوتاه."}])


def test_the_task_runs_the_batch_and_returns_its_counts(irna: Outlet, tmp_path: Path) -> None:
    batch = services.batch_create(kind=SourceKind.JSONL, location=str(archive(tmp_path)), outlet=irna)

    result = ingest_batch_run.enqueue(batch_id=batch.pk)

    assert result.return_value == {
        "status": "completed",
        "cursor": 1,
        "created": 1,
        "duplicates": 0,
        "failed": 0,
        "pickups": 0,
    }


def test_a_batch_is_enqueued_after_commit(
    irna: Outlet, tmp_path: Path, django_capture_on_commit_callbacks: object
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():  # type: ignore[operator]
        batch = services.batch_create(kind=SourceKind.JSONL, location=str(archive(tmp_path)), outlet=irna)
        services.batch_enqueue(batch=batch)
        assert IngestBatch.objects.get(pk=batch.pk).status == BatchStatus.PENDING

    assert len(callbacks) == 1
    assert IngestBatch.objects.get(pk=batch.pk).status == BatchStatus.COMPLETED
