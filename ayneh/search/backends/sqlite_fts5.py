"""SQLite FTS5: the embedded default. One FTS5 row per SearchDocument, rowid = SearchDocument.sort_key.

Because the rowid is the time-order key, `ORDER BY rowid DESC LIMIT n` is FTS5's own iteration order: it
walks the matching doclists newest first and stops after n hits, however many documents contain the
words. (Ranking by bm25(), or ordering by a column of the joined table, must visit every hit first:
measured at 1M documents, hundreds of milliseconds for the commonest words; see
benchmarks/search_1m.py.) Filters are facet tokens in the same row, intersected by FTS5 itself, and a date
range is a rowid range, which FTS5 also applies while walking.

Long prefix words. A prefix word («کشور» finds «کشورها») is one doclist only when its length is one of
the prefix indexes' (2 or 3 letters). A longer one makes FTS5 merge the doclists of every word it starts
— all of them, before the first row comes out: 40-50 ms at 1M documents for «برای», «کشور», «ایران»,
twice per page (hits, then count). So a prefix word longer than the longest prefix index is looked up
by its first three letters (one doclist, walked newest first with early termination like any other) and
each candidate row's stored tokens are checked for a token that starts with the whole word
(`verified_walk`). Common words fill the page after a few dozen rows (0.1 ms instead of 40); a word
rare among its first three letters' documents runs out of the walk's budget and goes back to FTS5's own
prefix query, which is cheap exactly then (its doclists are short). Either way the hits are the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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
# The prefix indexes of the FTS5 table, in letters (FTS5 counts characters, not bytes).
PREFIX_INDEX_LENGTHS = (2, 3)
# The tokenizer of the FTS5 table (migration 0003): `_` is a token character so a facet token such as
# «o_dg_fars» stays one token; word tokens never contain it (ayneh.search.terms). The prefix indexes
# answer two- and three-letter prefix words («در*», «کار*») without merging thousands of doclists.
FTS_CREATE_SQL = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(tokens, "
    "tokenize = \"unicode61 remove_diacritics 2 tokenchars '_'\", "
    f"prefix = '{' '.join(map(str, PREFIX_INDEX_LENGTHS))}')"
)
# Candidate rows a verified walk reads for its page before it hands the query back to FTS5's own prefix
# query, and in all (page and count) before it reports the count as "at least". Reading one row's tokens
# costs 5-10 us at 1M documents (measured, benchmarks/search_1m.py), so these bound a search to about 10
# and 15 ms.
VERIFY_PAGE_BUDGET = 1_000
VERIFY_COUNT_BUDGET = 1_500
_FETCH = 200


def _fts5_string(text: str) -> str:
    """An FTS5 string literal: inside it every character is literal text, never query syntax."""
    return '"' + text.replace('"', '""') + '"'


def fts5_match_expression(query: SearchQuery, filters: SearchFilters | None = None) -> str:
    """The FTS5 MATCH expression: quoted words (prefix-starred) and quoted phrases, ANDed, and each facet
    group as an OR of quoted facet tokens."""
    return _match(query, filters, shorten=False)


def _match(query: SearchQuery, filters: SearchFilters | None, *, shorten: bool) -> str:
    """The MATCH expression; with `shorten`, prefix words longer than the longest prefix index are cut
    to it (a superset of the hits, for `verified_walk`)."""
    longest = max(PREFIX_INDEX_LENGTHS)
    parts = []
    for word in query.words:
        if not query.is_prefix(word):
            parts.append(_fts5_string(word))
        else:
            parts.append(_fts5_string(word[:longest] if shorten else word) + "*")
    parts += [_fts5_string(" ".join(phrase)) for phrase in query.phrases]
    for group in filters.facet_groups() if filters is not None else ():
        alternatives = [_fts5_string(token) for token in group]
        parts.append(alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")")
    return " AND ".join(parts)


def long_prefix_words(query: SearchQuery) -> tuple[str, ...]:
    """The query's prefix words that no prefix index answers."""
    longest = max(PREFIX_INDEX_LENGTHS)
    return tuple(word for word in query.words if query.is_prefix(word) and len(word) > longest)


