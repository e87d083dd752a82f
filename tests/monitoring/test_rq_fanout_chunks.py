"""The fanned-out import's rules, one chunk task at a time in whatever order the workers would run them:
chunks are stored in archive order whatever order they are analysed in; a chunk that ran already stores
nothing; a chunk stuck behind a dead worker's takes its records over; a cancel ends the batch and the
queued chunks do nothing."""

from pathlib import Path

import pytest

from ayneh.monitoring import fanout, services
from ayneh.monitoring.models import Article, BatchStatus, IngestBatch, Outlet, SourceKind
from tests.monitoring.factories import jsonl_write

pytestmark = pytest.mark.django_db


def fanned_out(outlet: Outlet, tmp_path: Path, size: int, chunk: int) -> tuple[IngestBatch, list[tuple[int, int]]]:
    archive = jsonl_write(
        tmp_path / "a.jsonl",
        ({"url": f"https://www.irna.ir/news/{n}", "text": f"متن خبر {n} درباره طرح شماره {n}."} for n in range(size)),
    )
    batch = services.batch_create(kind=SourceKind.JSONL, location=str(archive), outlet=outlet)
    queued: list[tuple[int, int]] = []
    fanout.batch_fan_out(batch=batch, chunk_size=chunk, enqueue=lambda _id, start, end: queued.append((start, end)))
    batch.refresh_from_db()
    return batch, queued


def test_the_batch_is_queued_as_chunks_that_tile_it(irna: Outlet, tmp_path: Path) -> None:
    batch, queued = fanned_out(irna, tmp_path, 7, 3)

    assert queued == [(0, 3), (3, 6), (6, 7)]
    assert (batch.status, batch.total, batch.cursor) == (BatchStatus.RUNNING, 7, 0)


def test_chunks_run_in_queue_order_complete_the_batch(irna: Outlet, tmp_path: Path) -> None:
    batch, queued = fanned_out(irna, tmp_path, 7, 3)

    outcomes = [fanout.chunk_run(batch_id=batch.pk, start=s, end=e).outcome for s, e in queued]

    batch.refresh_from_db()
    assert outcomes == ["stored"] * 3
    assert (batch.status, batch.cursor, batch.created_count) == (BatchStatus.COMPLETED, 7, 7)
    urls = list(Article.objects.order_by("id").values_list("url", flat=True))
    assert urls == [f"https://www.irna.ir/news/{n}" for n in range(7)]


def test_a_chunk_behind_a_dead_worker_takes_its_records_over(irna: Outlet, tmp_path: Path) -> None:
    batch, _queued = fanned_out(irna, tmp_path, 6, 3)
    # Chunk (0, 3) was taken by a worker that died: the next chunk waits, sees no progress, and stores both.
    second = fanout.chunk_run(batch_id=batch.pk, start=3, end=6, stall_seconds=0)
    first = fanout.chunk_run(batch_id=batch.pk, start=0, end=3)  # the lost task, delivered again

    batch.refresh_from_db()
    assert (second.outcome, second.took_over, first.outcome) == ("stored", 3, "skipped")
    assert (batch.status, batch.cursor, batch.created_count, batch.duplicate_count) == (BatchStatus.COMPLETED, 6, 6, 0)
    urls = list(Article.objects.order_by("id").values_list("url", flat=True))
    assert urls == [f"https://www.irna.ir/news/{n}" for n in range(6)], "stored in archive order"


def test_a_chunk_that_ran_already_stores_nothing(irna: Outlet, tmp_path: Path) -> None:
    batch, _queued = fanned_out(irna, tmp_path, 6, 3)
    fanout.chunk_run(batch_id=batch.pk, start=0, end=3)

    again = fanout.chunk_run(batch_id=batch.pk, start=0, end=3)

    batch.refresh_from_db()
    assert again.outcome == "skipped"
    assert (batch.cursor, Article.objects.count()) == (3, 3)


def test_cancel_ends_the_batch_and_the_queued_chunks_do_nothing(irna: Outlet, tmp_path: Path) -> None:
    batch, queued = fanned_out(irna, tmp_path, 9, 3)
    fanout.chunk_run(batch_id=batch.pk, start=0, end=3)

    services.batch_cancel(batch=batch)
    outcomes = [fanout.chunk_run(batch_id=batch.pk, start=s, end=e).outcome for s, e in queued[1:]]

    batch.refresh_from_db()
    assert outcomes == ["cancelled", "skipped"]
    assert (batch.status, batch.cursor, Article.objects.count()) == (BatchStatus.CANCELLED, 3, 3)


def test_a_cancelled_batch_fans_out_again_from_its_cursor(irna: Outlet, tmp_path: Path) -> None:
    batch, _queued = fanned_out(irna, tmp_path, 9, 3)
    fanout.chunk_run(batch_id=batch.pk, start=0, end=3)
    services.batch_cancel(batch=batch)
    fanout.chunk_run(batch_id=batch.pk, start=3, end=6)

    requeued: list[tuple[int, int]] = []
    fanout.batch_fan_out(batch=batch, chunk_size=3, enqueue=lambda _id, s, e: requeued.append((s, e)))
    for start, end in requeued:
        fanout.chunk_run(batch_id=batch.pk, start=start, end=end)

    batch.refresh_from_db()
    assert requeued == [(3, 6), (6, 9)]
    assert (batch.status, batch.cursor, batch.created_count) == (BatchStatus.COMPLETED, 9, 9)
