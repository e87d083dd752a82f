"""From an incoming record to an article ready to store: checked, keyed, normalised and analysed.

This is the CPU-heavy half of ingestion and touches the database not at all (the registry and outlet
directory are passed in), so it runs outside the write transaction: on SQLite a write transaction holds the
database's one write lock, and analysis must not hold it.

A record that cannot become an article raises `RecordRejected` with a reason a person can act on; the
pipeline records it as an `ArticleFailure` and goes on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from django.utils import timezone

from ayneh.monitoring.fetch.errors import InputError
from ayneh.monitoring.fetch.extract import extract_article
from ayneh.monitoring.fetch.urls import canonical_url
from ayneh.monitoring.registry import outlet_key
from ayneh.monitoring.versions import matching_text
from ayneh.text.analyze import Analysis, analyse
from ayneh.text.minhash import Sketches
from ayneh.text.normalize import ZWNJ, normalize
from ayneh.text.registry import Registry

# A news article is a few thousand characters; a record far beyond this is a page dump or an attack, and
# analysing it would stall the batch.
MAX_TEXT_CHARS = 200_000
MAX_URL_CHARS = 2_000
MAX_TITLE_CHARS = 500


class RecordRejected(Exception):
    """The record cannot be stored; `reason` says why (shown to the administrator as written)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class IncomingArticle:
    """One article as a source delivers it: an archive line, a feed item with its page, a saved page.

    `text` is the article's plain text; when it is empty, `html` is the page and the main text is
    extracted from it. `outlet_name` is the outlet the record names, if any. `position` is where the
    record is in its archive (a line number), for failures a person can find.
    """

    url: str
    title: str = ""
    text: str = ""
    html: str = ""
    published: dt.datetime | None = None
    outlet_name: str = ""
    position: int | None = None


@dataclass(frozen=True, slots=True)
class RecordFailure:
    """A record that failed before it became an `IncomingArticle` (unreadable line, bad JSON, ...)."""

    reason: str
    url: str = ""
    position: int | None = None


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    """An article ready to store. `outlet_id` is None when neither the record nor the batch names a known
    outlet (the store resolves it from «به گزارش X» or rejects it). `matching` is the text versions and
    pickups compare (`versions.matching_text`); `sketch` its sketch, made once per chunk by
    `services.chunk_prepare` (None until then)."""

    url: str
    canonical_url: str
    url_key: str
    content_hash: str
    title: str
    text: str
    text_normalized: str
    published_at: dt.datetime | None
    analysis: Analysis
    outlet_id: int | None
    matching: str = ""
    sketch: Sketches | None = None


def content_hash(text_normalized: str) -> str:
    """SHA-256 of the normalised text with case, ZWNJ and all spacing removed: the same words arriving
    through two feeds hash alike even when one wrote Arabic ي/ك, other digits, «میشود» for «می‌شود» or
    «راه اندازی» for «راه‌اندازی» (normalisation unifies letters and digits; the rest is dropped here)."""
    folded = "".join(text_normalized.lower().replace(ZWNJ, "").split())
    return hashlib.sha256(folded.encode()).hexdigest()


def url_key(canonical: str) -> str:
    return hashlib.sha256(canonical.encode()).hexdigest()


def _checked_url(url: str) -> str:
    url = url.strip()
    if not url:
        raise RecordRejected("no address (url) in the record")
    if len(url) > MAX_URL_CHARS:
        raise RecordRejected(f"address longer than {MAX_URL_CHARS} characters")
    return url


def _article_text(record: IncomingArticle) -> tuple[str, str, dt.datetime | None]:
    """(title, text, published) of the record, extracting the main text from its page when needed."""
    title, text, published = record.title, record.text, record.published
    if not text.strip() and record.html.strip():
        try:
            extracted = extract_article(record.html, url=record.url)
        except InputError as exc:
            raise RecordRejected(f"no article text could be extracted: {exc.reason}") from exc
        text = extracted.text
        title = title or (extracted.title or "")
        published = published or extracted.published
    if not text.strip():
        raise RecordRejected("empty text")
    if len(text) > MAX_TEXT_CHARS:
        raise RecordRejected(f"text longer than {MAX_TEXT_CHARS:,} characters")
    if published is not None and timezone.is_naive(published):
        raise RecordRejected("publication time without a time zone")
    return title.strip()[:MAX_TITLE_CHARS], text.strip(), published


def prepare_article(
    record: IncomingArticle,
    *,
    registry: Registry,
    outlets: dict[str, int],
    default_outlet_id: int | None = None,
) -> PreparedArticle:
    """Check, key, normalise and analyse one record (see the module docstring).

    The outlet is, in order: the one the record names (by name or alias), else `default_outlet_id` (the
    source's or the batch's). A record naming an outlet Ayneh does not know is rejected rather than filed
    under another outlet.
    """
    url = _checked_url(record.url)
    try:
        canonical = canonical_url(url)
    except InputError as exc:  # not http(s), no host, credentials in it ...
        raise RecordRejected(f"address refused: {exc.reason}") from exc
    title, text, published = _article_text(record)
    outlet_id = default_outlet_id
    if name := record.outlet_name.strip():
        outlet_id = outlets.get(outlet_key(name))
        if outlet_id is None:
            raise RecordRejected(f"unknown outlet «{name[:100]}»: register it (or an alias) first")
    local_day = timezone.localtime(published).date() if published else None
    normalized = normalize(text)
    return PreparedArticle(
        url=url,
        canonical_url=canonical,
        url_key=url_key(canonical),
        content_hash=content_hash(normalized),
        title=title,
        text=text,
        text_normalized=normalized,
        published_at=published,
        analysis=analyse(text, published=local_day, registry=registry),
        outlet_id=outlet_id,
        matching=matching_text(title=title, text_normalized=normalized),
    )
