"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds read from bytes — never from a path or a URL — safely and in a stream.

How it reads:

- **Bytes only.** ``parse_feed`` takes the body a fetch returned; there is no code path that opens a file
  or a URL (feedparser's ``parse`` does both when handed a string).
- **Streaming, capped.** expat (C) reads the body in pieces; only the item being read is held as a small
  tree, turned into a ``FeedItem`` at its end tag and dropped. Reading stops at ``max_items`` items
  (``truncated=True``), so a 100,000-item feed costs the items kept, not the document.
- **No entities.** Any ``<!ENTITY>`` declaration — the "billion laughs" expansion and external entities
  (``SYSTEM "file:///etc/passwd"``) alike — refuses the whole feed with ``FeedError``; nothing is expanded
  or loaded. A ``<!DOCTYPE>`` without entity declarations is fine (old RSS 0.91 feeds carry one).
- **One bad item fails alone.** An item without a usable link, or empty, becomes an ``ItemError`` at its
  index; the rest are read. If the XML itself breaks mid-feed (a bare «&», an HTML entity like «&nbsp;» that
  XML does not know, an unclosed tag), what came before is kept, the rest is read again by libxml2's
  recovering parser (bare «&» escaped and HTML entities turned into character references first, entities
  never resolved, no network) and ``malformed`` says where the XML broke.
- **Links:** only http(s) links are kept (``javascript:``, ``data:``, ``file:`` dropped), relative ones
  resolved against ``base_url``. ``summary_html`` is cleaned with nh3 (no scripts, no ``javascript:`` URLs).
- **Dates** go through ``dates.parse_published``: a Jalali «۱۴۰۲/۱۲/۲۹» is read as Jalali, an impossible
  one gives ``published=None``, never a Gregorian year 1402.
- **Encoding** by ``decode.choose_encoding`` (BOM, UTF-8 validity, HTTP ``declared`` charset, the XML
  declaration, detection, windows-1256 retry); expat is given text, so a wrong declaration cannot mislead it.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.entities import name2codepoint
from typing import Any, Protocol
from xml.etree.ElementTree import TreeBuilder
from xml.parsers import expat

import nh3
from lxml import etree

from ayneh.monitoring.fetch.dates import parse_published
from ayneh.monitoring.fetch.decode import choose_encoding, iter_decoded
from ayneh.monitoring.fetch.errors import DecodeError, FeedError
from ayneh.monitoring.fetch.limits import FetchLimits, describe_size
from ayneh.monitoring.fetch.urls import safe_link

__all__ = ["FeedError", "FeedItem", "ItemError", "ParsedFeed", "parse_feed"]

MAX_DEPTH = 64  # deeper than any real feed; an item nested deeper fails alone
MAX_RECOVERY_BYTES = 16 * 1024 * 1024  # the lenient re-read holds the document: only for fetch-sized bodies
FEED_ROOTS = frozenset({"rss", "RDF", "feed"})
ITEM_NAMES = frozenset({"item", "entry"})
CONTAINER_NAMES = frozenset({"channel", "feed"})

ATOM = "http://www.w3.org/2005/Atom"
CONTENT_ENCODED = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC_DATE = "{http://purl.org/dc/elements/1.1/}date"
RDF_ABOUT = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"

_XML_PREDEFINED = frozenset({"amp", "lt", "gt", "quot", "apos"})
_NAMED_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]{1,31});")
_BARE_AMPERSAND = re.compile(r"&(?![A-Za-z][A-Za-z0-9]*;|#[0-9]+;|#x[0-9A-Fa-f]+;)")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_LOOKS_LIKE_HTML = re.compile(rb"<!doctype\s+html|<html[\s>]", re.IGNORECASE)
_MARKUP = re.compile(r"[<&]")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One story in a feed. ``url`` is an absolute http(s) URL (not canonicalised); ``summary_html`` is
    sanitised HTML (the full ``content:encoded``/Atom content when present, else the description/summary);
    ``published`` is aware UTC or None."""

    guid: str | None
    url: str
    title: str
    summary_html: str
    published: dt.datetime | None


@dataclass(frozen=True, slots=True)
class ItemError:
    """The item at ``index`` (0-based, in document order) could not be read, and why."""

    index: int
    reason: str


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed's title and items; ``errors`` for the items that failed; ``truncated`` when ``max_items``
    stopped the reading; ``malformed`` the XML error after which the rest was read in recovery mode."""

    title: str | None
    items: list[FeedItem]
    errors: list[ItemError]
    truncated: bool
    malformed: str | None = None


