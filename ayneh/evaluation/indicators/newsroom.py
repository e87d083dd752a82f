"""Indicators computed from the newsroom's records: releases and the events they cover.

What counts: releases whose status is *published* and whose `published_at` lies in the period. A withdrawn
release was taken down by its office and is not counted; a draft or one in review is not news yet.

The four computers share one read of the period's published releases (`published_releases`, memoised in
the computation's scope) and event coverage adds one read of the period's events: two queries for all
offices and all four indicators. Reading the releases once per indicator, or once per office, was the
cost that mattered (measured with benchmarks/evaluation_period.py: a 100,000-release scan on SQLite costs
seconds on these machines; per-office queries cost 22 s for 100 offices).
"""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, F, OuterRef, Q

from ayneh.evaluation.indicators.base import PERCENT, Computed, Scope
from ayneh.evaluation.indicators.expressions import TOLERANCE_SECONDS, SecondsAfter, uuid_key, uuid_text
from ayneh.newsroom.models import Attachment, Event, Release, ReleaseStatus

# Attachment types that make a release multimedia (the newsroom accepts images and PDF documents).
MULTIMEDIA_CONTENT_TYPE_PREFIXES = ("image/", "video/", "audio/")
DEFAULT_TIMELINESS_HOURS = 24
SECONDS_PER_HOUR = 3600


@dataclass(frozen=True, slots=True)
class PublishedRelease:
    """What the newsroom indicators need to know about one published release of the period."""

    pk: int
    office_id: int
    key: str
    event_id: int | None
    # Seconds from its event's start to its publication (negative: announced before); None without event.
    after_event: float | None
    multimedia: bool


def _load_published_releases(scope: Scope) -> list[PublishedRelease]:
    """One query, oldest first. The time from the event is computed and the key read as text by the
    database: converting 100,000 datetimes and UUIDs into Python objects cost more than the query."""
    media_types = Q()
    for prefix in MULTIMEDIA_CONTENT_TYPE_PREFIXES:
        media_types |= Q(content_type__startswith=prefix)
    rows = (
        Release.objects.filter(
            office_id__in=scope.office_ids,
            status=ReleaseStatus.PUBLISHED,
            published_at__gte=scope.window.start,
            published_at__lt=scope.window.end,
        )
        .annotate(
            media_attachment=Exists(Attachment.objects.filter(media_types, release=OuterRef("pk"))),
            key=uuid_text("uuid"),
            after_event=SecondsAfter(F("published_at"), F("event__starts_at")),
        )
        .order_by("published_at", "id")
        .values_list("pk", "office_id", "key", "event_id", "after_event", "photo", "media_attachment")
    )
    return [
        PublishedRelease(
            pk=pk,
            office_id=office_id,
            key=uuid_key(key),
            event_id=event_id,
            after_event=after_event,
            multimedia=bool(photo) or bool(media_attachment),
        )
        for pk, office_id, key, event_id, after_event, photo, media_attachment in rows
    ]


def published_releases(scope: Scope) -> list[PublishedRelease]:
    """The period's published releases of the scope's offices, oldest first (read once per scope)."""
    return scope.shared("newsroom.published_releases", lambda: _load_published_releases(scope))


def news_volume(*, scope: Scope, params: Mapping[str, Any]) -> Mapping[int, Computed]:
    """Releases each office published in the period (the target scales with the period's months). Every
    office has data: an office that published nothing scores its 0."""
    keys: dict[int, list[str]] = defaultdict(list)
    for release in published_releases(scope):
        keys[release.office_id].append(release.key)
    return {
        office_id: Computed(actual=float(len(keys[office_id])), inputs={"releases": keys[office_id]})
        for office_id in scope.office_ids
    }


def news_timeliness(*, scope: Scope, params: Mapping[str, Any]) -> Mapping[int, Computed]:
    """Share (%) of each office's event-linked releases of the period published within `hours` of the
    event's start (to the millisecond: the database computes the interval). A release published before its
    event starts (an announcement) is timely. An office with no event-linked release in the period has no
    data (event coverage measures the missing ones)."""
    hours = float(params.get("hours", DEFAULT_TIMELINESS_HOURS))
    limit = hours * SECONDS_PER_HOUR + TOLERANCE_SECONDS
    timely: dict[int, list[str]] = defaultdict(list)
    late: dict[int, list[str]] = defaultdict(list)
    for release in published_releases(scope):
        if release.after_event is not None:
            on_time = release.after_event <= limit
            (timely if on_time else late)[release.office_id].append(release.key)
    return {
        office_id: Computed(
            actual=PERCENT * len(timely[office_id]) / (len(timely[office_id]) + len(late[office_id])),
            inputs={"hours": hours, "timely": timely[office_id], "late": late[office_id]},
        )
        for office_id in timely.keys() | late.keys()
    }


def event_coverage(*, scope: Scope, params: Mapping[str, Any]) -> Mapping[int, Computed]:
    """Share (%) of each office's events starting in the period that have a release published in the
    period. An office without events in the period has no data."""
    covered_events = {release.event_id for release in published_releases(scope) if release.event_id is not None}
    events = (
        Event.objects.filter(
            office_id__in=scope.office_ids, starts_at__gte=scope.window.start, starts_at__lt=scope.window.end
        )
        .annotate(key=uuid_text("uuid"))
        .order_by("starts_at", "id")
        .values_list("pk", "office_id", "key")
    )
    covered: dict[int, list[str]] = defaultdict(list)
    uncovered: dict[int, list[str]] = defaultdict(list)
    for pk, office_id, key in events:
        (covered if pk in covered_events else uncovered)[office_id].append(uuid_key(key))
    return {
        office_id: Computed(
            actual=PERCENT * len(covered[office_id]) / (len(covered[office_id]) + len(uncovered[office_id])),
            inputs={"covered": covered[office_id], "uncovered": uncovered[office_id]},
        )
        for office_id in covered.keys() | uncovered.keys()
    }


def multimedia_share(*, scope: Scope, params: Mapping[str, Any]) -> Mapping[int, Computed]:
    """Share (%) of each office's published releases of the period with a photo or an image, audio or
    video attachment. An office with no releases has no data (news volume already scores the absence)."""
    published: dict[int, int] = defaultdict(int)
    multimedia: dict[int, list[str]] = defaultdict(list)
    for release in published_releases(scope):
        published[release.office_id] += 1
        if release.multimedia:
            multimedia[release.office_id].append(release.key)
    return {
        office_id: Computed(
            actual=PERCENT * len(multimedia[office_id]) / count,
            inputs={"published": count, "multimedia": multimedia[office_id]},
        )
        for office_id, count in published.items()
    }
