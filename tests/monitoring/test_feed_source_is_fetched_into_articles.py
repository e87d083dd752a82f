"""A feed source fetched from a real HTTP server: new items become articles (their pages' main text, or the
feed's own full text when a page fails), a page that fails with no usable feed text is a failed record with
its reason, an unchanged feed costs one conditional request, and the source's health says how it went."""

from http.server import BaseHTTPRequestHandler

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper

from ayneh.monitoring import services
from ayneh.monitoring.models import Article, ArticleFailure, BatchStatus, Outlet, Source, SourceKind
from ayneh.monitoring.sources import source_fetch
from tests.monitoring import releases as sample
from tests.monitoring.fetch.conftest import LocalServer

pytestmark = pytest.mark.django_db

PAGE = (
    "<html><head><title>{title}</title></head><body><nav><a href='/'>صفحه اصلی</a> <a href='/s'>ورزشی</a></nav>"
    "<article><h1>{title}</h1>{paragraphs}</article><footer>کلیه حقوق محفوظ است</footer></body></html>"
)
FULL_FEED_TEXT = "".join(f"<p>{p}</p>" for p in sample.RELEASE_PARAGRAPHS)


def rss(base: str) -> bytes:
    items = [
        ("1", "طرح اشتغال روستایی", "خلاصه خبر اول"),
        ("2", "خبری که صفحه‌اش نیست", "خلاصه کوتاه"),
        ("3", "خبری با متن کامل در خوراک", FULL_FEED_TEXT),
    ]
    body = "".join(
        f"<item><title>{title}</title><link>{base}/news/{n}</link><guid>{base}/news/{n}</guid>"
        f"<pubDate>Sat, 22 May 2021 08:00:00 GMT</pubDate><description><![CDATA[{text}]]></description></item>"
        for n, title, text in items
    )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>ایرنا</title>{body}</channel></rss>'.encode()


@pytest.fixture
def feed(local_server: LocalServer, irna: Outlet, settings: SettingsWrapper) -> Source:
    settings.MONITORING_ALLOW_PRIVATE_FETCH = True
    feed_body = rss(local_server.base)

    def respond(handler: BaseHTTPRequestHandler) -> None:
        if handler.headers.get("If-None-Match") == '"v1"':
            handler.send_response(304)
            handler.end_headers()
            return
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        handler.send_header("ETag", '"v1"')
        handler.send_header("Content-Length", str(len(feed_body)))
        handler.end_headers()
        handler.wfile.write(feed_body)

    url = local_server.route_handler("/rss.xml", respond)
    paragraphs = "".join(f"<p>{p}</p>" for p in sample.RELEASE_PARAGRAPHS)
    local_server.route(
        "/news/1",
        body=PAGE.format(title="طرح اشتغال روستایی", paragraphs=paragraphs).encode(),
        headers={"Content-Type": "text/html; charset=utf-8"},
    )
    return Source.objects.create(outlet=irna, kind=SourceKind.FEED, url=url)


def test_new_items_become_articles_and_a_failing_page_fails_alone(feed: Source) -> None:
    report = source_fetch(source=feed)

    assert report.error is None
    assert report.batch is not None
    assert (report.batch.status, report.batch.created_count, report.batch.failed_count) == (
        BatchStatus.COMPLETED,
        2,
        1,
    )
    from_page = Article.objects.get(url=f"{feed.url.removesuffix('/rss.xml')}/news/1")
    assert "صندوق کارآفرینی امید" in from_page.text
    assert "کلیه حقوق" not in from_page.text
    assert from_page.source == feed
    from_feed = Article.objects.get(url=f"{feed.url.removesuffix('/rss.xml')}/news/3")
    assert from_feed.text.startswith("علی محمدی")
    failure = ArticleFailure.objects.get()
    assert failure.url.endswith("/news/2")
    assert failure.reason.startswith("page: HTTP 404")


def test_the_sources_health_records_the_fetch(feed: Source) -> None:
    source_fetch(source=feed)
    feed.refresh_from_db()

    assert feed.last_success_at is not None
    assert feed.last_error == ""
    assert feed.etag == '"v1"'
    assert feed.items_per_day == pytest.approx(2 / 7)
    assert feed.next_fetch_at == feed.last_success_at + feed.fetch_interval


def test_an_unchanged_feed_costs_one_conditional_request(feed: Source, local_server: LocalServer) -> None:
    source_fetch(source=feed)
    feed.refresh_from_db()
    seen = len(local_server.requests)

    report = source_fetch(source=feed)

    assert report.not_modified
    assert report.batch is None
    assert [r.path for r in local_server.requests[seen:]] == ["/rss.xml"]
    assert local_server.requests[-1].headers["if-none-match"] == '"v1"'


def test_a_refused_feed_is_recorded_as_the_sources_last_error(feed: Source, settings: SettingsWrapper) -> None:
    settings.MONITORING_ALLOW_PRIVATE_FETCH = False

    report = source_fetch(source=feed)
    feed.refresh_from_db()

    assert report.error is not None
    assert report.error.startswith("refused")
    assert feed.last_error == report.error
    assert feed.last_error_at is not None
    assert feed.last_success_at is None
    assert not Article.objects.exists()


def test_a_due_source_is_claimed_once(feed: Source) -> None:
    assert services.sources_claim_due() == [feed.pk]
    assert services.sources_claim_due() == []
