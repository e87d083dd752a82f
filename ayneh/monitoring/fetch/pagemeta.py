"""What an HTML page says about itself: parsed safely, its canonical address, its publication time.

Shared by ``extract`` (article pages) and ``archives`` (saved pages), without importing trafilatura.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator

import lxml.html
from lxml import etree

from ayneh.monitoring.fetch.dates import parse_published
from ayneh.monitoring.fetch.errors import ExtractError
from ayneh.monitoring.fetch.urls import safe_link

MAX_JSON_LD_CHARS = 200_000
_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "dc.date.issued",
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_CANONICAL = (
    "//link[translate(@rel,'CANONICAL','canonical')='canonical']/@href"
    " | //meta[@property='og:url' or @name='og:url']/@content"
    " | //meta[@property='og:url' or @name='og:url']/@value"
)


def published_time(tree: lxml.html.HtmlElement) -> dt.datetime | None:
    """The page's publication time from its metadata: meta tags first, then JSON-LD ``datePublished``."""
    return _published_from_meta(tree) or _published_from_json_ld(tree)


def parse_page(html: str) -> lxml.html.HtmlElement:
    """The page as lxml sees it, with comments dropped; refused if libxml2 hit one of its resource limits."""
    parser = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True)
    try:
        tree = lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1), parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise ExtractError(f"unparseable page: {error}") from error
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT":
            raise ExtractError(f"nesting too deep: {entry.message.split(',')[0]}")
    return tree


def canonical_link(tree: lxml.html.HtmlElement, url: str | None) -> str | None:
    """The page's own address (canonical link, then ``og:url``) resolved against ``url``; else ``url``."""
    for href in tree.xpath(_CANONICAL):
        link = safe_link(str(href), base=url) if url else safe_link(str(href))
        if link is not None:
            return link
    return safe_link(url) if url else None


def _published_from_meta(tree: lxml.html.HtmlElement) -> dt.datetime | None:
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        value = meta.get("content") or meta.get("value")
        if key in _PUBLISHED_META and value and key not in values:
            values[key] = value
        itemprop = (meta.get("itemprop") or "").strip().lower()
        if itemprop == "datepublished" and value and itemprop not in values:
            values[itemprop] = value
    for key in _PUBLISHED_META:
        if key in values and (moment := parse_published(values[key])) is not None:
            return moment
    return None


def _published_from_json_ld(tree: lxml.html.HtmlElement) -> dt.datetime | None:
    """``datePublished`` from the page's schema.org JSON-LD blocks (Tasnim carries its time only there)."""
    for script in tree.xpath("//script[@type='application/ld+json']"):
        source = script.text or ""
        if len(source) > MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(source)
        except ValueError:
            continue
        for value in _json_values(data, "datePublished"):
            if isinstance(value, str) and (moment := parse_published(value)) is not None:
                return moment
    return None


def _json_values(data: object, key: str, depth: int = 0) -> Iterator[object]:
    """Every value under ``key`` in nested JSON (``@graph`` lists included), a few levels deep."""
    if depth > 4:
        return
    if isinstance(data, dict):
        if key in data:
            yield data[key]
        for value in data.values():
            yield from _json_values(value, key, depth + 1)
    elif isinstance(data, list):
        for value in data:
            yield from _json_values(value, key, depth + 1)
