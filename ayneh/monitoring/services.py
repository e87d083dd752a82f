"""Monitoring writes: outlets, ingestion batches, storing articles once, pickups and their decisions.

Storing is chunked, in two steps:

- `chunk_prepare` (no transaction, on several workers at once) does everything that depends only on the
  records themselves and on the releases: analysis, keys, the near-duplicate sketch (and its packed form for
  `Article.sketch`), people, quotes and offices named, pickup matching with its evidence, and the search
  facets (`ArticleRows`).
- `chunk_store` (one transaction, one chunk at a time in archive order when a batch is fanned out) does
  only what depends on the articles stored before: the cursor's compare-and-set, deduplication, version
  groups, and the inserts — the rows `chunk_prepare` worked out are written for the articles actually
  inserted. It is kept short because it is the part that does not run in parallel (and, on SQLite, holds
  the database's one write lock).

The chunk and the batch's new cursor commit together, so a crash loses at most the chunk in progress and
a restart redoes exactly that chunk. "Stored once" is a database fact — `Article.url_key` is unique, and
so is (outlet, content hash) — so two workers, a retried chunk or two feeds carrying one article cannot
store it twice: duplicates are filtered by one query up front, and a row another process committed in the
meantime is caught by its IntegrityError and counted as a duplicate.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from ayneh.core.audit import audit_log
from ayneh.monitoring.models import (
    RESUMABLE_BATCH_STATUSES,
    Article,
    ArticleFailure,
    BatchStatus,
    IngestBatch,
    Mention,
    OfficeMention,
    Outlet,
    OutletAlias,
    Pickup,
    PickupStatus,
    Quote,
    Source,
    SourceKind,
)
from ayneh.monitoring.officementions import office_mentions_find
from ayneh.monitoring.pickups import ArticleForMatching, pickup_evidence, release_index, release_plain_text
from ayneh.monitoring.prepare import IncomingArticle, PreparedArticle, RecordFailure, RecordRejected, prepare_article
from ayneh.monitoring.registry import office_registry, outlet_directory, outlet_key
from ayneh.monitoring.search import ArticleFacets, articles_index_prepared
from ayneh.monitoring.versions import matching_sketches, matching_text, sketch_pack, version_index
from ayneh.newsroom.models import Release
from ayneh.offices.access import user_can
from ayneh.offices.roles import Action
from ayneh.search.terms import index_tokens
from ayneh.text.minhash import Sketches
from ayneh.text.registry import Registry

logger = logging.getLogger(__name__)


NO_OUTLET_REASON = "no outlet: the record names none, and its credit line names no outlet Ayneh knows"


class BatchConflict(Exception):
    """The batch is not in a state that allows this (finished, or another worker moved its cursor)."""


class PickupConflict(Exception):
    """The pickup was decided by someone else in the meantime."""


# --- outlets ---------------------------------------------------------------------------------------------


def outlet_create(
    *,
    name: str,
    tier: str,
    site: str = "",
    province: str = "",
    aliases: Sequence[str] = (),
    is_demo: bool = False,
    actor: Any = None,
) -> Outlet:
    """Register an outlet and the other names news text gives it."""
    with transaction.atomic():
        outlet = Outlet.objects.create(name=name.strip(), tier=tier, site=site, province=province, is_demo=is_demo)
        OutletAlias.objects.bulk_create(
            OutletAlias(outlet=outlet, text=text.strip()) for text in dict.fromkeys(aliases) if text.strip()
        )
        audit_log(action="monitoring.outlet.created", actor=actor, target=outlet, data={"name": outlet.name})
    return outlet


# --- sources ---------------------------------------------------------------------------------------------

# "Items per day" counts a source's articles over this window.
ITEMS_PER_DAY_WINDOW = dt.timedelta(days=7)


def source_health_record(
    *,
    source: Source,
    error: str | None = None,
    warning: str | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
) -> Source:
    """Record how a fetch of `source` went and schedule its next one. A failed fetch keeps the old ETag
    (the next fetch reads the whole feed again); a successful one may still carry a `warning` (a feed cut at
    the item limit), kept as the last error. Health is operational state, not a person's change: no audit
    row."""
    now = timezone.now()
    fields: dict[str, Any] = {"next_fetch_at": now + source.fetch_interval}
    if error is not None:
        fields |= {"last_error_at": now, "last_error": error[:2000]}
    else:
        recent = Article.objects.filter(source=source, fetched_at__gte=now - ITEMS_PER_DAY_WINDOW).count()
        fields |= {"last_success_at": now, "items_per_day": recent / ITEMS_PER_DAY_WINDOW.days}
        if etag is not None:
            fields["etag"] = etag[:255]
        if last_modified is not None:
            fields["last_modified"] = last_modified[:64]
        if warning is not None:
            fields |= {"last_error_at": now, "last_error": warning[:2000]}
    Source.objects.filter(pk=source.pk).update(**fields)
    source.refresh_from_db()
    return source


def sources_claim_due(*, now: dt.datetime | None = None, limit: int = 100) -> list[int]:
    """Claim the enabled sources fetched by address (feeds, sitemaps and listing pages) due for a fetch
    (never fetched, or past their next fetch time), by
    moving each one's next fetch time forward with a compare-and-set: of two schedulers, one claims a
    source. Returns the claimed ids."""
    now = now or timezone.now()
    due = (
        Source.objects.filter(enabled=True, kind__in=[SourceKind.FEED, SourceKind.SITEMAP])
        .filter(Q(next_fetch_at__isnull=True) | Q(next_fetch_at__lte=now))
        .order_by(F("next_fetch_at").asc(nulls_first=True), "id")
        .values_list("pk", "fetch_interval", "next_fetch_at")[:limit]
    )
    claimed: list[int] = []
    for pk, interval, seen in due:
        if Source.objects.filter(pk=pk, next_fetch_at=seen).update(next_fetch_at=now + interval):
            claimed.append(pk)
    return claimed


# --- batches ---------------------------------------------------------------------------------------------


def batch_create(
    *,
    kind: str,
    location: str,
    outlet: Outlet | None = None,
    source: Source | None = None,
    total: int | None = None,
    actor: Any = None,
) -> IngestBatch:
    """A pending batch over an archive (or a source's items), run by `ayneh.monitoring.pipeline.batch_run`."""
    with transaction.atomic():
        batch = IngestBatch.objects.create(
            kind=kind,
            location=location,
            outlet=outlet or (source.outlet if source else None),
            source=source,
            total=total,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        audit_log(
            action="monitoring.batch.created",
            actor=actor,
            target=batch,
            data={"kind": kind, "location": location, "outlet": batch.outlet.name if batch.outlet else None},
        )
    return batch


def batch_start(*, batch: IngestBatch) -> IngestBatch:
    """Mark a batch running (again): a waiting, interrupted, cancelled or failed batch continues from its
    cursor. A completed batch is a conflict."""
    now = timezone.now()
    with transaction.atomic():
        changed = IngestBatch.objects.filter(pk=batch.pk, status__in=sorted(RESUMABLE_BATCH_STATUSES)).update(
            status=BatchStatus.RUNNING,
            cancel_requested=False,
            error="",
            started_at=now,
            heartbeat_at=now,
            finished_at=None,
        )
        if not changed:
            raise BatchConflict(f"batch {batch.pk} cannot be started: it has completed")
        audit_log(action="monitoring.batch.started", target=batch, data={"cursor": batch.cursor})
    batch.refresh_from_db()
    return batch


def batch_cancel(*, batch: IngestBatch, actor: Any = None) -> IngestBatch:
    """Ask a batch to stop. A running batch stops after the chunk in progress (and stays resumable); a
    waiting one is cancelled at once."""
    with transaction.atomic():
        IngestBatch.objects.filter(pk=batch.pk, status=BatchStatus.PENDING).update(
            status=BatchStatus.CANCELLED, finished_at=timezone.now()
        )
        IngestBatch.objects.filter(pk=batch.pk, status=BatchStatus.RUNNING).update(cancel_requested=True)
        audit_log(action="monitoring.batch.cancel_requested", actor=actor, target=batch)
    batch.refresh_from_db()
    return batch


def batch_finish(*, batch: IngestBatch, status: str, error: str = "") -> IngestBatch:
    """Record how a running batch ended (completed, cancelled or failed)."""
    with transaction.atomic():
        IngestBatch.objects.filter(pk=batch.pk, status=BatchStatus.RUNNING).update(
            status=status, error=error[:2000], finished_at=timezone.now(), cancel_requested=False
        )
        batch.refresh_from_db()
        audit_log(
            action=f"monitoring.batch.{status}",
            target=batch,
            data={
                "cursor": batch.cursor,
                "created": batch.created_count,
                "duplicates": batch.duplicate_count,
                "failed": batch.failed_count,
                "pickups": batch.pickup_count,
                "error": error[:500],
            },
        )
    return batch


def batch_cancel_requested(*, batch: IngestBatch) -> bool:
    return IngestBatch.objects.filter(pk=batch.pk, cancel_requested=True).exists()


# --- storing articles ------------------------------------------------------------------------------------


@dataclass(slots=True)
class ChunkResult:
    """What storing a chunk did. `articles` are the rows created, in record order."""

    articles: list[Article] = field(default_factory=list)
    duplicates: list[PreparedArticle] = field(default_factory=list)
    failures: list[ArticleFailure] = field(default_factory=list)
    pickups: list[Pickup] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ArticleRows:
    """Everything storing an article writes that does not depend on what was stored before it, worked out
    by `chunk_prepare` (in parallel, outside any transaction): the row's computed fields, the people,
    quotes, offices named and pickups (rows without their article yet), and the search facets. Only the
    rows of articles actually inserted are written."""

    outlet_id: int
    source_office_id: int | None
    fetched_at: dt.datetime
    analysis: dict[str, Any]
    sketch: bytes
    mentions: list[Mention]
    quotes: list[Quote]
    offices: list[OfficeMention]
    pickups: list[Pickup]
    facets: list[str]
    search_tokens: list[str]

    @property
    def entities(self) -> list[Mention | Quote | OfficeMention | Pickup]:
        return [*self.mentions, *self.quotes, *self.offices, *self.pickups]


@dataclass(frozen=True, slots=True)
class ChunkItem:
    """A record of a chunk after preparation: its position (in its archive, else in the batch), what it
    became, and (for an article) its rows to store."""

    position: int | None
    outcome: PreparedArticle | RecordFailure
    rows: ArticleRows | None = None


def chunk_prepare(
    records: Sequence[IncomingArticle | RecordFailure],
    *,
    first_position: int | None,
    default_outlet_id: int | None,
) -> list[ChunkItem]:
    """Prepare every record of a chunk, outside any transaction: analysis, the near-duplicate sketch,
    people, quotes and offices named, pickup matching against the published releases and the search
    facets — everything storing needs that does not depend on the articles stored before (see
    `ArticleRows`). A record that fails becomes a RecordFailure; the others are not affected."""
    registry, office_ids = office_registry()
    outlets = outlet_directory()
    items: list[ChunkItem] = []
    for offset, record in enumerate(records):
        # The record's place in its archive (a line number) when the reader gives one, else in the batch.
        position = record.position
        if position is None and first_position is not None:
            position = first_position + offset
        if isinstance(record, RecordFailure):
            items.append(ChunkItem(position, record))
            continue
        try:
            article = prepare_article(record, registry=registry, outlets=outlets, default_outlet_id=default_outlet_id)
            outcome: PreparedArticle | RecordFailure = (
                article
                if _resolved_outlet(article, outlets) is not None
                else RecordFailure(NO_OUTLET_REASON, url=article.url, position=position)
            )
        except RecordRejected as exc:
            outcome = RecordFailure(exc.reason, url=record.url[:2000], position=position)
        except Exception as exc:  # one bad record must not stop the batch; the reason is kept
            logger.exception("monitoring: preparing %s failed", record.url)
            reason = f"unexpected error: {type(exc).__name__}: {exc}"[:1000]
            outcome = RecordFailure(reason, url=record.url[:2000], position=position)
        items.append(ChunkItem(position, outcome))
    return _with_rows(_sketched(items), registry=registry, office_ids=office_ids, outlets=outlets)


def _sketched(items: list[ChunkItem]) -> list[ChunkItem]:
    """The chunk's articles with their matching texts sketched, in one batch (grouping and pickup matching
    both use this one sketch)."""
    positions = [i for i, item in enumerate(items) if isinstance(item.outcome, PreparedArticle)]
    prepared = [items[i].outcome for i in positions]
    texts = [a.matching for a in prepared if isinstance(a, PreparedArticle)]
    for i, sketch in zip(positions, matching_sketches(texts).split(), strict=True):
        outcome = items[i].outcome
        if isinstance(outcome, PreparedArticle):  # always (positions picked them); narrows the type
            items[i] = ChunkItem(items[i].position, replace(outcome, sketch=sketch))
    return items


def _with_rows(
    items: list[ChunkItem], *, registry: Registry, office_ids: dict[str, int], outlets: dict[str, int]
) -> list[ChunkItem]:
    """The chunk's articles with their `ArticleRows` (a fixed number of queries per chunk)."""
    positions = [i for i, item in enumerate(items) if isinstance(item.outcome, PreparedArticle)]
    articles = [outcome for i in positions if isinstance(outcome := items[i].outcome, PreparedArticle)]
    if not articles:
        return items
    now = timezone.now()
    outlet_ids = [_resolved_outlet(article, outlets) or 0 for article in articles]  # resolved: never 0
    credited = [_credited_office_id(article, office_ids) for article in articles]
    sketches = _sketches_of(articles)
    packed = sketch_pack(sketches)
    seen = [article.published_at or now for article in articles]
    pickups = _pickup_rows(articles, sketches, outlet_ids=outlet_ids, credited=credited, seen=seen)
    facets = ArticleFacets.read(outlet_ids)
    for n, (i, article) in enumerate(zip(positions, articles, strict=True)):
        analysis = article.analysis.to_json()
        mentions, quotes, offices = _entity_rows(article, registry=registry, office_ids=office_ids)
        rows = ArticleRows(
            outlet_id=outlet_ids[n],
            source_office_id=credited[n],
            fetched_at=now,
            analysis=analysis,
            sketch=packed[n],
            mentions=mentions,
            quotes=quotes,
            offices=offices,
            pickups=pickups[n],
            facets=facets.of(outlet_id=outlet_ids[n], source_office_id=credited[n], analysis=analysis),
            search_tokens=index_tokens(article.title, article.text),
        )
        items[i] = ChunkItem(items[i].position, article, rows)
    return items


def _sketches_of(articles: Sequence[PreparedArticle]) -> Sketches:
    """The articles' sketches as one batch (sketching any that came without one)."""
    missing = [a for a in articles if a.sketch is None]
    made = iter(matching_sketches([_matching(a) for a in missing]).split() if missing else [])
    return Sketches.concatenate([a.sketch if a.sketch is not None else next(made) for a in articles])


def _matching(article: PreparedArticle) -> str:
    return article.matching or matching_text(title=article.title, text_normalized=article.text_normalized)


def _resolved_outlet(article: PreparedArticle, outlets: dict[str, int]) -> int | None:
    """The article's outlet, or the outlet its credit line names («به گزارش X») when the record gave none."""
    if article.outlet_id is not None:
        return article.outlet_id
    credited = article.analysis.outlet
    return outlets.get(outlet_key(credited)) if credited else None


def _credited_office_id(article: PreparedArticle, office_ids: dict[str, int]) -> int | None:
    attribution = article.analysis.attribution
    return office_ids.get(attribution.office.code) if attribution and attribution.office else None


def _new_articles(
    prepared: list[PreparedArticle], outlet_ids: list[int]
) -> tuple[list[tuple[PreparedArticle, int]], list[PreparedArticle]]:
    """Split a chunk's articles into those to store and duplicates (already stored, or earlier in the
    chunk), with one query per key."""
    stored_keys = set(
        Article.objects.filter(url_key__in=[a.url_key for a in prepared]).values_list("url_key", flat=True)
    )
    stored_contents = set(
        Article.objects.filter(content_hash__in=[a.content_hash for a in prepared]).values_list(
            "outlet_id", "content_hash"
        )
    )
    fresh: list[tuple[PreparedArticle, int]] = []
    duplicates: list[PreparedArticle] = []
    for article, outlet_id in zip(prepared, outlet_ids, strict=True):
        content = (outlet_id, article.content_hash)
        if article.url_key in stored_keys or content in stored_contents:
            duplicates.append(article)
            continue
        stored_keys.add(article.url_key)
        stored_contents.add(content)
        fresh.append((article, outlet_id))
    return fresh, duplicates


def _article_row(
    article: PreparedArticle,
    rows: ArticleRows,
    *,
    group: Any,
    source: Source | None,
    batch: IngestBatch | None,
    is_demo: bool,
) -> Article:
    attribution = article.analysis.attribution
    return Article(
        outlet_id=rows.outlet_id,
        source=source,
        batch=batch,
        url=article.url,
        canonical_url=article.canonical_url,
        url_key=article.url_key,
        content_hash=article.content_hash,
        title=article.title,
        text=article.text,
        text_normalized=article.text_normalized,
        published_at=article.published_at,
        fetched_at=rows.fetched_at,
        analysis=rows.analysis,
        source_office_id=rows.source_office_id,
        attribution_text=attribution.text if attribution else "",
        attribution_start=attribution.start if attribution else None,
        attribution_end=attribution.end if attribution else None,
        version_group=group,
        sketch=rows.sketch,
        is_demo=is_demo,
    )


def _insert_articles(rows: list[Article]) -> tuple[list[Article], list[Article]]:
    """Insert rows, all at once when none was stored meanwhile, else one by one: (inserted, lost races)."""
    try:
        with transaction.atomic():
            return Article.objects.bulk_create(rows), []
    except IntegrityError:
        pass
    inserted: list[Article] = []
    lost: list[Article] = []
    for row in rows:
        try:
            with transaction.atomic():
                row.save(force_insert=True)
            inserted.append(row)
        except IntegrityError:
            row.pk = None
            lost.append(row)
    return inserted, lost


# Rows per INSERT of office mentions: a chunk of a few hundred articles names a few offices each, well
# inside SQLite's and PostgreSQL's parameter limits per statement.
_OFFICE_MENTION_BATCH = 500


def _speaker_roles(article: PreparedArticle) -> dict[str, str]:
    return {person.name: person.role for person in article.analysis.persons if person.role}


def _entity_rows(
    prepared: PreparedArticle, *, registry: Registry, office_ids: dict[str, int]
) -> tuple[list[Mention], list[Quote], list[OfficeMention]]:
    """The article's people, quotes and offices named, as rows without their article."""
    analysis = prepared.analysis
    mentions = [
        Mention(name=p.name[:200], role=(p.role or "")[:300], start=p.start, end=p.end) for p in analysis.persons
    ]
    roles = _speaker_roles(prepared)
    quotes = [
        Quote(
            speaker=(q.speaker or "")[:300],
            speaker_role=((q.speaker if q.speaker_is_role else roles.get(q.speaker or "")) or "")[:300],
            text=q.text,
            verb=q.verb[:60],
            start=q.start,
            end=q.end,
        )
        for q in analysis.quotes
    ]
    offices = [
        OfficeMention(office_id=m.office_id, text=m.text, start=m.start, end=m.end)
        for m in office_mentions_find(analysis=analysis, text=prepared.text, registry=registry, office_ids=office_ids)
    ]
    return mentions, quotes, offices


def _pickup_rows(
    articles: Sequence[PreparedArticle],
    sketches: Sketches,
    *,
    outlet_ids: Sequence[int],
    credited: Sequence[int | None],
    seen: Sequence[dt.datetime],
) -> list[list[Pickup]]:
    """Each article's pickups (rows without their article), matched against the published releases: they
    depend only on the article and the releases, not on what was stored before it."""
    index = release_index()
    index.sync()
    found = index.matches(
        [ArticleForMatching(seen_at=at, credited_office_id=office) for at, office in zip(seen, credited, strict=True)],
        sketches,
    )
    release_ids = {match.release_id for matches in found for match in matches}
    if not release_ids:
        return [[] for _ in articles]
    releases = {
        pk: release_plain_text(title=title, lead=lead, body_html=body)
        for pk, title, lead, body in Release.objects.filter(id__in=release_ids).values_list(
            "id", "title", "lead", "body_html"
        )
    }
    rows: list[list[Pickup]] = []
    for position, (article, matches) in enumerate(zip(articles, found, strict=True)):
        attribution = article.analysis.attribution
        credit = (
            {"text": attribution.text, "start": attribution.start, "end": attribution.end}
            if attribution and attribution.text
            else None
        )
        own: list[Pickup] = []
        for match in matches:
            evidence = pickup_evidence(
                release_text=releases[match.release_id],
                article_text=article.text,
                attribution=credit,
                article_shingles=sketches.shingle_set(position),
            )
            evidence["rule"] = match.rule
            evidence["shared_shingles"] = match.shared
            own.append(
                Pickup(
                    release_id=match.release_id,
                    outlet_id=outlet_ids[position],
                    similarity=round(match.similarity, 4),
                    attribution=match.credited,
                    evidence=evidence,
                )
            )
        rows.append(own)
    return rows


def chunk_store(
    *,
    items: Sequence[ChunkItem],
    batch: IngestBatch | None = None,
    source: Source | None = None,
    cursor: tuple[int, int] | None = None,
    is_demo: bool = False,
) -> ChunkResult:
    """Store a chunk prepared by `chunk_prepare` in one transaction: new articles with their version
    groups, people, quotes, offices named and pickups; failures; and, with `cursor=(from, to)`, the batch's
    cursor moved from `from` to `to` with its counts. If the cursor is no longer at `from` (another worker
    ran this chunk), nothing is stored and BatchConflict is raised.

    What depends on the articles stored before — deduplication and version groups — is decided here; the
    rest was worked out by `chunk_prepare` and is only written (for the articles actually inserted)."""
    versions = version_index()
    versions.sync()
    result = ChunkResult()
    labels: list[str] = []
    try:
        with transaction.atomic():
            if batch is not None and cursor is not None and not _cursor_advance(batch=batch, cursor=cursor):
                raise BatchConflict(f"batch {batch.pk}: another worker already stored records from {cursor[0]}")
            prepared: list[tuple[PreparedArticle, ArticleRows]] = []
            failures: list[tuple[ChunkItem, str, str]] = []
            for item in items:
                outcome = item.outcome
                if isinstance(outcome, RecordFailure):
                    failures.append((item, outcome.reason, outcome.url))
                elif item.rows is None:
                    raise ValueError(f"{outcome.url}: prepared without its rows (use chunk_prepare)")
                else:
                    prepared.append((outcome, item.rows))
            fresh, result.duplicates = _new_articles([a for a, _r in prepared], [r.outlet_id for _a, r in prepared])
            rows_of = {article.url_key: rows for article, rows in prepared}
            labels = [a.url_key for a, _o in fresh]
            matches = versions.assign(labels, _sketches_of([a for a, _o in fresh]))
            inserted, lost = _insert_articles(
                [
                    _article_row(
                        article,
                        rows_of[article.url_key],
                        group=match.group,
                        source=source,
                        batch=batch,
                        is_demo=is_demo,
                    )
                    for (article, _outlet_id), match in zip(fresh, matches, strict=True)
                ]
            )
            versions.discard(row.url_key for row in lost)
            by_key = {a.url_key: a for a, _o in fresh}
            result.duplicates.extend(by_key[row.url_key] for row in lost)
            result.articles = inserted
            stored = [(row, rows_of[row.url_key]) for row in inserted]
            for row, rows in stored:
                for entity in rows.entities:
                    entity.pk = None  # a retried chunk's rows may carry the ids of a rolled-back insert
                    entity.article = row
            Mention.objects.bulk_create([m for _row, rows in stored for m in rows.mentions])
            Quote.objects.bulk_create([q for _row, rows in stored for q in rows.quotes])
            OfficeMention.objects.bulk_create(
                [o for _row, rows in stored for o in rows.offices], batch_size=_OFFICE_MENTION_BATCH
            )
            # search (H5): the chunk's new articles into the index, in this transaction
            articles_index_prepared([(row, rows.facets, rows.search_tokens) for row, rows in stored])
            result.pickups = Pickup.objects.bulk_create([p for _row, rows in stored for p in rows.pickups])
            result.failures = ArticleFailure.objects.bulk_create(
                ArticleFailure(batch=batch, source=source, position=item.position, url=url, reason=reason[:2000])
                for item, reason, url in failures
            )
            if batch is not None:
                IngestBatch.objects.filter(pk=batch.pk).update(
                    created_count=F("created_count") + len(result.articles),
                    duplicate_count=F("duplicate_count") + len(result.duplicates),
                    failed_count=F("failed_count") + len(result.failures),
                    pickup_count=F("pickup_count") + len(result.pickups),
                )
    except BaseException:
        versions.discard(labels)
        raise
    return result


def _cursor_advance(*, batch: IngestBatch, cursor: tuple[int, int]) -> bool:
    """Move the batch's cursor from cursor[0] to cursor[1] (compare-and-set; also locks the batch row on
    PostgreSQL until the chunk commits, so a second worker on the same batch waits and then sees the
    conflict)."""
    start, end = cursor
    return bool(
        IngestBatch.objects.filter(pk=batch.pk, cursor=start, status=BatchStatus.RUNNING).update(
            cursor=end, heartbeat_at=timezone.now()
        )
    )


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """What became of one record: the stored article (None for a duplicate or a failure), the failure's
    reason, and the pickups found."""

    article: Article | None
    duplicate: bool
    failure: str | None
    pickups: tuple[Pickup, ...]


def article_ingest(
    *,
    record: IncomingArticle,
    outlet: Outlet | None = None,
    source: Source | None = None,
    batch: IngestBatch | None = None,
    is_demo: bool = False,
) -> IngestOutcome:
    """Store one article (a feed item, a page) once: prepared, deduplicated, grouped with its versions and
    matched to releases — the chunk path with a chunk of one, without moving any batch cursor. The outlet
    is the record's own, else `outlet`, else the source's."""
    default = outlet or (source.outlet if source else None) or (batch.outlet if batch else None)
    items = chunk_prepare([record], first_position=None, default_outlet_id=default.pk if default else None)
    result = chunk_store(items=items, batch=batch, source=source, is_demo=is_demo)
    return IngestOutcome(
        article=result.articles[0] if result.articles else None,
        duplicate=bool(result.duplicates),
        failure=result.failures[0].reason if result.failures else None,
        pickups=tuple(result.pickups),
    )


# --- pickups ---------------------------------------------------------------------------------------------


def _pickup_decide(*, pickup: Pickup, actor: Any, status: str, note: str) -> Pickup:
    """Record a head's decision on a pickup (compare-and-set on the status they saw), audited. The decision
    is a label: the row stays, so the matcher can be measured against decisions later."""
    release = pickup.release
    if not user_can(user=actor, office=release.office, action=Action.REVIEW):
        raise PermissionDenied("Only a head of the release's office may decide on its pickups.")
    seen = pickup.status
    now = timezone.now()
    with transaction.atomic():
        changed = Pickup.objects.filter(pk=pickup.pk, status=seen).update(
            status=status, decided_by=actor, decided_at=now, decision_note=note.strip()
        )
        if not changed:
            raise PickupConflict(f"pickup {pickup.pk} was decided by someone else meanwhile")
        audit_log(
            action=f"monitoring.pickup.{status}",
            actor=actor,
            office=release.office,
            target=pickup,
            data={
                "release": str(release.uuid),
                "article": pickup.article_id,
                "from": seen,
                "to": status,
                "similarity": pickup.similarity,
                "note": note.strip(),
            },
        )
    pickup.refresh_from_db()
    return pickup


def pickup_confirm(*, pickup: Pickup, actor: Any, note: str = "") -> Pickup:
    """A head confirms that the article carried the release."""
    return _pickup_decide(pickup=pickup, actor=actor, status=PickupStatus.CONFIRMED, note=note)


def pickup_reject(*, pickup: Pickup, actor: Any, note: str = "") -> Pickup:
    """A head says the article did not carry the release (kept as a negative label)."""
    return _pickup_decide(pickup=pickup, actor=actor, status=PickupStatus.REJECTED, note=note)


def batch_enqueue(*, batch: IngestBatch) -> None:
    """Queue the batch for a background worker once the current transaction commits (a worker must not see
    a batch that may still roll back)."""
    from ayneh.monitoring.tasks import ingest_batch_run  # the task module imports the pipeline, which imports this

    transaction.on_commit(partial(ingest_batch_run.enqueue, batch_id=batch.pk))