def _where(match: str, filters: SearchFilters) -> tuple[str, list[str | int]]:
    conditions = [f"{FTS_TABLE} MATCH %s"]
    params: list[str | int] = [match]
    low, high = filters.sort_key_range()
    if low is not None:
        conditions.append(f"{FTS_TABLE}.rowid >= %s")
        params.append(low)
    if high is not None:
        conditions.append(f"{FTS_TABLE}.rowid <= %s")
        params.append(high)
    return " AND ".join(conditions), params


def fts_where(query: SearchQuery, filters: SearchFilters) -> tuple[str, list[str | int]]:
    """The WHERE clause over the FTS5 table (MATCH and the rowid range) and its parameters."""
    return _where(fts5_match_expression(query, filters), filters)


@dataclass(frozen=True)
class VerifiedWalk:
    """What a verified walk found: the sort keys of its hits newest first (the page's and, while the
    count budget lasted, more), whether it read every candidate, and how many candidates it read."""

    sort_keys: list[int]
    complete: bool
    read: int


def verified_walk(query: SearchQuery, filters: SearchFilters, *, needed: int) -> VerifiedWalk | None:
    """Walk the candidates of `query` (its long prefix words cut to the prefix index) newest first,
    keeping those whose tokens hold a token starting with each long word. Returns None when the first
    `needed` hits are not among the first VERIFY_PAGE_BUDGET candidates (the module docstring says why
    FTS5's own query is then the cheap one)."""
    needles = tuple(" " + word for word in long_prefix_words(query))
    where, params = _where(_match(query, filters, shorten=True), filters)
    hits: list[int] = []
    read = 0
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT rowid, tokens FROM {FTS_TABLE} WHERE {where} ORDER BY rowid DESC", params)  # noqa: S608
        while rows := cursor.fetchmany(_FETCH):
            for sort_key, stored in rows:
                read += 1
                spaced = " " + stored
                if all(needle in spaced for needle in needles):
                    hits.append(sort_key)
                    if len(hits) > COUNT_CAP:
                        return VerifiedWalk(hits, complete=False, read=read)
                if len(hits) < needed and read >= VERIFY_PAGE_BUDGET:
                    return None
                if read >= VERIFY_COUNT_BUDGET:
                    return VerifiedWalk(hits, complete=False, read=read)
    return VerifiedWalk(hits, complete=True, read=read)


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
        if long_prefix_words(query):
            walk = verified_walk(query, filters, needed=limit + offset)
            if walk is not None:
                sort_keys = walk.sort_keys[offset : offset + limit]
                found = len(walk.sort_keys)
                if walk.complete:
                    total, exact = found, True
                else:
                    # At least what the walk saw, and always room for the next page when there is one.
                    total, exact = min(max(found, offset + limit + 1), COUNT_CAP), False
                return SearchPage(keys=self._keys(sort_keys), total=total, total_exact=exact)
        return self._native(query, filters, limit=limit, offset=offset)

    def _native(self, query: SearchQuery, filters: SearchFilters, *, limit: int, offset: int) -> SearchPage:
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
        total, exact = page_total(rows_on_page=len(sort_keys), limit=limit, offset=offset, count=count)
        return SearchPage(keys=self._keys(sort_keys), total=total, total_exact=exact)

    @staticmethod
    def _keys(sort_keys: list[int]) -> list[str]:
        """The documents' keys, in the order of `sort_keys`."""
        if not sort_keys:
            return []
        placeholders = ", ".join(["%s"] * len(sort_keys))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT sort_key, key FROM {DOCUMENT_TABLE} WHERE sort_key IN ({placeholders})",  # noqa: S608
                sort_keys,
            )
            keys = dict(cursor.fetchall())
        return [keys[key] for key in sort_keys if key in keys]
