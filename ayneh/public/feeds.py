"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 of published releases: national, and per office (with the
offices below it). One Feed class serves every format, so the three always carry the same items.

Every address in a feed is absolute and built from settings.SITE_URL; dates are aware (UTC inside,
with their offset in the feed); the language is Persian.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from django.utils.html import escape
from django.utils.translation import gettext as _

from ayneh.newsroom.models import Release
from ayneh.newsroom.selectors import published_releases
from ayneh.offices.models import Office
from ayneh.public.jsonfeed import JsonFeed
from ayneh.public.links import absolute_url
from ayneh.public.selectors import public_office_get

FEED_SIZE = 30
FEED_TYPES: dict[str, type[SyndicationFeed]] = {"rss": Rss201rev2Feed, "atom": Atom1Feed, "json": JsonFeed}
# Characters XML 1.0 cannot carry at all; one of them in a title would make the whole feed unreadable.
XML_INVALID_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return XML_INVALID_RE.sub("", text)


class ReleaseFeed(Feed):
    """The published releases of all offices (no `code` in the URL) or of one office, in one format."""

    # Feeds are public: LoginRequiredMiddleware reads this attribute off the view (the Feed instance).
    login_required = False
    language = "fa"
    item_guid_is_permalink = False

    def __init__(self, *, feed_format: str) -> None:
        self.feed_format = feed_format
        self.feed_type = FEED_TYPES[feed_format]

    def get_object(self, request: HttpRequest, code: str | None = None) -> Office | None:
        # Office.DoesNotExist is an ObjectDoesNotExist: the Feed framework answers 404.
        return public_office_get(code=code) if code is not None else None

    def items(self, office: Office | None) -> QuerySet[Release]:
        return published_releases(office=office)[:FEED_SIZE]

    # --- the feed ---

    def title(self, office: Office | None) -> str:
        if office is None:
            return _("Ayneh: news of every office")
        return _("Ayneh: news of %(office)s") % {"office": office.name}

    def description(self, office: Office | None) -> str:
        if office is None:
            return _(
                "Releases published by the Ministry of Cooperatives, Labour and Social Welfare, its provincial "
                "directorates-general and affiliated organisations."
            )
        return _("Releases published by %(office)s and the offices under it.") % {"office": office.name}

    def link(self, office: Office | None) -> str:
        if office is None:
            return absolute_url(reverse("public:front"))
        return absolute_url(reverse("public:office", kwargs={"code": office.code}))

    def feed_url(self, office: Office | None) -> str:
        if office is None:
            return absolute_url(reverse(f"public:feed-{self.feed_format}"))
        return absolute_url(reverse(f"public:office-feed-{self.feed_format}", kwargs={"code": office.code}))

    # --- its items ---

    def item_title(self, release: Release) -> str:
        # Plain text: the XML writer escapes it once (Django's default escapes twice, for old readers).
        return xml_safe(release.title)

    def item_description(self, release: Release) -> str:
        """The whole release as HTML: the lead as its first paragraph, then the (sanitised) body."""
        lead = f"<p><strong>{escape(release.lead)}</strong></p>" if release.lead else ""
        return xml_safe(lead + release.body_html)

    def item_link(self, release: Release) -> str:
        return absolute_url(release.get_absolute_url())

    def item_guid(self, release: Release) -> str:
        # Stable across a change of domain, unlike the link.
        return f"urn:uuid:{release.uuid}"

    def item_pubdate(self, release: Release) -> dt.datetime | None:
        return release.published_at

    def item_updateddate(self, release: Release) -> dt.datetime | None:
        # A workflow step may save without touching updated_at; never report an update before publication.
        if release.published_at is None:
            return release.updated_at
        return max(release.published_at, release.updated_at)

    def item_author_name(self, release: Release) -> str:
        return xml_safe(release.office.name)

    def item_categories(self, release: Release) -> list[str]:
        return [xml_safe(name) for name in release.tag_names]

    def item_extra_kwargs(self, release: Release) -> dict[str, Any]:
        return {
            "content_html": self.item_description(release),
            "summary": xml_safe(release.lead),
            "image": absolute_url(release.photo.url) if release.photo else None,
            "language": self.language,
        }
