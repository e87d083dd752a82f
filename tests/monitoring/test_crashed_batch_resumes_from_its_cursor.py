"""A batch that fails mid-way (here: the database write of its third chunk raises, as a crash would
interrupt it) keeps the committed chunks and its cursor; running it again continues from the cursor and
ends with exactly the articles, failures and version groups an uninterrupted run stores."""

from pathlib import Path
from typing import Any

import pytest

from ayneh.monitoring import pipeline, services
from ayneh.monitoring.models import Article, ArticleFailure, BatchStatus, IngestBatch, Outlet, SourceKind
from ayneh.monitoring.versions import version_index_reset
from tests.monitoring.factories import fars_articles, jsonl_write

pytestmark = pytest.mark.django_db

CHUNK = 10


class Crash(Exception):
    pass


def archive_of(shared_data: Path, tmp_path: Path) -> Path:
    records: list[Any] = list(fars_articles(shared_data, limit=45))
    records.insert(17, "{broken")  # a failure inside a chunk that will be redone
    records.append(records[3])  # a duplicate at the end
    return jsonl_write(tmp_path / "fars.jsonl", records)


def snapshot(batch: IngestBatch) -> dict[str, Any]:
    articles = list(Article.objects.order_by("url_key").values_list("url_key", "content_hash", "version_group"))
    groups: dict[Any, list[str]] = {}
    for key, _hash, group in articles:
        groups.setdefault(group, []).append(key)
    return {
        "articles": [(key, content) for key, content, _group in articles],
        "groups": sorted(sorted(members) for members in groups.values()),
        "failures": list(ArticleFailure.objects.filter(batch=batch).values_list("position", "reason")),
        "counts": (batch.cursor, batch.created_count, batch.duplicate_count, batch.failed_count),
    }


def run_uninterrupted(archive: Path, outlet: Outlet) -> dict[str, Any]:
    batch = services.batch_create(kind=SourceKind.JSONL, location=str(archive), outlet=outlet)
    return snapshot(pipeline.batch_run(batch=batch, chunk_size=CHUNK))


def test_a_crashed_batch_resumes_and_ends_as_an_uninterrupted_one(
    irna: Outlet, shared_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = archive_of(shared_data, tmp_path)
    expected = run_uninterrupted(archive, irna)
    Article.objects.all().delete()
    version_index_reset()

    batch = services.batch_create(kind=SourceKind.JSONL, location=str(archive), outlet=irna)
    real_store = services.chunk_store
    calls = 0

    def crashing_store(**kwargs: Any) -> services.ChunkResult:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise Crash
        return real_store(**kwargs)

    monkeypatch.setattr(services, "chunk_store", crashing_store)
    with pytest.raises(Crash):
        pipeline.batch_run(batch=batch, chunk_size=CHUNK)
    batch.refresh_from_db()
    assert (batch.status, batch.cursor, batch.created_count) == (BatchStatus.FAILED, 2 * CHUNK, 2 * CHUNK - 1)
    monkeypatch.setattr(services, "chunk_store", real_store)

    version_index_reset()  # a restarted process starts with an empty index
    batch = pipeline.batch_run(batch=batch, chunk_size=CHUNK)

    assert batch.status == BatchStatus.COMPLETED
    assert snapshot(batch) == expected
