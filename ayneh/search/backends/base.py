"""The search interface every backend implements, and the page of results it returns."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from ayneh.search.models import SearchDocument
from ayneh.search.terms import SearchQuery


@dataclass(frozen=True)
class SearchPage:
    """One page of hits: document keys newest first, and how many documents match in all."""

    keys: list[str] = field(default_factory=list)
    total: int = 0


class SearchBackend(ABC):
    """A full-text index over SearchDocument rows.

    The SearchDocument row (kind, key, office, publication time) lives in an ordinary table on every
    database; a backend keeps its own index structure in step with it, inside the caller's transaction,
    and answers queries with the row's keys ordered by publication time, newest first.
    """

    #: The name settings.SEARCH_BACKEND uses for this backend.
    name: str
    #: The Django database vendor this backend runs on.
    vendor: str

    @abstractmethod
    def index(self, document: SearchDocument, tokens: list[str]) -> None:
        """Make `document` findable under `tokens` (replacing whatever it was indexed under before)."""

    @abstractmethod
    def unindex(self, document: SearchDocument) -> None:
        """Remove `document` from the index (the row itself is deleted by the caller)."""

    @abstractmethod
    def search(self, query: SearchQuery, *, kind: str, office_code: str | None, limit: int, offset: int) -> SearchPage:
        """Keys of `kind` documents matching every part of `query`, newest first, and the total count."""
