"""`ayneh serve`'s fetch schedule: the scheduler thread queues the due sources' fetches on its own (no cron),
each source once per interval, and stops when asked."""

import time

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper

from ayneh.monitoring.models import Article, Outlet, Source, SourceKind
from ayneh.monitoring.schedule import FetchScheduler
from tests.monitoring import releases as sample
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
