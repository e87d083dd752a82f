"""`ayneh serve`'s fetch schedule: the scheduler thread queues the due sources' fetches on its own (no cron),
each source once per interval, and stops when asked; each tick also resumes an import whose worker died."""

import datetime as dt
import time

import pytest
from django.utils import timezone
from pytest_django.fixtures import Settings as SettingsWrapper

from ayneh.monitoring import pipeline, services
from ayneh.monitoring.models import Article, BatchStatus, IngestBatch, Outlet, Source, SourceKind
from ayneh.monitoring.schedule import FetchScheduler
from tests.monitoring import releases as sample
from tests.monitoring.factories import jsonl_write
from tests.monitoring.fetch.conftest import LocalServer


@pytest.fixture
def due_feed(local_server: LocalServer, irna: Outlet, settings: SettingsWrapper) -> Source:
    settings.MONITORING_ALLOW_PRIVATE_FETCH = True
    page = "".join(f"<p>{p}</p>" for p in sample.RELEASE_PARAGRAPHS)
    local_server.route(
        "/news/9",
        body=f"<html><body><article>{page}</article></body></html>".encode(),
        headers={"Content-Type": "text/html"},
    )
    feed = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>ایرنا</title><item><title>خبر</title>'
        f"<link>{local_server.base}/news/9</link></item></channel></rss>"
    ).encode()
    url = local_server.route("/rss.xml", body=feed, headers={"Content-Type": "application/rss+xml"})
    return Source.objects.create(outlet=irna, kind=SourceKind.FEED, url=url)


@pytest.mark.django_db
def test_a_tick_fetches_the_due_sources_once(due_feed: Source) -> None:
    scheduler = FetchScheduler(every=60)

    assert scheduler.tick() == [due_feed.pk]
    assert scheduler.tick() == [], "fetched: not due again before its interval"
    due_feed.refresh_from_db()
    assert due_feed.last_success_at is not None
    assert Article.objects.filter(source=due_feed).count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_scheduler_thread_fetches_without_being_asked(due_feed: Source) -> None:
    scheduler = FetchScheduler(every=0.2)
    scheduler.start()
    try:
        deadline = time.monotonic() + 60
        while not Article.objects.filter(source=due_feed).exists():
            assert time.monotonic() < deadline, "the scheduler did not fetch the due feed"
            time.sleep(0.1)
    finally:
        scheduler.stop()
        scheduler.join(timeout=30)
    assert not scheduler.is_alive()


@pytest.mark.django_db
def test_a_tick_resumes_an_import_whose_worker_died(irna: Outlet, tmp_path, django_capture_on_commit_callbacks) -> None:
    archive = jsonl_write(
        tmp_path / "a.jsonl",
        ({"url": f"https://www.irna.ir/news/{n}", "text": f"متن خبر {n} درباره طرح شماره {n}."} for n in range(9)),
    )
    batch = services.batch_create(kind=SourceKind.JSONL, location=str(archive), outlet=irna)
    died_at = 3
    pipeline.batch_run(
        batch=batch, chunk_size=3, should_stop=lambda: IngestBatch.objects.get(pk=batch.pk).cursor >= died_at
    )
    # The worker "died" mid-batch: still running, cursor 3, no progress for an hour.
    IngestBatch.objects.filter(pk=batch.pk).update(
        status=BatchStatus.RUNNING, finished_at=None, heartbeat_at=timezone.now() - dt.timedelta(hours=1)
    )
    feed_batch = services.batch_create(kind=SourceKind.FEED, location="https://www.irna.ir/rss")
    IngestBatch.objects.filter(pk=feed_batch.pk).update(
        status=BatchStatus.RUNNING, heartbeat_at=timezone.now() - dt.timedelta(hours=1)
    )
    alive = services.batch_create(kind=SourceKind.JSONL, location=str(archive), outlet=irna)
    IngestBatch.objects.filter(pk=alive.pk).update(status=BatchStatus.RUNNING, heartbeat_at=timezone.now())

    with django_capture_on_commit_callbacks(execute=True):
        FetchScheduler(every=60).tick()

    batch.refresh_from_db()
    feed_batch.refresh_from_db()
    alive.refresh_from_db()
    assert (batch.status, batch.cursor, batch.created_count, batch.duplicate_count) == (BatchStatus.COMPLETED, 9, 9, 0)
    assert (feed_batch.status, feed_batch.error) == (BatchStatus.FAILED, "worker lost: no progress")
    assert (alive.status, alive.cursor) == (BatchStatus.RUNNING, 0), "a batch that moves is left alone"
