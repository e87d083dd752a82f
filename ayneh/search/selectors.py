"""Reads from the search index."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ayneh.search.backends import get_backend
from ayneh.search.backends.base import COUNT_CAP, SearchFilters, SearchPage
from ayneh.search.terms import facet, parse_query

__all__ = ["COUNT_CAP", "SearchFilters", "SearchPage", "search_documents"]

MAX_LIMIT = 100


def search_documents(
    *,
    query: str,
    kind: str = "release",
    office_code: str | None = None,
    facets: Sequence[Sequence[str]] = (),
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    limit: int = 20,
    offset: int = 0,
) -> SearchPage:
    """Keys of `kind` documents matching `query` (see ayneh.search.terms for the query language), newest
    first, `limit` from `offset`, and the total number of hits (exact up to COUNT_CAP, then "at least").

    Filters: `office_code` (documents indexed with that office), `facets` (groups of facet tokens: at
    least one of each group), `since` (inclusive) and `until` (exclusive) on the publication time. Any
    text is a valid query; a query with no searchable words returns an empty page, as does an empty group.
    """
    parsed = parse_query(query)
    if not parsed:
        return SearchPage()
    groups = [tuple(dict.fromkeys(group)) for group in facets]
    if any(not group for group in groups):
        return SearchPage()
    if office_code is not None:
        if not office_code.strip():
            return SearchPage()
        groups.append((facet("o", office_code),))
    limit = max(1, min(limit, MAX_LIMIT))
    offset = max(0, offset)
    filters = SearchFilters(kind=kind, any_of=tuple(groups), since=since, until=until)
    if offset >= COUNT_CAP:
        # Pages stop at COUNT_CAP (walking that far newest first is what keeps common words cheap): a page
        # past it is empty, with the same total as the first page.
        first = get_backend().search(parsed, filters, limit=1, offset=0)
        return SearchPage(total=first.total, total_exact=first.total_exact)
    return get_backend().search(parsed, filters, limit=limit, offset=offset)
