"""Fetching a feed source once: the fetch layer's safe pieces wired to ingestion and to the source's health.

`source_fetch` does, for one RSS/Atom/RDF source:

1. a conditional GET of the feed (`fetch.http.fetch_url` with the stored ETag/Last-Modified: an unchanged
   feed costs one 304 and nothing else), private addresses refused unless the
   `MONITORING_ALLOW_PRIVATE_FETCH` setting allows them (tests that serve on 127.0.0.1);
2. `fetch.feeds.parse_feed` on the bytes (never a path or URL); items that fail become failed records;
3. for each item whose address is not stored yet, its page: fetched, decoded and its main text extracted.
   When the page cannot be fetched or read, the feed's own content is used if it is a whole article
   (`MIN_FEED_TEXT_CHARS`), else the item fails with the page's reason;
4. the items as one ingestion batch (the chunk path every archive takes: stored once, analysed, grouped,
   matched to releases). A feed batch is not resumed after a crash: its ETag is saved only on success, so
   the next fetch reads the feed again and the stored items are skipped as duplicates;
5. the source's health: last success or last error with its reason, new ETag/Last-Modified, items per day
   (articles from this source over the last 7 days), and its next fetch time.

A sitemap or listing page source (`SourceKind.SITEMAP`) goes the same way with step 2 replaced: the body
is read by `fetch.listings` — an XML sitemap (a sitemap index: its first `MAX_CHILD_SITEMAPS` child
sitemaps fetched too, each with the same checks), or an HTML listing page's article links — and the newest
`MAX_LISTED_PAGES` links not stored yet are fetched as pages (a site lists thousands; the rest come on the
next fetches).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from django.conf import settings

from ayneh.core.sanitize import html_to_text
from ayneh.monitoring import pipeline, services
from ayneh.monitoring.fetch.decode import decode_body
from ayneh.monitoring.fetch.errors import FeedError, FetchError, InputError
from ayneh.monitoring.fetch.extract import extract_article
from ayneh.monitoring.fetch.feeds import FeedItem, ItemError, parse_feed
from ayneh.monitoring.fetch.http import FetchResult, fetch_url
from ayneh.monitoring.fetch.limits import FetchLimits
from ayneh.monitoring.fetch.listings import ParsedListing, is_sitemap, parse_listing_page, parse_sitemap
from ayneh.monitoring.fetch.urls import canonical_url
from ayneh.monitoring.models import Article, IngestBatch, Source, SourceKind
from ayneh.monitoring.prepare import IncomingArticle, RecordFailure, url_key

# A feed whose item carries at least this much text (content:encoded) is the article when its page fails.
MIN_FEED_TEXT_CHARS = 500
# A sitemap index names many sitemaps (one per day or section): the first few are read on each fetch.
MAX_CHILD_SITEMAPS = 5
# Pages fetched per sitemap or listing fetch, newest first; the others wait for the next fetch.
MAX_LISTED_PAGES = 200


@dataclass(frozen=True, slots=True)
class SourceFetchReport:
    """What one fetch did: the batch of new items (None when the feed was unchanged or failed) and the
    error that stopped it, if any."""

    batch: IngestBatch | None
    not_modified: bool
    error: str | None


def _allow_private() -> bool:
    return bool(getattr(settings, "MONITORING_ALLOW_PRIVATE_FETCH", False))


def _new_items(items: Sequence[FeedItem]) -> list[FeedItem]:
    """The items whose page is not stored yet (one query), so known pages are not fetched again."""
    keys: dict[str, FeedItem] = {}
    for item in items:
        try:
            keys.setdefault(url_key(canonical_url(item.url)), item)
        except InputError:
            keys.setdefault(item.url, item)  # refused later, with its reason, as a failed record
    stored = set(Article.objects.filter(url_key__in=list(keys)).values_list("url_key", flat=True))
    return [item for key, item in keys.items() if key not in stored]


def item_record(item: FeedItem, *, limits: FetchLimits, allow_private: bool) -> IncomingArticle | RecordFailure:
    """One feed item as an article record: its page's main text, or the feed's own text as a fallback."""
    feed_text = html_to_text(item.summary_html) if item.summary_html else ""
    try:
        page = fetch_url(item.url, limits=limits, allow_private=allow_private)
        html = decode_body(page.body, declared=page.charset, content_type=page.content_type)
        extracted = extract_article(html, url=page.final_url)
    except InputError as exc:
        if len(feed_text) >= MIN_FEED_TEXT_CHARS:
            return IncomingArticle(url=item.url, title=item.title, text=feed_text, published=item.published)
        return RecordFailure(f"page: {exc.reason}", url=item.url)
    return IncomingArticle(
        url=item.url,
        title=item.title or extracted.title or "",
        text=extracted.text,
        published=item.published or extracted.published,
    )


def _records(
    items: Sequence[FeedItem], errors: Sequence[ItemError], *, limits: FetchLimits, allow_private: bool
) -> Iterator[IncomingArticle | RecordFailure]:
    for error in errors:
        yield RecordFailure(f"feed item {error.index + 1}: {error.reason}")
    for item in items:  # pages are fetched as the pipeline reads, chunk by chunk
        yield item_record(item, limits=limits, allow_private=allow_private)


def source_fetch(*, source: Source, limits: FetchLimits | None = None) -> SourceFetchReport:
    """Fetch `source` once (module docstring). Never raises for a bad feed or page: the reason is recorded
    on the source (the whole fetch) or as failed records (single items)."""
    limits = limits or FetchLimits()
    if source.kind == SourceKind.SITEMAP:
        return listing_fetch(source=source, limits=limits)
    if source.kind != SourceKind.FEED:
        reason = f"{source.get_kind_display()} sources are imported as batches, not fetched by URL"
        services.source_health_record(source=source, error=reason)
        return SourceFetchReport(None, False, reason)
    allow_private = _allow_private()
    try:
        response = _conditional_get(source, limits=limits, allow_private=allow_private)
        if response.not_modified:
            services.source_health_record(source=source)
            return SourceFetchReport(None, True, None)
        feed = parse_feed(
            response.body, max_items=limits.max_items, declared=response.charset, base_url=response.final_url
        )
    except (FetchError, FeedError) as exc:
        services.source_health_record(source=source, error=exc.reason)
        return SourceFetchReport(None, False, exc.reason)
    items = _new_items(feed.items)
    batch = services.batch_create(
        kind=SourceKind.FEED, location=source.url, source=source, total=len(items) + len(feed.errors)
    )
    pipeline.batch_run(batch=batch, records=_records(items, feed.errors, limits=limits, allow_private=allow_private))
    batch.refresh_from_db()
    warning = f"feed cut at {limits.max_items} items" if feed.truncated else None
    services.source_health_record(
        source=source, etag=response.etag or "", last_modified=response.last_modified or "", warning=warning
    )
    return SourceFetchReport(batch, False, None)


def _listing(response: FetchResult, *, limits: FetchLimits, allow_private: bool) -> ParsedListing:
    """What a sitemap or listing page lists; a sitemap index's first child sitemaps are fetched and read
    too (their failures become the listing's, one reason each)."""
    if not is_sitemap(response.body):
        html = decode_body(response.body, declared=response.charset, content_type=response.content_type)
        return parse_listing_page(html, base_url=response.final_url, max_items=limits.max_items)
    listing = parse_sitemap(
        response.body,
        max_items=limits.max_items,
        max_bytes=limits.max_bytes,
        declared=response.charset,
        base_url=response.final_url,
    )
    for child_url in listing.sitemaps[:MAX_CHILD_SITEMAPS]:
        child = fetch_url(child_url, limits=limits, allow_private=allow_private)
        read = parse_sitemap(
            child.body,
            max_items=limits.max_items,
            max_bytes=limits.max_bytes,
            declared=child.charset,
            base_url=child.final_url,
        )
        listing.links.extend(read.links)
        listing.dropped += read.dropped
        listing.truncated |= read.truncated
    return listing


def _conditional_get(source: Source, *, limits: FetchLimits, allow_private: bool) -> FetchResult:
    """GET the source's address, sending back the validators of its last success (ETag, Last-Modified)."""
    return fetch_url(
        source.url,
        etag=source.etag or None,
        last_modified=source.last_modified or None,
        limits=limits,
        allow_private=allow_private,
    )


def listing_fetch(*, source: Source, limits: FetchLimits) -> SourceFetchReport:
    """Fetch a sitemap or listing page source once (module docstring)."""
    allow_private = _allow_private()
    try:
        response = _conditional_get(source, limits=limits, allow_private=allow_private)
        if response.not_modified:
            services.source_health_record(source=source)
            return SourceFetchReport(None, True, None)
        listing = _listing(response, limits=limits, allow_private=allow_private)
    except InputError as exc:
        services.source_health_record(source=source, error=exc.reason)
        return SourceFetchReport(None, False, exc.reason)
    links = sorted(listing.links, key=lambda link: link.published.timestamp() if link.published else 0.0, reverse=True)
    as_items = [
        FeedItem(guid=None, url=link.url, title=link.title, summary_html="", published=link.published) for link in links
    ]
    new = _new_items(as_items)
    cut = len(new) > MAX_LISTED_PAGES
    new = new[:MAX_LISTED_PAGES]
    batch = services.batch_create(kind=SourceKind.SITEMAP, location=source.url, source=source, total=len(new))
    pipeline.batch_run(batch=batch, records=_records(new, [], limits=limits, allow_private=allow_private))
    batch.refresh_from_db()
    notes = []
    if listing.truncated:
        notes.append(f"{listing.kind} cut at {limits.max_items} links")
    if cut:
        notes.append(f"{MAX_LISTED_PAGES} new pages fetched; the rest on the next fetch")
    services.source_health_record(
        source=source,
        etag=response.etag or "",
        last_modified=response.last_modified or "",
        warning="; ".join(notes) or None,
    )
    return SourceFetchReport(batch, False, None)