def parse_feed(
    body: bytes,
    *,
    max_items: int = FetchLimits().max_items,
    declared: str | None = None,
    base_url: str | None = None,
) -> ParsedFeed:
    """Read a feed body (see the module docstring). ``declared`` is the HTTP charset, ``base_url`` the
    feed's address for relative links.

    Raises ``FeedError`` for a body that is no feed at all: "empty body", "not a feed: an HTML page",
    "not a feed: root element <x>", "refused: entity declaration ...", "malformed XML at line L, column C:
    ..." (before any item), "undecodable ...".
    """
    if not isinstance(body, bytes | bytearray | memoryview):
        raise TypeError("parse_feed reads bytes only, never a path or a URL")
    if not isinstance(body, bytes):
        body = bytes(body)  # a bytearray or memoryview; a bytes body is never copied (it may be 50 MB)
    if not body or body.isspace():  # not body.strip(): that would copy a 50 MB body to look at its ends
        raise FeedError("empty body")
    try:
        encoding = choose_encoding(body, declared=declared)
    except DecodeError as error:
        raise FeedError(error.reason) from error
    reader = _StreamingReader(max_items=max_items, base_url=base_url)
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
        if reader.root is None:
            raise FeedError(_not_xml_reason(body, where)) from error
        return _recovered(body, encoding, reader, where, max_items, base_url)
    if reader.root is None:
        raise FeedError("not a feed: no XML element")
    return ParsedFeed(reader.feed_title, reader.items, reader.errors, reader.truncated)


def _not_xml_reason(body: bytes, where: str) -> str:
    """Why a body that broke before its first element is no feed: HTML and JSON named as such."""
    head = body[:4096]
    if _LOOKS_LIKE_HTML.search(head):
        return "not a feed: an HTML page"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"[")):
        return "not a feed: JSON (JSON Feed is not read)"
    return where


# --- the streaming pass -------------------------------------------------------------------------------


class _StopReading(Exception):
    """Raised from a handler to end the parse early (max_items reached)."""


class _StreamingReader:
    """expat handlers that keep only the current item as a small ElementTree and turn it into a FeedItem."""

    def __init__(self, *, max_items: int, base_url: str | None) -> None:
        self.max_items = max_items
        self.base_url = base_url
        self.items: list[FeedItem] = []
        self.errors: list[ItemError] = []
        self.truncated = False
        self.root: str | None = None
        self.feed_title: str | None = None
        self._started = 0  # items begun, including failed ones
        self._depth = 0
        self._outside: list[str] = []  # local names of the open elements outside any item
        self._builder: TreeBuilder | None = None
        self._item_depth = 0
        self._item_problem: str | None = None
        self._title_parts: list[str] | None = None
        self._names: dict[str, str] = {}
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.buffer_text = True
        parser.buffer_size = 256 * 1024
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._data
        parser.EntityDeclHandler = _refuse_entity_declaration
        parser.UnparsedEntityDeclHandler = _refuse_unparsed_entity
        parser.ExternalEntityRefHandler = _refuse_external_reference
        self.parser = parser

    def _clark(self, name: str) -> str:
        """expat's "uri local" as ElementTree's "{uri}local" (memoised: a feed repeats a few names)."""
        clark = self._names.get(name)
        if clark is None:
            uri, _, local = name.rpartition(" ")
            clark = f"{{{uri}}}{local}" if uri else local
            self._names[name] = clark
        return clark

    def _start(self, name: str, attributes: dict[str, str]) -> None:
        self._depth += 1
        local = name.rpartition(" ")[2]
        if self.root is None:
            self.root = local
            if local not in FEED_ROOTS:
                raise FeedError(
                    "not a feed: an HTML page" if local == "html" else f"not a feed: root element <{local}>"
                )
        if self._builder is not None:
            if self._depth - self._item_depth > MAX_DEPTH:
                self._item_problem = f"nested deeper than {MAX_DEPTH} elements"
                return
            self._builder.start(self._clark(name), {self._clark(k): v for k, v in attributes.items()})
            return
        if self._depth > MAX_DEPTH:
            raise FeedError(f"not a feed: nested deeper than {MAX_DEPTH} elements")
        if local in ITEM_NAMES:
            if self._started >= self.max_items:
                self.truncated = True
                raise _StopReading
            self._started += 1
            self._builder = TreeBuilder()
            self._item_depth = self._depth
            self._item_problem = None
            self._builder.start(self._clark(name), {self._clark(k): v for k, v in attributes.items()})
            return
        if local == "title" and self.feed_title is None and self._outside and self._outside[-1] in CONTAINER_NAMES:
            self._title_parts = []
        self._outside.append(local)

    def _data(self, text: str) -> None:
        if self._builder is not None:
            if self._depth - self._item_depth <= MAX_DEPTH:
                self._builder.data(text)
        elif self._title_parts is not None:
            self._title_parts.append(text)

    def _end(self, name: str) -> None:
        builder = self._builder
        if builder is not None:
            if self._depth - self._item_depth <= MAX_DEPTH:
                builder.end(self._clark(name))
            if self._depth == self._item_depth:
                element = builder.close()
                self._builder = None
                self._take(element)
        else:
            self._outside.pop()
            if self._title_parts is not None:
                self.feed_title = _plain_text("".join(self._title_parts)) or None
                self._title_parts = None
        self._depth -= 1

    def _take(self, element: Any) -> None:
        index = self._started - 1
        if self._item_problem is not None:
            self.errors.append(ItemError(index, self._item_problem))
            return
        _collect(element, index, self.base_url, self.items, self.errors)


