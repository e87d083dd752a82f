"""Monitoring rows for the pickup indicator tests, written directly with the times a test needs.

Monitoring's pipeline stamps an article with the time its outlet gives and finds pickups by text; a pickup
indicator test needs an article seen at a chosen moment after a release, credited or not, in a chosen
status, so these helpers write the rows in the states the pipeline leaves them in, nothing more.
"""

import datetime as dt
import hashlib
import itertools
import uuid

from ayneh.monitoring.models import Article, Outlet, OutletTier, Pickup, PickupStatus
from ayneh.newsroom.models import Release

_sequence = itertools.count(1)


def outlet_of(*, tier: str = OutletTier.NATIONAL, province: str = "") -> Outlet:
    return Outlet.objects.create(name=f"رسانه آزمایشی {next(_sequence)}", tier=tier, province=province)


def article_in(*, outlet: Outlet, seen_at: dt.datetime | None, fetched_at: dt.datetime | None = None) -> Article:
    """An article of `outlet` published at `seen_at` (None: the outlet gave no time; `fetched_at` counts)."""
    n = next(_sequence)
    url = f"https://news.example.ir/fa/{n}"
    text = f"متن بازنشر شماره {n}"
    return Article.objects.create(
        outlet=outlet,
        url=url,
        canonical_url=url,
        url_key=hashlib.sha256(url.encode()).hexdigest(),
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        text_normalized=text,
        published_at=seen_at,
        fetched_at=fetched_at or seen_at or dt.datetime(2024, 5, 1, tzinfo=dt.UTC),
        version_group=uuid.uuid4(),
    )


def pickup_of(
    *,
    release: Release,
    outlet: Outlet,
    after: dt.timedelta = dt.timedelta(hours=2),
    credited: bool = False,
    status: str = PickupStatus.SUGGESTED,
    seen_at: dt.datetime | None = None,
    fetched_at: dt.datetime | None = None,
) -> Pickup:
    """`outlet` picked `release` up in an article that appeared `after` the release (or at `seen_at`)."""
    assert release.published_at is not None
    if seen_at is None and fetched_at is None:
        seen_at = release.published_at + after
    article = article_in(outlet=outlet, seen_at=seen_at, fetched_at=fetched_at)
    return Pickup.objects.create(
        release=release, article=article, outlet=outlet, similarity=0.8, attribution=credited, status=status
    )
