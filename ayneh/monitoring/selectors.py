"""Monitoring reads: pickups scoped to the offices a person may see, an article's versions, and the sources
that need attention."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Max, QuerySet
from django.utils import timezone

from ayneh.monitoring.models import Article, Pickup, Source
from ayneh.newsroom.models import Release
from ayneh.offices.access import office_scope_q
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
