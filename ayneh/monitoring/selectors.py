"""Monitoring reads: pickups scoped to the offices a person may see, an article's versions, and the sources
that need attention."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any, cast

import jdatetime
from django.db.models import Case, Count, Exists, Max, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import TruncDate
from django.utils import timezone

from ayneh.monitoring.models import (
    Article,
    OfficeMention,
    Outlet,
    OutletTier,
    Pickup,
    PickupStatus,
    Quote,
    Source,
)
from ayneh.newsroom.models import Release, ReleaseStatus
from ayneh.offices.access import office_scope_q
from ayneh.offices.models import Office
from ayneh.offices.roles import Action

# A source is quiet when no new article came for this many of its usual gaps between articles, and at least
# QUIET_MINIMUM: a daily feed silent for a week, a busy agency feed silent for a day.
QUIET_GAPS = 5
QUIET_MINIMUM = dt.timedelta(days=1)


def pickups_for_user(*, user: Any, action: Action = Action.VIEW) -> QuerySet[Pickup]:
    """Pickups of the releases of the offices `user` may act on, newest first, with what a list shows."""
    return (
        Pickup.objects.filter(office_scope_q(user=user, action=action, field="release__office__"))
        .select_related("release__office", "article", "outlet")
        .order_by("-created_at", "-id")
    )


def release_pickups(*, release: Release) -> QuerySet[Pickup]:
    """The outlets that carried `release`: its pickups, earliest article first (who ran it first)."""
    return release.pickups.select_related("article", "outlet").order_by("article__published_at", "id")


def article_versions(*, article: Article) -> QuerySet[Article]:
    """The other versions of `article`'s story, in the order they appeared."""
    return (
        Article.objects.filter(version_group=article.version_group)
        .exclude(pk=article.pk)
        .select_related("outlet")
        .order_by("published_at", "id")
    )


@dataclass(frozen=True, slots=True)
class SourceAttention:
    """A source that needs a look, and why: "failing" (its last fetch failed) or "quiet" (no new article
    for much longer than usual)."""

    source: Source
    reason: str
    since: dt.datetime | None


def sources_needing_attention(*, now: dt.datetime | None = None) -> list[SourceAttention]:
    """Enabled sources whose last fetch failed, or that went quiet (see QUIET_GAPS)."""
    now = now or timezone.now()
    found: list[SourceAttention] = []
    sources = Source.objects.filter(enabled=True).select_related("outlet").annotate(latest=Max("articles__fetched_at"))
    for source in sources.order_by("outlet__name", "id"):
        if source.last_error_at and (not source.last_success_at or source.last_error_at > source.last_success_at):
            found.append(SourceAttention(source, "failing", source.last_error_at))
            continue
        latest = source.latest
        if latest is None or source.items_per_day <= 0:
            continue
        usual_gap = dt.timedelta(days=1 / source.items_per_day)
        if now - latest > max(QUIET_GAPS * usual_gap, QUIET_MINIMUM):
            found.append(SourceAttention(source, "quiet", latest))
    return found


# --- coverage (the monitoring view) ----------------------------------------------------------------------
# Every coverage read takes a `scope`: a filter on offices (from `coverage_scope`), so one set of functions
# serves the national view, one office, and an office with the offices below it. Pickups an office head
# rejected are not coverage; suggested and confirmed ones are.

COUNTED_PICKUP_STATUSES: tuple[str, ...] = (PickupStatus.SUGGESTED, PickupStatus.CONFIRMED)


@dataclass(frozen=True, slots=True)
class CoverageScope:
    """Whose coverage a page shows: the offices matched by `q` (a filter on Office), since `since`.
    `office` is the one office chosen, or None for every office the person may see."""

    q: Q
    since: dt.datetime
    office: Office | None

    def through(self, field: str) -> Q:
        """The office filter reached through `field` (e.g. "release__office")."""
        return _prefixed(self.q, field)


def _prefixed(q: Q, field: str) -> Q:
    """`q` (written against Office) rewritten against a model that reaches the office through `field`."""
    clone = Q()
    clone.connector, clone.negated = q.connector, q.negated
    for child in q.children:
        if isinstance(child, Q):
            clone.children.append(_prefixed(child, field))
        else:
            key, value = cast(tuple[str, Any], child)
            clone.children.append((f"{field}__{key}", value))
    return clone


def coverage_scope(*, user: Any, office: Office | None, since: dt.datetime) -> CoverageScope:
    """The offices `user` may view (or `office` and the offices below it, which the caller took from
    `offices_for_user`), as a CoverageScope."""
    q = office_scope_q(user=user, action=Action.VIEW)
    if office is not None:
        q &= Q(path__startswith=office.path)
    return CoverageScope(q=q, since=since, office=office)


