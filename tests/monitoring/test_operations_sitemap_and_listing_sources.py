"""Sitemap and listing-page sources fetched from a real HTTP server on 127.0.0.1: the pages they list become
articles; `javascript:` links are dropped; a sitemap index is followed (a gzipped child sitemap too); an
entity declaration refuses the sitemap; a private address is refused at connect time unless allowed; the
item limit cuts a long sitemap with a reason on the source's health."""

import gzip
from pathlib import Path

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper

from ayneh.monitoring.fetch.limits import FetchLimits
from ayneh.monitoring.fetch.listings import parse_listing_page, parse_sitemap
from ayneh.monitoring.models import Article, Outlet, Source, SourceKind
from ayneh.monitoring.sources import source_fetch
from tests.monitoring import releases as sample
from tests.monitoring.fetch.conftest import LocalServer

pytestmark = pytest.mark.django_db

HTML = {"Content-Type": "text/html; charset=utf-8"}
XML = {"Content-Type": "application/xml; charset=utf-8"}
PAGE = "<html><head><title>{t}</title></head><body><article><h1>{t}</h1>{p}</article></body></html>"


def serve_pages(server: LocalServer, numbers: list[int]) -> None:
    for n in numbers:
        paragraphs = "".join(f"<p>{p} (خبر {n})</p>" for p in sample.RELEASE_PARAGRAPHS)
        server.route(f"/fa/news/{n}", body=PAGE.format(t=f"خبر شماره {n}", p=paragraphs).encode(), headers=HTML)


def urlset(base: str, numbers: list[int], extra: str = "") -> bytes:
    entries = "".join(
        f"<url><loc>{base}/fa/news/{n}</loc><lastmod>2021-05-2{n % 10}T08:00:00+04:30</lastmod></url>" for n in numbers
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{entries}{extra}</urlset>"
    ).encode()


@pytest.fixture
def allow_local(settings: SettingsWrapper) -> None:
    settings.MONITORING_ALLOW_PRIVATE_FETCH = True


def source(outlet: Outlet, url: str) -> Source:
    return Source.objects.create(outlet=outlet, kind=SourceKind.SITEMAP, url=url)


def test_a_sitemaps_pages_become_articles_and_javascript_links_are_dropped(
    local_server: LocalServer, irna: Outlet, allow_local: None
) -> None:
    serve_pages(local_server, [101, 102])
    dropped = "<url><loc>javascript:alert(1)</loc></url><url><loc>file:///etc/passwd</loc></url>"
    url = local_server.route("/sitemap.xml", body=urlset(local_server.base, [101, 102], dropped), headers=XML)

    report = source_fetch(source=source(irna, url))

    assert report.error is None
    assert report.batch is not None
    assert report.batch.created_count == 2
    assert sorted(Article.objects.values_list("url", flat=True)) == [
        f"{local_server.base}/fa/news/101",
        f"{local_server.base}/fa/news/102",
    ]
    assert not any("passwd" in r.path or "javascript" in r.path for r in local_server.requests)
    assert "صندوق کارآفرینی امید" in Article.objects.get(url__endswith="/101").text


def test_a_sitemap_index_is_followed_to_its_gzipped_child(
    local_server: LocalServer, irna: Outlet, allow_local: None
) -> None:
    serve_pages(local_server, [201])
    local_server.route(
        "/sitemap-1.xml.gz",
        body=gzip.compress(urlset(local_server.base, [201])),
        headers={"Content-Type": "application/gzip"},
    )
    index = (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{local_server.base}/sitemap-1.xml.gz</loc></sitemap></sitemapindex>"
    ).encode()
    url = local_server.route("/sitemap-index.xml", body=index, headers=XML)

    report = source_fetch(source=source(irna, url))

    assert report.error is None
    assert list(Article.objects.values_list("url", flat=True)) == [f"{local_server.base}/fa/news/201"]


def test_a_listing_page_yields_its_article_links_only(
    local_server: LocalServer, irna: Outlet, allow_local: None
) -> None:
    serve_pages(local_server, [301, 302])
    listing = (
        "<html><body><nav><a href='/'>خانه</a> <a href='/fa/category/economy'>اقتصادی</a> <a href='/tag/x'>برچسب</a></nav>"
        "<ul><li><a href='/fa/news/301'>خبر ۳۰۱</a></li><li><a href='/fa/news/302#comments'>خبر ۳۰۲</a></li>"
        "<li><a href='javascript:void(0)'>بیشتر</a></li><li><a href='https://other.example/fa/news/999'>خبر دیگر</a></li>"
        "</ul></body></html>"
    ).encode()
    url = local_server.route("/fa/latest", body=listing, headers=HTML)

    report = source_fetch(source=source(irna, url))

    assert report.error is None
    assert sorted(Article.objects.values_list("url", flat=True)) == [
        f"{local_server.base}/fa/news/301",
        f"{local_server.base}/fa/news/302",
    ]


def test_an_entity_declaration_refuses_the_sitemap(local_server: LocalServer, irna: Outlet, allow_local: None) -> None:
    body = (
        b'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<urlset><url><loc>&x;</loc></url></urlset>"
    )
    sitemap = source(irna, local_server.route("/evil.xml", body=body, headers=XML))

    report = source_fetch(source=sitemap)

    sitemap.refresh_from_db()
    assert report.error is not None
    assert report.error.startswith("refused: entity declaration")
    assert sitemap.last_error == report.error
    assert Article.objects.count() == 0


def test_a_private_address_is_refused_at_connect(local_server: LocalServer, irna: Outlet) -> None:
    sitemap = source(irna, local_server.route("/sitemap.xml", body=urlset(local_server.base, [1]), headers=XML))

    report = source_fetch(source=sitemap)

    assert report.error == "refused: loopback address 127.0.0.1"
    assert local_server.requests == [], "the refused fetch never connected"


def test_the_item_limit_cuts_a_long_sitemap_with_a_reason(
    local_server: LocalServer, irna: Outlet, allow_local: None
) -> None:
    numbers = list(range(400, 420))
    serve_pages(local_server, numbers)
    sitemap = source(irna, local_server.route("/big.xml", body=urlset(local_server.base, numbers), headers=XML))

    report = source_fetch(source=sitemap, limits=FetchLimits(max_items=5))

    sitemap.refresh_from_db()
    assert report.batch is not None
    assert report.batch.created_count == 5
    assert "sitemap cut at 5 links" in sitemap.last_error
    assert sitemap.last_success_at is not None


def test_readers_take_bytes_and_text_not_paths(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        parse_sitemap(str(tmp_path / "sitemap.xml"))  # type: ignore[arg-type]
    listed = parse_listing_page(
        "<a href='javascript:alert(1)'>x</a><a href='/fa/news/12345'>خبر</a>", base_url="https://www.irna.ir/fa/latest"
    )
    assert [link.url for link in listed.links] == ["https://www.irna.ir/fa/news/12345"]
    assert listed.dropped == 1
