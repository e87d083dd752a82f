"""Sitemaps and listing pages: the article links a news site lists, read from bytes with the feeds' rules.

- ``parse_sitemap`` reads an XML sitemap (``<urlset>``: each ``<url><loc>`` with its ``<lastmod>`` or
  Google News ``<news:publication_date>`` and ``<news:title>``) or a sitemap index (``<sitemapindex>``: the
  child sitemaps' addresses, for the caller to fetch). Streaming expat with the same refusals as
  ``feeds.parse_feed``: any ``<!ENTITY>`` declaration refuses the document (no expansion, no external
  entity), nesting is bounded, reading stops at ``max_items`` links (``truncated``). A gzipped sitemap
  (``sitemap.xml.gz``) is inflated with the fetch layer's bounded decoder (a bomb is cut at ``max_bytes``).
- ``parse_listing_page`` reads an HTML listing page (a section's "latest news" page): the links to pages
  of the same site that look like articles, in page order, at most ``max_items``.

Either way only http(s) links are kept (``javascript:``, ``data:``, ``file:`` and local paths dropped),
relative links are resolved against the document's address, and duplicates are dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from xml.parsers import expat

from ayneh.monitoring.fetch.dates import parse_published
from ayneh.monitoring.fetch.decode import choose_encoding, iter_decoded
from ayneh.monitoring.fetch.decompress import BoundedDecoder
from ayneh.monitoring.fetch.errors import DecodeError, FeedError, InputError
from ayneh.monitoring.fetch.limits import FetchLimits
from ayneh.monitoring.fetch.pagemeta import parse_page
from ayneh.monitoring.fetch.urls import safe_link

MAX_DEPTH = 16
SITEMAP_ROOTS = frozenset({"urlset", "sitemapindex"})
GZIP_MAGIC = b"\x1f\x8b"
_LOOKS_LIKE_HTML = re.compile(rb"<!doctype\s+html|<html[\s>]", re.IGNORECASE)
# Paths of a site's own pages that are not articles (sections, tags, search, accounts, files).
_NOT_ARTICLE = re.compile(
    r"/(tag|tags|category|categories|search|login|register|account|author|authors|page|archive|rss|feed)(/|$)"
    r"|\.(jpe?g|png|gif|webp|svg|pdf|zip|rar|mp3|mp4|css|js)$",
    re.IGNORECASE,
)
_ARTICLE_HINT = re.compile(r"\d{3,}|/news/|/fa/news|/story/|/article")


@dataclass(frozen=True, slots=True)
class ListedLink:
    """A page a sitemap or listing lists: its absolute http(s) address, and what the listing says of it."""

    url: str
    title: str = ""
    published: dt.datetime | None = None


@dataclass(slots=True)
class ParsedListing:
    """The links read (``links``), child sitemaps of a sitemap index (``sitemaps``), how many entries were
    dropped (``dropped``: not http(s), or no address), and ``truncated`` when ``max_items`` stopped reading."""

    kind: str  # "sitemap", "sitemap index" or "listing page"
    links: list[ListedLink] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    dropped: int = 0
    truncated: bool = False


def is_sitemap(body: bytes) -> bool:
    """Whether a body looks like an XML sitemap rather than an HTML page (by its first bytes)."""
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    return body.startswith(GZIP_MAGIC) or (head.startswith(b"<") and not _LOOKS_LIKE_HTML.search(head))


def _inflated(body: bytes, max_bytes: int) -> bytes:
    if not body.startswith(GZIP_MAGIC):
        return body
    decoder = BoundedDecoder("gzip", max_bytes=max_bytes)
    out = decoder.feed(body)
    decoder.finish()
    return out


class _SitemapReader:
    def __init__(self, *, max_items: int, base_url: str | None, result: ParsedListing) -> None:
        self.max_items = max_items
        self.base_url = base_url
        self.result = result
        self.root: str | None = None
        self._depth = 0
        self._path: list[str] = []
        self._text: list[str] = []
        self._entry: dict[str, str] = {}
        self._seen: set[str] = set()
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.buffer_text = True
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._text.append
        parser.EntityDeclHandler = _refuse_entity
        parser.UnparsedEntityDeclHandler = _refuse_entity
        parser.ExternalEntityRefHandler = _refuse_external
        self.parser = parser

    def _start(self, name: str, attributes: dict[str, str]) -> None:
        local = name.rpartition(" ")[2]
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise FeedError(f"not a sitemap: nested deeper than {MAX_DEPTH} elements")
        if self.root is None:
            self.root = local
            if local not in SITEMAP_ROOTS:
                raise FeedError(f"not a sitemap: root element <{local}>")
            self.result.kind = "sitemap index" if local == "sitemapindex" else "sitemap"
        if self._depth == 2:
            self._entry = {}
        self._path.append(local)
        self._text.clear()

    def _end(self, name: str) -> None:
        local = self._path.pop()
        if self._depth > 2:
            self._entry.setdefault(local, "".join(self._text).strip())
        elif self._depth == 2:
            self._take(local)
        self._text.clear()
        self._depth -= 1

    def _take(self, local: str) -> None:
        url = safe_link(self._entry.get("loc"), base=self.base_url)
        if url is None:
            self.result.dropped += 1
            return
        if url in self._seen:
            return
        if len(self.result.links) + len(self.result.sitemaps) >= self.max_items:
            self.result.truncated = True
            raise _StopReading
        self._seen.add(url)
        if local == "sitemap":
            self.result.sitemaps.append(url)
            return
        stamp = self._entry.get("publication_date") or self._entry.get("lastmod") or ""
        self.result.links.append(
            ListedLink(url=url, title=self._entry.get("title", "")[:500], published=parse_published(stamp))
        )


class _StopReading(Exception):
    pass


def _refuse_entity(name: str, *_: object) -> None:
    raise FeedError(f"refused: entity declaration <!ENTITY {name}> (entities are never expanded or loaded)")


def _refuse_external(context: str | None, base: str | None, system_id: str | None, *_: object) -> int:
    raise FeedError(f"refused: external entity {system_id}")


def parse_sitemap(
    body: bytes,
    *,
    max_items: int = FetchLimits().max_items,
    max_bytes: int = FetchLimits().max_bytes,
    declared: str | None = None,
    base_url: str | None = None,
) -> ParsedListing:
    """The links of a sitemap or the child sitemaps of an index (module docstring). Raises ``FeedError``
    ("not a sitemap: ...", "refused: entity declaration ...", "malformed XML ...") or ``FetchError`` (a
    gzipped body over ``max_bytes``)."""
    if not isinstance(body, bytes):
        raise TypeError("parse_sitemap reads bytes only, never a path or a URL")
    body = _inflated(body, max_bytes)
    if not body or body.isspace():
        raise FeedError("empty body")
    try:
        encoding = choose_encoding(body, declared=declared)
    except DecodeError as error:
        raise FeedError(error.reason) from error
    result = ParsedListing(kind="sitemap")
    reader = _SitemapReader(max_items=max_items, base_url=base_url, result=result)
    try:
        for text in iter_decoded(body, encoding):
            reader.parser.Parse(text, False)
        reader.parser.Parse("", True)
    except _StopReading:
        pass
    except DecodeError as error:
        raise FeedError(error.reason) from error
    except expat.ExpatError as error:
        where = f"malformed XML at line {error.lineno}, column {error.offset + 1}: {expat.ErrorString(error.code)}"
        if not result.links and not result.sitemaps:
            raise FeedError(where) from error
    if reader.root is None:
        raise FeedError("not a sitemap: no XML element")
    return result


def _same_site(host: str, other: str) -> bool:
    return host.removeprefix("www.") == other.removeprefix("www.")


def parse_listing_page(html: str, *, base_url: str, max_items: int = FetchLimits().max_items) -> ParsedListing:
    """The article links of an HTML listing page (module docstring): links to the same site, not the page
    itself, whose path looks like an article's (a number of three digits or more, or /news/...) and not like
    a section, tag, search or file. Raises ``InputError`` for a page that cannot be parsed."""
    tree = parse_page(html)
    host = (urlsplit(base_url).hostname or "").lower()
    here = base_url.split("#", 1)[0].rstrip("/")
    result = ParsedListing(kind="listing page")
    seen: set[str] = set()
    for anchor in tree.iter("a"):
        url = safe_link(anchor.get("href"), base=base_url)
        if url is None:
            if anchor.get("href"):
                result.dropped += 1
            continue
        url = url.split("#", 1)[0]
        parts = urlsplit(url)
        if not _same_site((parts.hostname or "").lower(), host) or url.rstrip("/") == here or url in seen:
            continue
        if _NOT_ARTICLE.search(parts.path) or not _ARTICLE_HINT.search(parts.path):
            continue
        if len(result.links) >= max_items:
            result.truncated = True
            break
        seen.add(url)
        title = " ".join(anchor.text_content().split())[:500]
        result.links.append(ListedLink(url=url, title=title))
    return result


__all__ = ["InputError", "ListedLink", "ParsedListing", "is_sitemap", "parse_listing_page", "parse_sitemap"]
