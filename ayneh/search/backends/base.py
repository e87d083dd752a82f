"""The search interface every backend implements: what goes in (IndexEntry), what a search asks
(SearchFilters) and the page of results it returns (SearchPage)."""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, field

from ayneh.search.models import SearchDocument, sort_key_bound
from ayneh.search.terms import SearchQuery, facet

# Counting every hit of a word in most documents costs as much as reading them all; past this many the
# total is reported as "at least COUNT_CAP" (SearchPage.total_exact is False) and pages stop there.
COUNT_CAP = 1000


@dataclass(frozen=True)
class SearchPage:
    """One page of hits: document keys newest first, and how many documents match in all (or, when
    `total_exact` is False, at least how many: the count stopped at COUNT_CAP, or a backend counted only
    part of the hits; the total then always leaves room for one more page when there is one)."""

    keys: list[str] = field(default_factory=list)
    total: int = 0
    total_exact: bool = True


@dataclass(frozen=True)
class SearchFilters:
    """What a hit must be besides matching the words.

    `kind` is required. `any_of` holds groups of facet tokens: a hit carries at least one facet of every
    group (OR inside a group, AND across groups). `since` (inclusive) and `until` (exclusive) bound the
    publication time.
    """

    kind: str
    any_of: tuple[tuple[str, ...], ...] = ()
    since: dt.datetime | None = None
    until: dt.datetime | None = None

    def facet_groups(self) -> tuple[tuple[str, ...], ...]:
        """Every facet group, the kind's first (each hit carries exactly one kind)."""
        return (self.kind_group(), *(group for group in self.any_of))

    def kind_group(self) -> tuple[str, ...]:
        """The kind's facet group alone (a backend may test the kind some other way when it is common)."""
        return (facet("k", self.kind),)

    def sort_key_range(self) -> tuple[int | None, int | None]:
        """Inclusive bounds on SearchDocument.sort_key, or None where open."""
        low = sort_key_bound(self.since) if self.since is not None else None
        high = sort_key_bound(self.until) - 1 if self.until is not None else None
        return low, high

    @property
    def is_empty_range(self) -> bool:
        low, high = self.sort_key_range()
        return low is not None and high is not None and low > high


@dataclass(frozen=True)
class IndexEntry:
    """One document to (re)index: its row (with `sort_key` set), its word tokens and its facet tokens, and
    the sort key it was indexed under before, if it was (it changes with the publication time)."""

    document: SearchDocument
    tokens: list[str]
    facets: list[str]
    previous_sort_key: int | None = None


class SearchBackend(ABC):
    """A full-text index over SearchDocument rows.

    The SearchDocument row (kind, key, office, publication time, sort key) lives in an ordinary table on
    every database; a backend keeps its own index structure in step with it, inside the caller's
    transaction, and answers queries with the rows' keys in sort-key order, newest first.
    """

    #: The name settings.SEARCH_BACKEND uses for this backend.
    name: str
    #: The Django database vendor this backend runs on.
    vendor: str

    @abstractmethod
    def index_many(self, entries: Sequence[IndexEntry]) -> None:
        """Make each document findable under its tokens and facets (replacing any earlier version), and
        store its row's `sort_key` (set on `entry.document`, not yet saved) with it."""

    def index(self, document: SearchDocument, tokens: list[str], facets: list[str] | None = None) -> None:
        self.index_many([IndexEntry(document, tokens, facets or [])])

    @abstractmethod
    def unindex(self, document: SearchDocument) -> None:
        """Remove `document` from the index (the row itself is deleted by the caller)."""

    @abstractmethod
    def search(self, query: SearchQuery, filters: SearchFilters, *, limit: int, offset: int) -> SearchPage:
        """Keys of documents matching every part of `query` and `filters`, newest first, and the total
        (exact up to COUNT_CAP)."""


def page_total(*, rows_on_page: int, limit: int, offset: int, count: int | None) -> tuple[int, bool]:
    """The page's (total, exact) from what the page query saw and, when it was full, a capped count."""
    if count is None:
        return offset + rows_on_page, True
    if count > COUNT_CAP:
        return COUNT_CAP, False
    return count, True


def needs_count(*, rows_on_page: int, limit: int, offset: int) -> bool:
    """Whether the page alone cannot tell the total: it is full, or it is empty past the start."""
    return rows_on_page == limit or (rows_on_page == 0 and offset > 0)
