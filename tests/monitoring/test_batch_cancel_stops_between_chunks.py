"""A cancelled batch stops after the chunk in progress, keeps what it stored and its cursor, and can be
resumed to completion; a waiting batch is cancelled at once; a completed batch cannot be restarted."""

from pathlib import Path

import pytest

from ayneh.monitoring import pipeline, services
from ayneh.monitoring.models import Article, BatchStatus, IngestBatch, Outlet, SourceKind
from tests.monitoring.factories import jsonl_write

pytestmark = pytest.mark.django_db


def archive(tmp_path: Path, size: int) -> Path:
    return jsonl_write(
        tmp_path / "a.jsonl",
        ({"url": f"https://www.irna.ir/news/{n}", "text": f"متن خبر {n} درباره طرح شماره {n}."} for n in range(size)),
    )


def test_a_running_batch_stops_after_its_chunk_and_resumes(irna: Outlet, tmp_path: Path) -> None:
    batch = services.batch_create(kind=SourceKind.JSONL, location=str(archive(tmp_path, 9)), outlet=irna)

    def cancel_after_first_chunk(current: IngestBatch, result: services.ChunkResult) -> None:
        if current.cursor == 3:
            services.batch_cancel(batch=current)

    stopped = pipeline.batch_run(batch=batch, chunk_size=3, on_chunk=cancel_after_first_chunk)

    assert (stopped.status, stopped.cursor, Article.objects.count()) == (BatchStatus.CANCELLED, 3, 3)
    resumed = pipeline.batch_run(batch=stopped, chunk_size=3)
    assert (resumed.status, resumed.cursor, resumed.created_count) == (BatchStatus.COMPLETED, 9, 9)


def test_a_waiting_batch_is_cancelled_at_once(irna: Outlet, tmp_path: Path) -> None:
    batch = services.batch_create(kind=SourceKind.JSONL, location=str(archive(tmp_path, 2)), outlet=irna)

    assert services.batch_cancel(batch=batch).status == BatchStatus.CANCELLED


def test_a_completed_batch_cannot_run_again(irna: Outlet, tmp_path: Path) -> None:
    batch = services.batch_create(kind=SourceKind.JSONL, location=str(archive(tmp_path, 2)), outlet=irna)
    done = pipeline.batch_run(batch=batch)

    with pytest.raises(services.BatchConflict):
        pipeline.batch_run(batch=done)
    assert Article.objects.count() == 2