def _counted_pickups(scope: CoverageScope) -> QuerySet[Pickup]:
    return Pickup.objects.filter(
        scope.through("release__office"),
        status__in=COUNTED_PICKUP_STATUSES,
        article__published_at__gte=scope.since,
    )


@dataclass(frozen=True, slots=True)
class CoverageBucket:
    """Coverage in one Jalali week or month (starting on `start`, a local date): pickups of releases, and
    articles crediting or naming an office without carrying a release (`unoriginated`)."""

    start: dt.date
    count: int
    unoriginated: int = 0

    @property
    def total(self) -> int:
        return self.count + self.unoriginated


def _bucket_start(day: dt.date, period: str) -> dt.date:
    if period == "week":  # a Jalali week starts on Saturday (Python's weekday 5)
        return day - dt.timedelta(days=(day.weekday() - 5) % 7)
    j = jdatetime.date.fromgregorian(date=day)
    return jdatetime.date(j.year, j.month, 1).togregorian()


def coverage_buckets_start(*, now: dt.datetime, period: str, count: int) -> dt.date:
    """The first day of the first of the `count` buckets that end with the one holding `now`."""
    day = timezone.localtime(now).date()
    start = _bucket_start(day, period)
    for _ in range(count - 1):
        start = _bucket_start(start - dt.timedelta(days=1), period)
    return start


def coverage_over_time(*, scope: CoverageScope, period: str, now: dt.datetime) -> list[CoverageBucket]:
    """Coverage per Jalali week ("week") or month ("month") from `scope.since` to `now`, empty buckets
    included, oldest first: pickups, and articles crediting or naming the scope's offices without carrying a
    release (`unoriginated_mentions`). Counted by the day the article appeared (Iran local time).

    The database counts per local day (at most 366 rows a year whatever the volume); days become Jalali
    weeks or months here, since a Jalali month is no Gregorian one the database could truncate to."""
    zone = timezone.get_current_timezone()

    def per_bucket(rows: QuerySet[Any], field: str) -> Counter[dt.date]:
        days = rows.annotate(day=TruncDate(field, tzinfo=zone)).values("day").annotate(n=Count("id")).order_by()
        found: Counter[dt.date] = Counter()
        for row in days:
            found[_bucket_start(row["day"], period)] += row["n"]
        return found

    pickups = per_bucket(_counted_pickups(scope), "article__published_at")
    others = per_bucket(_unoriginated_articles(scope), "published_at")
    buckets: list[CoverageBucket] = []
    start = _bucket_start(timezone.localtime(scope.since).date(), period)
    last = _bucket_start(timezone.localtime(now).date(), period)
    while start <= last:
        buckets.append(CoverageBucket(start, pickups[start], others[start]))
        step = dt.timedelta(days=7 if period == "week" else 32)  # 32 days: always into the next month
        start = start + step if period == "week" else _bucket_start(start + step, period)
    return buckets


@dataclass(frozen=True, slots=True)
class OutletCoverage:
    outlet: Outlet
    pickups: int
    releases: int
    credited: int


def coverage_by_outlet(*, scope: CoverageScope) -> list[OutletCoverage]:
    """Each outlet that carried the scope's releases: its pickups, distinct releases and credited pickups,
    most pickups first."""
    rows = (
        _counted_pickups(scope)
        .values("outlet")
        .annotate(
            pickups=Count("id"),
            releases=Count("release", distinct=True),
            credited=Count("id", filter=Q(attribution=True)),
        )
        .order_by("-pickups", "outlet")
    )
    outlets = Outlet.objects.in_bulk([row["outlet"] for row in rows])
    return [OutletCoverage(outlets[row["outlet"]], row["pickups"], row["releases"], row["credited"]) for row in rows]


@dataclass(frozen=True, slots=True)
class TierCoverage:
    tier: str
    label: str
    outlets: int
    pickups: int


def coverage_by_tier(*, scope: CoverageScope) -> list[TierCoverage]:
    """Pickups per outlet tier, in the tiers' own order (agencies first), tiers without pickups included."""
    rows: dict[str, dict[str, int]] = {
        row["outlet__tier"]: {"pickups": row["pickups"], "outlets": row["outlets"]}
        for row in _counted_pickups(scope)
        .values("outlet__tier")
        .annotate(pickups=Count("id"), outlets=Count("outlet", distinct=True))
    }
    return [
        TierCoverage(tier, str(label), row.get("outlets", 0), row.get("pickups", 0))
        for tier, label in OutletTier.choices
        for row in [rows.get(tier, {})]
    ]


def _related_articles(scope: CoverageScope) -> QuerySet[Article]:
    """Articles about the scope's offices: pickups of their releases, or crediting one of them."""
    carried = Pickup.objects.filter(
        scope.through("release__office"), status__in=COUNTED_PICKUP_STATUSES, article=OuterRef("pk")
    )
    return Article.objects.filter(published_at__gte=scope.since).filter(
        Exists(carried) | Q(scope.through("source_office"), source_office__isnull=False)
    )


