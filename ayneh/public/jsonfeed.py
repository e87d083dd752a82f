"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1) as a Django feed generator, next to RSS and Atom.

Plugged into django.contrib.syndication as a `feed_type`, so the three formats share one Feed class and
cannot drift apart. Item keywords beyond Django's own (content_html, summary, image) come from the Feed's
`item_extra_kwargs`; RSS and Atom ignore them.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.utils.feedgenerator import SyndicationFeed

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


def _rfc3339(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


def _without_empty(mapping: dict[str, Any]) -> dict[str, Any]:
    """JSON Feed leaves out what is unknown rather than sending nulls or empty strings."""
    return {key: value for key, value in mapping.items() if value not in (None, "", [])}


class JsonFeed(SyndicationFeed):
    content_type = "application/feed+json; charset=utf-8"

    def feed_document(self) -> dict[str, Any]:
        feed = self.feed
        document = _without_empty(
            {
                "version": JSON_FEED_VERSION,
                "title": feed["title"],
                "home_page_url": feed["link"],
                "feed_url": feed.get("feed_url"),
                "description": feed.get("description"),
                "language": feed.get("language"),
                "authors": [{"name": feed["author_name"]}] if feed.get("author_name") else None,
            }
        )
        document["items"] = [self.item_document(item) for item in self.items]
        return document

    @staticmethod
    def item_document(item: dict[str, Any]) -> dict[str, Any]:
        return _without_empty(
            {
                "id": item["unique_id"] or item["link"],
                "url": item["link"],
                "title": item["title"],
                "content_html": item.get("content_html") or item.get("description") or "",
                "summary": item.get("summary"),
                "image": item.get("image"),
                "date_published": _rfc3339(item.get("pubdate")),
                "date_modified": _rfc3339(item.get("updateddate")),
                "authors": [{"name": item["author_name"]}] if item.get("author_name") else None,
                "tags": list(item.get("categories") or []),
                "language": item.get("language"),
            }
        )

    def write(self, outfile: Any, encoding: str) -> None:
        outfile.write(json.dumps(self.feed_document(), ensure_ascii=False, indent=1))