def _refuse_entity_declaration(
    name: str, is_parameter: int, value: str | None, base: str | None, system_id: str | None, *_: object
) -> None:
    kind = "parameter entity" if is_parameter else "entity"
    where = f' SYSTEM "{system_id}"' if system_id else ""
    raise FeedError(f"refused: {kind} declaration <!ENTITY {name}{where}> (entities are never expanded or loaded)")


def _refuse_unparsed_entity(name: str, *_: object) -> None:
    raise FeedError(f"refused: unparsed entity declaration <!ENTITY {name}>")


def _refuse_external_reference(context: str | None, base: str | None, system_id: str | None, *_: object) -> int:
    raise FeedError(f"refused: external entity {system_id}")


# --- the recovery pass --------------------------------------------------------------------------------


def _recovered(
    body: bytes, encoding: str, reader: _StreamingReader, where: str, max_items: int, base_url: str | None
) -> ParsedFeed:
    """The items before the break as read, the rest from libxml2's recovering parser."""
    items, errors, done = reader.items, reader.errors, len(reader.items) + len(reader.errors)
    if len(body) > MAX_RECOVERY_BYTES:
        note = f"{where}; the rest was not read (over {describe_size(MAX_RECOVERY_BYTES)})"
        return ParsedFeed(reader.feed_title, items, errors, False, note)
    text = _XML_DECLARATION.sub("", body.decode(encoding, errors="replace").removeprefix("\ufeff"), count=1)
    text = _BARE_AMPERSAND.sub("&amp;", _NAMED_ENTITY.sub(_numeric_reference, text))
    truncated = False
    index = 0
    events = etree.iterparse(
        io.BytesIO(text.encode("utf-8")),
        events=("end",),
        tag=("item", "entry", "{*}item", "{*}entry"),
        encoding="utf-8",
        recover=True,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        for _, element in events:
            if index >= max_items:
                truncated = True
                break
            if index >= done:
                _collect(element, index, base_url, items, errors)
            index += 1
            element.clear(keep_tail=False)
            while element.getprevious() is not None:
                del element.getparent()[0]
    except etree.XMLSyntaxError as error:  # recovery gave up too: keep what both passes read
        where = f"{where}; recovery stopped: {error.msg}"
    if not items and not errors:
        raise FeedError(where)
    return ParsedFeed(reader.feed_title, items, errors, truncated, f"{where}; the rest was read in recovery mode")


def _numeric_reference(match: re.Match[str]) -> str:
    """«&nbsp;» → «&#160;»: HTML's named entities, which XML does not define, as character references."""
    name = match.group(1)
    if name in _XML_PREDEFINED or name not in name2codepoint:
        return match.group(0)
    return f"&#{name2codepoint[name]};"


# --- one item -----------------------------------------------------------------------------------------


class _Element(Protocol):
    """What both ElementTree and lxml elements offer, all this module uses."""

    tag: Any
    text: str | None
    tail: str | None
    attrib: Any

    def __iter__(self) -> Any: ...
    def get(self, key: str, default: str | None = None) -> str | None: ...
    def itertext(self) -> Iterable[str]: ...


@dataclass
class _Fields:
    title: _Element | None = None
    links: list[str] = field(default_factory=list)
    guid: str | None = None
    guid_is_link: bool = False
    content: _Element | None = None
    summary: _Element | None = None
    dates: list[str] = field(default_factory=list)


class _ItemProblem(ValueError):
    """Why one item cannot be read; becomes that item's ItemError."""


def read_item(element: _Element, base_url: str | None) -> FeedItem:
    """A FeedItem from one ``<item>``/``<entry>`` element (ElementTree or lxml); ``ValueError`` says why not."""
    fields = _fields_of(element)
    url = next((link for href in fields.links if (link := safe_link(href, base=base_url)) is not None), None)
    if url is None and fields.guid_is_link and fields.guid:
        url = safe_link(fields.guid, base=base_url)
    if url is None:
        offered = fields.links + ([fields.guid] if fields.guid_is_link and fields.guid else [])
        if offered:
            raise _ItemProblem(f"no http(s) link (dropped: {', '.join(_scheme_of(href) for href in offered)})")
        raise _ItemProblem("no link")
    title = _plain_text(_text_of(fields.title)) if fields.title is not None else ""
    body = fields.content if fields.content is not None else fields.summary
    summary_html = nh3.clean(_html_of(body)) if body is not None else ""
    if not title and not summary_html.strip():
        raise _ItemProblem("empty item: no title and no summary")
    published = next((moment for value in fields.dates if (moment := parse_published(value)) is not None), None)
    return FeedItem(guid=fields.guid, url=url, title=title, summary_html=summary_html, published=published)


def _fields_of(element: _Element) -> _Fields:
    fields = _Fields(guid=element.get(RDF_ABOUT))
    for child in element:
        if not isinstance(child.tag, str):
            continue  # lxml comments and processing instructions
        namespace, local = _split(child.tag)
        is_atom = namespace == ATOM
        if local == "title" and fields.title is None and namespace in ("", ATOM, "http://purl.org/rss/1.0/"):
            fields.title = child
        elif local == "link" and is_atom:
            if child.get("rel", "alternate") == "alternate" and child.get("href"):
                fields.links.append(child.get("href") or "")
        elif local == "link" and (child.text or "").strip():
            fields.links.append((child.text or "").strip())
        elif local == "guid" or (local == "id" and is_atom):
            fields.guid = (child.text or "").strip() or fields.guid
            fields.guid_is_link = local == "guid" and child.get("isPermaLink", "true").lower() == "true"
        elif child.tag == CONTENT_ENCODED or (local == "content" and is_atom):
            fields.content = fields.content if fields.content is not None else child
        elif local in ("description", "summary"):
            fields.summary = fields.summary if fields.summary is not None else child
        elif local in ("pubDate", "published", "updated", "issued", "modified") or child.tag == DC_DATE:
            fields.dates.append((child.text or "").strip())
    return fields


def _collect(
    element: _Element, index: int, base_url: str | None, items: list[FeedItem], errors: list[ItemError]
) -> None:
    """Reads one item into ``items``, or its failure into ``errors``: one item never stops the rest."""
    try:
        items.append(read_item(element, base_url))
    except ValueError as problem:
        errors.append(ItemError(index, str(problem)))


def _split(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return "", tag


def _scheme_of(href: str) -> str:
    head = href.strip().split(":", 1)
    return f"{head[0].lower()}:" if len(head) == 2 and head[0].isalpha() else "not a URL"


def _text_of(element: _Element) -> str:
    """Atom ``type="html"``/``"xhtml"`` titles are markup; RSS titles are text that may carry markup."""
    if element.get("type") == "xhtml":
        return _inner_markup(element)
    return "".join(element.itertext())


def _html_of(element: _Element) -> str:
    """The HTML a description/content element carries: escaped markup as text, inline XHTML, or plain text."""
    kind = element.get("type", "html")
    if kind == "xhtml" or any(isinstance(child.tag, str) for child in element):
        return _inner_markup(element)
    text = element.text or ""
    if kind == "text":
        return html.escape(text)
    return text


def _inner_markup(element: _Element) -> str:
    """An element's content as HTML: children written back with local names (namespaces dropped)."""
    parts = [html.escape(element.text or "", quote=False)]
    for child in element:
        if isinstance(child.tag, str):
            local = _split(child.tag)[1]
            attributes = "".join(
                f' {_split(key)[1]}="{html.escape(value)}"'
                for key, value in child.attrib.items()
                if isinstance(key, str)
            )
            parts.append(f"<{local}{attributes}>{_inner_markup(child)}</{local}>")
        parts.append(html.escape(child.tail or "", quote=False))
    return "".join(parts)


def _plain_text(text: str) -> str:
    """Markup stripped, entities decoded, whitespace folded: what a title should show."""
    if _MARKUP.search(text):
        text = html.unescape(nh3.clean(text, tags=set()))
    return _SPACES.sub(" ", text).strip()
