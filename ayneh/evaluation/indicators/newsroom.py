"""Indicators computed from the newsroom's records: releases and the events they cover.

What counts: releases whose status is *published* and whose `published_at` lies in the period. A withdrawn
release was taken down by its office and is not counted; a draft or one in review is not news yet.

Each computer reads the period's releases (or events) of all the offices in one query that walks the
(status, published_at) or starts_at index over the period, then groups by office in Python: the cost
grows with the period's records, not with records × offices.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from ayneh.evaluation.indicators.base import PERCENT, Computed
from ayneh.evaluation.periods import PeriodWindow
from ayneh.newsroom.models import Attachment, Event, Release, ReleaseStatus
from ayneh.offices.models import Office

# Attachment types that make a release multimedia (the newsroom accepts images and PDF documents).
MULTIMEDIA_CONTENT_TYPE_PREFIXES = ("image/", "video/", "audio/")
DEFAULT_TIMELINESS_HOURS = 24


def _published_in(*, offices: Sequence[Office], window: PeriodWindow) -> QuerySet[Release]:
    return Release.objects.filter(
        office_id__in=[office.pk for office in offices],
        status=ReleaseStatus.PUBLISHED,
        published_at__gte=window.start,
        published_at__lt=window.end,
    ).order_by("published_at", "id")


def news_volume(
    *, offices: Sequence[Office], window: PeriodWindow, params: Mapping[str, Any]
) -> Mapping[int, Computed]:
    """Releases each office published in the period (the target scales with the period's months). Every
    office has data: an office that published nothing scores its 0."""
    keys: dict[int, list[str]] = defaultdict(list)
    for office_id, key in _published_in(offices=offices, window=window).values_list("office_id", "uuid"):
        keys[office_id].append(str(key))
    return {
        office.pk: Computed(
            actual=float(len(keys[office.pk])), inputs={"published": len(keys[office.pk]), "releases": keys[office.pk]}
        )
        for office in offices
    }


def news_timeliness(
    *, offices: Sequence[Office], window: PeriodWindow, params: Mapping[str, Any]
) -> Mapping[int, Computed]:
    """Share (%) of each office's event-linked releases of the period published within `hours` of the
    event's start. A release published before its event starts (an announcement) is timely. An office with
    no event-linked release in the period has no data (event coverage measures the missing ones)."""
    hours = float(params.get("hours", DEFAULT_TIMELINESS_HOURS))
    limit = dt.timedelta(hours=hours)
    timely: dict[int, list[str]] = defaultdict(list)
    late: dict[int, list[str]] = defaultdict(list)
    rows = (
        _published_in(offices=offices, window=window)
        .filter(event__isnull=False)
        .values_list("office_id", "uuid", "published_at", "event__starts_at")
    )
    for office_id, key, published_at, starts_at in rows:
        if published_at is None:  # excluded by the query; typed as optional on the model
            continue
        (timely if published_at - starts_at <= limit else late)[office_id].append(str(key))
    return {
        office_id: Computed(
            actual=PERCENT * len(timely[office_id]) / (len(timely[office_id]) + len(late[office_id])),
            inputs={"hours": hours, "timely": timely[office_id], "late": late[office_id]},
        )
        for office_id in timely.keys() | late.keys()
    }


def event_coverage(
    *, offices: Sequence[Office], window: PeriodWindow, params: Mapping[str, Any]
) -> Mapping[int, Computed]:
    """Share (%) of each office's events starting in the period that have a release published in the
    period. An office without events in the period has no data."""
    events = list(
        Event.objects.filter(
            office_id__in=[office.pk for office in offices], starts_at__gte=window.start, starts_at__lt=window.end
        )
        .order_by("starts_at", "id")
        .values_list("pk", "office_id", "uuid")
    )
    covered_ids = set(
        _published_in(offices=offices, window=window)
        .filter(event__starts_at__gte=window.start, event__starts_at__lt=window.end)
        .values_list("event_id", flat=True)
    )
    covered: dict[int, list[str]] = defaultdict(list)
    uncovered: dict[int, list[str]] = defaultdict(list)
    for pk, office_id, key in events:
        (covered if pk in covered_ids else uncovered)[office_id].append(str(key))
    return {
        office_id: Computed(
            actual=PERCENT * len(covered[office_id]) / (len(covered[office_id]) + len(uncovered[office_id])),
            inputs={"covered": covered[office_id], "uncovered": uncovered[office_id]},
        )
        for office_id in covered.keys() | uncovered.keys()
    }


def multimedia_share(
    *, offices: Sequence[Office], window: PeriodWindow, params: Mapping[str, Any]
) -> Mapping[int, Computed]:
    """Share (%) of each office's published releases of the period with a photo or an image, audio or
    video attachment. An office with no releases has no data (news volume already scores the absence)."""
    media_types = Q()
    for prefix in MULTIMEDIA_CONTENT_TYPE_PREFIXES:
        media_types |= Q(content_type__startswith=prefix)
    media_attachment = Attachment.objects.filter(media_types, release=OuterRef("pk"))
    rows = (
        _published_in(offices=offices, window=window)
        .annotate(has_media_attachment=Exists(media_attachment))
        .values_list("office_id", "uuid", "photo", "has_media_attachment")
    )
    published: dict[int, int] = defaultdict(int)
    multimedia: dict[int, list[str]] = defaultdict(list)
    for office_id, key, photo, has_media in rows:
        published[office_id] += 1
        if photo or has_media:
            multimedia[office_id].append(str(key))
    return {
        office_id: Computed(
            actual=PERCENT * len(multimedia[office_id]) / count,
            inputs={"published": count, "multimedia": multimedia[office_id]},
        )
        for office_id, count in published.items()
    }
