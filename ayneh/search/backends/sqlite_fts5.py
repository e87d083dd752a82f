"""SQLite FTS5: the embedded default. One FTS5 row per SearchDocument, rowid = SearchDocument.sort_key.

Because the rowid is the time-order key, `ORDER BY rowid DESC LIMIT n` is FTS5's own iteration order: it
walks the matching doclists newest first and stops after n hits, however many documents contain the
words. (Ranking by bm25(), or ordering by a column of the joined table, must visit every hit first:
measured at 1M documents, hundreds of milliseconds for the commonest words; see
benchmarks/search_1m.py.) Filters are facet tokens in the same row, intersected by FTS5 itself, and a date
range is a rowid range, which FTS5 also applies while walking.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

from ayneh.search.backends.base import (
    COUNT_CAP,
    IndexEntry,
    SearchBackend,
    SearchFilters,
    SearchPage,
    needs_count,
    page_total,
)
from ayneh.search.models import SearchDocument
from ayneh.search.terms import SearchQuery

FTS_TABLE = "search_document_fts"
DOCUMENT_TABLE = SearchDocument._meta.db_table
# The tokenizer of the FTS5 table (migration 0003): `_` is a token character so a facet token such as
# «o_dg_fars» stays one token; word tokens never contain it (ayneh.search.terms). The prefix indexes
# answer two- and three-letter prefix words («در*», «کار*») without merging thousands of doclists.
FTS_CREATE_SQL = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(tokens, "
    "tokenize = \"unicode61 remove_diacritics 2 tokenchars '_'\", prefix = '2 3')"
)


def _fts5_string(text: str) -> str:
    """An FTS5 string literal: inside it every character is literal text, never query syntax."""
    return '"' + text.replace('"', '""') + '"'


def fts5_match_expression(query: SearchQuery, filters: SearchFilters | None = None) -> str:
    """The FTS5 MATCH expression: quoted words (prefix-starred) and quoted phrases, ANDed, and each facet
    group as an OR of quoted facet tokens."""
    parts = [_fts5_string(word) + ("*" if query.is_prefix(word) else "") for word in query.words]
    parts += [_fts5_string(" ".join(phrase)) for phrase in query.phrases]
    for group in filters.facet_groups() if filters is not None else ():
        alternatives = [_fts5_string(token) for token in group]
        parts.append(alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")")
    return " AND ".join(parts)


def fts_where(query: SearchQuery, filters: SearchFilters) -> tuple[str, list[str | int]]:
    """The WHERE clause over the FTS5 table (MATCH and the rowid range) and its parameters."""
    conditions = [f"{FTS_TABLE} MATCH %s"]
    params: list[str | int] = [fts5_match_expression(query, filters)]
    low, high = filters.sort_key_range()
    if low is not None:
        conditions.append(f"{FTS_TABLE}.rowid >= %s")
        params.append(low)
    if high is not None:
        conditions.append(f"{FTS_TABLE}.rowid <= %s")
        params.append(high)
    return " AND ".join(conditions), params


class SqliteFts5Backend(SearchBackend):
    name = "sqlite"
    vendor = "sqlite"

    def index_many(self, entries: Sequence[IndexEntry]) -> None:
        if not entries:
            return
        stale = {entry.previous_sort_key for entry in entries if entry.previous_sort_key is not None}
        stale |= {entry.document.sort_key for entry in entries if entry.document.sort_key is not None}
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(key,) for key in stale])  # noqa: S608
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} (rowid, tokens) VALUES (%s, %s)",  # noqa: S608 (constant table name)
                [(entry.document.sort_key, " ".join([*entry.tokens, *entry.facets])) for entry in entries],
            )

    def unindex(self, document: SearchDocument) -> None:
        if document.sort_key is None:
            return
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [document.sort_key])  # noqa: S608

    def search(self, query: SearchQuery, filters: SearchFilters, *, limit: int, offset: int) -> SearchPage:
        if filters.is_empty_range:
            return SearchPage()
        where, params = fts_where(query, filters)
        with connection.cursor() as cursor:
            # FTS5 alone, newest first, stopping after the page: no join inside the walk.
            cursor.execute(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {where} ORDER BY rowid DESC LIMIT %s OFFSET %s",  # noqa: S608
                [*params, limit, offset],
            )
            sort_keys = [row[0] for row in cursor.fetchall()]
            count = None
            if needs_count(rows_on_page=len(sort_keys), limit=limit, offset=offset):
                cursor.execute(
                    f"SELECT count(*) FROM (SELECT 1 FROM {FTS_TABLE} WHERE {where} LIMIT %s)",  # noqa: S608
                    [*params, COUNT_CAP + 1],
                )
                count = cursor.fetchone()[0]
            keys: dict[int, str] = {}
            if sort_keys:
                placeholders = ", ".join(["%s"] * len(sort_keys))
                cursor.execute(
                    f"SELECT sort_key, key FROM {DOCUMENT_TABLE} WHERE sort_key IN ({placeholders})",  # noqa: S608
                    sort_keys,
                )
                keys = dict(cursor.fetchall())
        total, exact = page_total(rows_on_page=len(sort_keys), limit=limit, offset=offset, count=count)
        return SearchPage(keys=[keys[key] for key in sort_keys if key in keys], total=total, total_exact=exact)