@dataclass(frozen=True, slots=True)
class SpeakerQuotes:
    """A person quoted in the scope's coverage («چه کسی چه گفت»): their most written role, how many quotes,
    and the latest quotes with their articles."""

    speaker: str
    role: str
    count: int
    articles: int
    quotes: list[Quote]


def top_speakers(*, scope: CoverageScope, limit: int = 10, quotes_each: int = 5) -> list[SpeakerQuotes]:
    """The most quoted people in the scope's articles, with their latest quotes."""
    quotes = Quote.objects.filter(article__in=_related_articles(scope)).exclude(speaker="")
    rows = list(
        quotes.values("speaker")
        .annotate(count=Count("id"), articles=Count("article", distinct=True))
        .order_by("-count", "speaker")[:limit]
    )
    found: list[SpeakerQuotes] = []
    for row in rows:
        said = quotes.filter(speaker=row["speaker"]).select_related("article__outlet")
        roles = Counter(role for role in said.values_list("speaker_role", flat=True) if role)
        latest = list(said.order_by("-article__published_at", "start")[:quotes_each])
        found.append(
            SpeakerQuotes(
                row["speaker"], roles.most_common(1)[0][0] if roles else "", row["count"], row["articles"], latest
            )
        )
    return found


def speaker_quotes(*, scope: CoverageScope) -> QuerySet[Quote]:
    """Every quote of a named speaker in the scope's articles (the export of «چه کسی چه گفت»)."""
    return (
        Quote.objects.filter(article__in=_related_articles(scope))
        .exclude(speaker="")
        .select_related("article__outlet")
        .order_by("speaker", "-article__published_at", "start")
    )


def _credits_scope(scope: CoverageScope) -> Q:
    return Q(scope.through("source_office"), source_office__isnull=False)


def _unoriginated_articles(scope: CoverageScope) -> QuerySet[Article]:
    """Articles that credit one of the scope's offices or name one in their text (`OfficeMention`) and carry
    none of the scope's releases."""
    carried = Pickup.objects.filter(
        scope.through("release__office"), article=OuterRef("pk"), status__in=COUNTED_PICKUP_STATUSES
    )
    named = OfficeMention.objects.filter(scope.through("office"), article=OuterRef("pk"))
    return (
        Article.objects.filter(_credits_scope(scope) | Q(Exists(named)))
        .filter(published_at__gte=scope.since)
        .exclude(Exists(carried))
    )


def unoriginated_mentions(*, scope: CoverageScope) -> QuerySet[Article]:
    """Articles that credit one of the scope's offices or name one in their text, but carry none of its
    releases: coverage the office earned without a release (interviews, reports, its name in someone else's
    story), newest first. Each row says how: `credits_office` (its credit line names the office: the office
    is `source_office`) or not (it names `named_office_name` in its text, first as `named_text`)."""
    named = OfficeMention.objects.filter(scope.through("office"), article=OuterRef("pk")).order_by("start", "id")
    return (
        _unoriginated_articles(scope)
        .annotate(
            credits_office=Case(When(_credits_scope(scope), then=Value(True)), default=Value(False)),
            named_office_name=Subquery(named.values("office__name")[:1]),
            named_text=Subquery(named.values("text")[:1]),
        )
        .select_related("outlet", "source_office")
        .order_by("-published_at", "-id")
    )


def releases_with_pickups(*, scope: CoverageScope) -> QuerySet[Release]:
    """The scope's releases published since `scope.since`, with their pickup counts (suggested and
    confirmed; confirmed; credited) and the number of outlets, newest first."""
    counted = Q(pickups__status__in=COUNTED_PICKUP_STATUSES)
    return (
        Release.objects.filter(scope.through("office"), status=ReleaseStatus.PUBLISHED, published_at__gte=scope.since)
        .select_related("office", "created_by")
        .annotate(
            pickup_count=Count("pickups", filter=counted),
            confirmed_count=Count("pickups", filter=Q(pickups__status=PickupStatus.CONFIRMED)),
            credited_count=Count("pickups", filter=counted & Q(pickups__attribution=True)),
            outlet_count=Count("pickups__outlet", filter=counted, distinct=True),
        )
        .order_by("-published_at", "-id")
    )


def pickup_get_for_user(*, user: Any, pk: int, action: Action = Action.VIEW) -> Pickup:
    """One pickup of a release of an office `user` may act on; Pickup.DoesNotExist otherwise."""
    return pickups_for_user(user=user, action=action).select_related("decided_by").get(pk=pk)


def pickup_office_for_audit(*, pk: int) -> Office | None:
    """The office whose release a pickup belongs to, for the audit row of a refused request."""
    return Office.objects.filter(releases__pickups__pk=pk).first()
