"""Indicators computed from the newsroom's records: releases and the events they cover.

What counts: releases whose status is *published* and whose `published_at` lies in the period. A withdrawn
release was taken down by its office and is not counted; a draft or one in review is not news yet.
"""

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from ayneh.evaluation.indicators.base import Computed, share
from ayneh.evaluation.periods import PeriodWindow
from ayneh.newsroom.models import Attachment, Event, Release, ReleaseStatus
from ayneh.offices.models import Office

# Attachment types that make a release multimedia (the newsroom accepts images and PDF documents).
MULTIMEDIA_CONTENT_TYPE_PREFIXES = ("image/", "video/", "audio/")
DEFAULT_TIMELINESS_HOURS = 24


def _published_in(*, office: Office, window: PeriodWindow) -> QuerySet[Release]:
    return Release.objects.filter(
        office=office,
        status=ReleaseStatus.PUBLISHED,
        published_at__gte=window.start,
        published_at__lt=window.end,
    ).order_by("published_at", "id")


def _keys(values: list[Any]) -> list[str]:
    return [str(value) for value in values]


def news_volume(*, office: Office, window: PeriodWindow, params: Mapping[str, Any]) -> Computed:
    """Releases the office published in the period (the target scales with the period's months)."""
    keys = _keys(list(_published_in(office=office, window=window).values_list("uuid", flat=True)))
    return Computed(actual=float(len(keys)), inputs={"published": len(keys), "releases": keys})


def news_timeliness(*, office: Office, window: PeriodWindow, params: Mapping[str, Any]) -> Computed | None:
    """Share (%) of the period's event-linked releases published within `hours` of the event's start.

    A release published before its event starts (an announcement) is timely. No event-linked release in
    the period: no data (there is nothing to be timely about; event coverage measures the missing ones).
    """
    hours = float(params.get("hours", DEFAULT_TIMELINESS_HOURS))
    limit = dt.timedelta(hours=hours)
    rows = list(
        _published_in(office=office, window=window)
        .filter(event__isnull=False)
        .values_list("uuid", "published_at", "event__starts_at")
    )
    timely: list[Any] = []
    late: list[Any] = []
    for key, published_at, starts_at in rows:
        if published_at is None:  # excluded by the query; typed as optional on the model
            continue
        (timely if published_at - starts_at <= limit else late).append(key)
    actual = share(len(timely), len(rows))
    if actual is None:
        return None
    return Computed(
        actual=actual,
        inputs={"hours": hours, "event_linked": len(rows), "timely": _keys(timely), "late": _keys(late)},
    )


def event_coverage(*, office: Office, window: PeriodWindow, params: Mapping[str, Any]) -> Computed | None:
    """Share (%) of the office's events starting in the period that have a release published before the
    period ends. No events in the period: no data."""
    covering = Release.objects.filter(event=OuterRef("pk"), status=ReleaseStatus.PUBLISHED, published_at__lt=window.end)
    rows = list(
        Event.objects.filter(office=office, starts_at__gte=window.start, starts_at__lt=window.end)
        .annotate(covered=Exists(covering))
        .order_by("starts_at", "id")
        .values_list("uuid", "covered")
    )
    actual = share(sum(1 for _key, covered in rows if covered), len(rows))
    if actual is None:
        return None
    return Computed(
        actual=actual,
        inputs={
            "events": len(rows),
            "covered": _keys([key for key, covered in rows if covered]),
            "uncovered": _keys([key for key, covered in rows if not covered]),
        },
    )


def multimedia_share(*, office: Office, window: PeriodWindow, params: Mapping[str, Any]) -> Computed | None:
    """Share (%) of the period's published releases with a photo or an image, audio or video attachment.
    No releases: no data (news volume already scores the absence)."""
    media_types = Q()
    for prefix in MULTIMEDIA_CONTENT_TYPE_PREFIXES:
        media_types |= Q(content_type__startswith=prefix)
    media_attachment = Attachment.objects.filter(media_types, release=OuterRef("pk"))
    rows = list(
        _published_in(office=office, window=window)
        .annotate(has_media_attachment=Exists(media_attachment))
        .values_list("uuid", "photo", "has_media_attachment")
    )
    multimedia = [key for key, photo, has_media in rows if photo or has_media]
    actual = share(len(multimedia), len(rows))
    if actual is None:
        return None
    return Computed(actual=actual, inputs={"published": len(rows), "multimedia": _keys(multimedia)})
