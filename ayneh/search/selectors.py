"""Reads from the search index."""

from __future__ import annotations

from ayneh.search.backends import get_backend
from ayneh.search.backends.base import SearchPage
from ayneh.search.terms import parse_query

__all__ = ["SearchPage", "search_documents"]

MAX_LIMIT = 100


def search_documents(
    *, query: str, kind: str = "release", office_code: str | None = None, limit: int = 20, offset: int = 0
) -> SearchPage:
    """Keys of `kind` documents matching `query` (see ayneh.search.terms for the query language), newest
    first, `limit` from `offset`, and the total number of hits. Any text is a valid query; a query with no
    searchable words returns an empty page."""
    parsed = parse_query(query)
    if not parsed:
        return SearchPage()
    limit = max(1, min(limit, MAX_LIMIT))
    offset = max(0, offset)
    return get_backend().search(parsed, kind=kind, office_code=office_code, limit=limit, offset=offset)
