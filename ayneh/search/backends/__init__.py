"""The search backend registry: settings.SEARCH_BACKEND names one backend; "auto" picks the one that fits
the database Ayneh runs on (SQLite FTS5 on SQLite, PostgreSQL full text on PostgreSQL)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from ayneh.search.backends.base import SearchBackend, SearchPage
from ayneh.search.backends.postgres import PostgresBackend
from ayneh.search.backends.sqlite_fts5 import SqliteFts5Backend

__all__ = ["BACKENDS", "SearchBackend", "SearchPage", "get_backend"]

BACKENDS: dict[str, type[SearchBackend]] = {
    SqliteFts5Backend.name: SqliteFts5Backend,
    PostgresBackend.name: PostgresBackend,
}


def get_backend() -> SearchBackend:
    """The configured backend; refuses a backend that cannot run on the current database."""
    name = getattr(settings, "SEARCH_BACKEND", "auto") or "auto"
    if name == "auto":
        for backend_class in BACKENDS.values():
            if backend_class.vendor == connection.vendor:
                return backend_class()
        raise ImproperlyConfigured(f"No search backend for the {connection.vendor!r} database.")
    try:
        backend_class = BACKENDS[name]
    except KeyError:
        raise ImproperlyConfigured(
            f"SEARCH_BACKEND={name!r} is not one of: auto, {', '.join(sorted(BACKENDS))}."
        ) from None
    if backend_class.vendor != connection.vendor:
        raise ImproperlyConfigured(
            f"SEARCH_BACKEND={name!r} needs a {backend_class.vendor} database, not {connection.vendor}."
        )
    return backend_class()
