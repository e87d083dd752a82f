"""What the public newsroom reads: active offices and published releases, nothing else.

Releases come only through the newsroom's public selectors (published_releases / published_release_get),
so a draft, a release in review or a withdrawn one can never reach an anonymous page or a feed.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ayneh.newsroom.models import Release
from ayneh.newsroom.selectors import published_release_get, published_releases
from ayneh.offices.models import Office, Tier
from ayneh.public.collation import persian_sort_key
from ayneh.search.selectors import search_documents

SEARCH_KIND = "release"
# Directory headings name a group of offices, so they are plural (the tier labels are singular).
TIER_HEADINGS: dict[str, str | Promise] = {
    Tier.MINISTRY: _("Ministry"),
    Tier.PROVINCIAL_DG: _("Provincial directorates-general"),
    Tier.HQ_UNIT: _("Headquarters units"),
    Tier.AFFILIATED: _("Affiliated organisations"),
}


def public_office_get(*, code: str) -> Office:
    """An active office by its code; Office.DoesNotExist otherwise."""
    return Office.objects.select_related("parent").get(code=code, is_active=True)


def public_offices() -> QuerySet[Office]:
    """Every active office, in tree order."""
    return Office.objects.filter(is_active=True).order_by("path")


@dataclass
class OfficeGroup:
    """The offices of one tier, for the office directory."""

    tier: str
    label: str
    offices: list[Office] = field(default_factory=list)


def public_office_directory() -> list[OfficeGroup]:
    """Active offices grouped by tier (ministry, provincial DGs, HQ units, affiliated organisations), in
    Persian alphabetical order (provincial DGs by province), each carrying `published_count`: how many
    releases it has published itself. Two queries in all."""
    counts = dict(
        published_releases().order_by().values("office_id").annotate(n=Count("id")).values_list("office_id", "n")
    )
    groups = {tier: OfficeGroup(tier=tier, label=str(TIER_HEADINGS.get(tier, label))) for tier, label in Tier.choices}
    for office in sorted(public_offices(), key=lambda office: persian_sort_key(office.province or office.name)):
        office.published_count = counts.get(office.pk, 0)  # type: ignore[attr-defined]
        groups[office.tier].offices.append(office)
    return [group for group in groups.values() if group.offices]


def public_release_get(*, key: uuid.UUID) -> Release:
    """A published release; Release.DoesNotExist for anything else (drafts, withdrawn, unknown)."""
    return published_release_get(key=key)


@dataclass
class ReleaseSearchPage:
    """One page of search hits as published releases, in the index's order (newest first)."""

    releases: list[Release]
    total: int


def published_release_search(
    *, query: str, office_code: str | None = None, limit: int = 20, offset: int = 0
) -> ReleaseSearchPage:
    """Search published releases. The index holds only published releases (the newsroom writes it in
    the publish and withdraw transactions); the hits are read back through published_releases() anyway,
    so nothing unpublished is ever shown even if the index lagged behind."""
    page = search_documents(query=query, kind=SEARCH_KIND, office_code=office_code, limit=limit, offset=offset)
    by_key = {str(release.uuid): release for release in published_releases().filter(uuid__in=page.keys)}
    return ReleaseSearchPage(releases=[by_key[key] for key in page.keys if key in by_key], total=page.total)
