"""PostgreSQL full text: the scale-out backend. The tokens go in as a tsvector literal with positions.

The vector is built from ayneh.search.terms' tokens, not by `to_tsvector`: PostgreSQL's own parser treats
every non-ASCII character as a letter under the C locale (so «،» would glue words together) and splits
differently from FTS5. Feeding the same tokens to both engines is what makes their hits identical. No
configuration is applied to the literal, which is the 'simple' behaviour: no stemming, no stop words.
Filters are facet lexemes in the same vector (ayneh.search.terms.facet).

Newest first, two ways, chosen per query by the expected work (`choose_path`):

- "walk": read documents newest first along the sort_key index and test each vector, stopping after the
  page. Cheap when the query matches many documents (a common word: the page is full after a few dozen
  rows), hopeless for a rare one (it reads most of the table).
- "gin": the GIN index finds every hit, then they are sorted. Cheap for a rare query, expensive for a
  common one (every hit is fetched and sorted).

Totals: the GIN path has every hit at hand and counts them exactly (up to COUNT_CAP); a walked page counts
its hits among the newest COUNT_WALK_ROWS documents only, which reaches COUNT_CAP for the commonest words
and otherwise gives a lower bound ("more than n"): counting every hit of a common word is the expensive
part of the naive query, whichever index serves it.

PostgreSQL's planner makes this choice itself, but on its own selectivity guess, and it often walks the
sort index for rare words (~700 ms at 1M documents, measured). So the backend decides from the column's
statistics (pg_stats.most_common_elems, the lexemes ANALYZE found most often, with their frequencies) and
writes each path in a shape the planner cannot turn into the other: the walk tests the vector with the
function `ts_match_vq`, which no index can serve; the GIN path filters in a MATERIALIZED CTE, an
optimisation fence, and sorts only its result.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection

from ayneh.search.backends.base import COUNT_CAP, IndexEntry, SearchBackend, SearchFilters, SearchPage
from ayneh.search.models import SearchDocument
from ayneh.search.terms import SearchQuery

DOCUMENT_TABLE = SearchDocument._meta.db_table
# PostgreSQL keeps at most 256 positions per lexeme; beyond that it drops them silently, so say so here.
MAX_POSITIONS_PER_LEXEME = 255
# The statistics are re-read at most this often per process (ANALYZE refreshes them far less often).
STATISTICS_TTL_SECONDS = 300.0
# Relative cost of testing one row on the walk (an index step, a heap fetch, reading the vector from its
# TOAST table, decompressing and matching it) against handling one hit on the GIN path (a posting, a heap
# fetch, a sort entry): measured 15-60 us against 5-25 us per row at 1M documents on a loaded 2-core
# machine (benchmarks/search_1m.py); the walk's rows are random heap pages when storage order is not time
# order.
WALK_ROW_COST = 3.0
GIN_HIT_COST = 1.0
GIN_FIXED_COST = 300.0
# A walk reads at most WALK_BUDGET_FACTOR times the rows the estimate expects (within these bounds).
WALK_BUDGET_FACTOR = 4
WALK_MIN_BUDGET = 2_000
WALK_MAX_BUDGET = 200_000
# A walked page's total is counted among this many of the newest documents (in the date range): a lower
# bound for common words ("more than n"), cheap enough to stay within a page's time budget.
COUNT_WALK_ROWS = 500


def _lexeme(token: str) -> str:
    """A quoted tsvector/tsquery lexeme. Tokens are letters, digits and `_`, but quote defensively anyway."""
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(tokens: list[str], facets: Sequence[str] = ()) -> str:
    """`'کار':1,3 'وزیر':2 'k_release'` — every token with its 1-based positions, then the facets
    (positionless: they are never part of a phrase)."""
    positions: dict[str, list[int]] = {}
    for position, token in enumerate(tokens, start=1):
        token_positions = positions.setdefault(token, [])
        if len(token_positions) < MAX_POSITIONS_PER_LEXEME:
            token_positions.append(position)
    words = [f"{_lexeme(token)}:{','.join(map(str, pos))}" for token, pos in positions.items()]
    return " ".join([*words, *(_lexeme(token) for token in dict.fromkeys(facets))])


def tsquery_literal(query: SearchQuery, filters: SearchFilters | None = None) -> str:
    """`'کار':* & ('روابط' <-> 'عمومی') & 'k_release' & ('o_a' | 'o_b')` — prefix words, exact phrases and
    facet groups, ANDed."""
    parts = [_lexeme(word) + (":*" if query.is_prefix(word) else "") for word in query.words]
    parts += ["(" + " <-> ".join(_lexeme(token) for token in phrase) + ")" for phrase in query.phrases]
    for group in filters.facet_groups() if filters is not None else ():
        alternatives = [_lexeme(token) for token in group]
        parts.append(alternatives[0] if len(alternatives) == 1 else "(" + " | ".join(alternatives) + ")")
    return " & ".join(parts)


@dataclass(frozen=True)
class LexemeStatistics:
    """What ANALYZE found about the vector column: the most common lexemes' document frequencies (0..1),
    the smallest of them (every other lexeme is rarer), and the number of rows."""

    frequencies: dict[str, float]
    floor: float
    rows: float

    def word(self, word: str, *, prefix: bool) -> float:
        """The estimated share of documents holding `word` (or, for a prefix, any word it starts)."""
        unknown = self.floor / 2  # below the list's rarest entry
        if not prefix:
            return self.frequencies.get(word, unknown)
        listed = sum(f for lexeme, f in self.frequencies.items() if lexeme.startswith(word))
        # Documents holding several such words count once: the sum is an upper bound, capped at all.
        return min(1.0, listed + unknown)

    def selectivity(self, query: SearchQuery, filters: SearchFilters) -> float:
        """The estimated share of documents matching query and filters (parts taken as independent)."""
        share = 1.0
        for word in query.words:
            share *= self.word(word, prefix=query.is_prefix(word))
        for phrase in query.phrases:
            share *= min(self.word(token, prefix=False) for token in phrase)
        for group in filters.facet_groups():
            share *= min(1.0, sum(self.word(token, prefix=False) for token in group))
        return share


_statistics_lock = threading.Lock()
_statistics_cache: dict[str, tuple[float, LexemeStatistics]] = {}


def lexeme_statistics() -> LexemeStatistics:
    """The vector column's statistics for the current database, cached for STATISTICS_TTL_SECONDS."""
    alias = connection.settings_dict["NAME"]
    now = time.monotonic()
    with _statistics_lock:
        cached = _statistics_cache.get(alias)
        if cached is not None and now - cached[0] < STATISTICS_TTL_SECONDS:
            return cached[1]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
            "WHERE schemaname = current_schema() AND tablename = %s AND attname = 'vector'",
            [DOCUMENT_TABLE],
        )
        row = cursor.fetchone()
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [DOCUMENT_TABLE])
        rows = max(float(cursor.fetchone()[0]), 0.0)
    frequencies: dict[str, float] = {}
    if row is not None and row[0]:
        # The frequency array ends with the minimum and maximum frequency (and, for arrays, the share of
        # NULLs); zip stops at the lexemes.
        frequencies = dict(zip(row[0], row[1], strict=False))
    # Without statistics (a fresh table) every lexeme looks common: walk, which is right for a small table.
    floor = min(frequencies.values()) if frequencies else 1.0
    statistics = LexemeStatistics(frequencies=frequencies, floor=floor, rows=rows)
    with _statistics_lock:
        _statistics_cache[alias] = (now, statistics)
    return statistics


def forget_lexeme_statistics() -> None:
    """Drop the cached statistics (after an ANALYZE, in tests and benchmarks)."""
    with _statistics_lock:
        _statistics_cache.clear()


def choose_path(*, selectivity: float, rows: float, needed: int) -> str:
    """ "walk" or "gin": the cheaper way to find the newest `needed` hits (see the module docstring)."""
    if rows <= 0:
        return "walk"
    selectivity = max(selectivity, 1e-9)
    walk = min(needed / selectivity, rows) * WALK_ROW_COST
    gin = GIN_FIXED_COST + selectivity * rows * GIN_HIT_COST
    return "walk" if walk <= gin else "gin"


class PostgresBackend(SearchBackend):
    name = "postgresql"
    vendor = "postgresql"

    def index_many(self, entries: Sequence[IndexEntry]) -> None:
        if not entries:
            return
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {DOCUMENT_TABLE} SET vector = %s::tsvector WHERE id = %s",  # noqa: S608 (constant)
                [(tsvector_literal(entry.tokens, entry.facets), entry.document.pk) for entry in entries],
            )

    def unindex(self, document: SearchDocument) -> None:
        # The vector lives on the document row, which the caller deletes.
        return

    def search(self, query: SearchQuery, filters: SearchFilters, *, limit: int, offset: int) -> SearchPage:
        if filters.is_empty_range:
            return SearchPage()
        statistics = lexeme_statistics()
        selectivity = statistics.selectivity(query, filters)
        tsquery = tsquery_literal(query, filters)
        needed = limit + offset
        if choose_path(selectivity=selectivity, rows=statistics.rows, needed=needed) == "walk":
            page = self._walk(tsquery, filters, limit=limit, offset=offset, selectivity=selectivity)
            if page is not None:
                return page
            # A short page: the walk ran out of budget (or of documents); the GIN path knows for sure.
        return self._gin(tsquery, filters, limit=limit, offset=offset)

    @staticmethod
    def _range(filters: SearchFilters) -> tuple[str, list[int]]:
        low, high = filters.sort_key_range()
        sql, params = "", []
        if low is not None:
            sql += " AND sort_key >= %s"
            params.append(low)
        if high is not None:
            sql += " AND sort_key <= %s"
            params.append(high)
        return sql, params

    def _walk(
        self, tsquery: str, filters: SearchFilters, *, limit: int, offset: int, selectivity: float
    ) -> SearchPage | None:
        """The page by walking newest first, or None when the walk's budget ran out before the page was
        full. Its total is counted among the newest COUNT_WALK_ROWS documents only: exact if the range
        has no more than that, else a lower bound (at least one more page, or COUNT_CAP)."""
        range_sql, range_params = self._range(filters)
        needed = limit + offset
        # The inner query reads at most `budget` documents newest first down the sort_key index; the outer
        # one tests each with ts_match_vq (the function behind @@, which no index can serve, so the planner
        # cannot turn this into a GIN scan) and stops after the page and one more hit.
        expected = needed / max(selectivity, 1e-9)
        budget = int(min(max(WALK_BUDGET_FACTOR * expected, WALK_MIN_BUDGET), WALK_MAX_BUDGET))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT key FROM (SELECT key, sort_key, vector FROM {DOCUMENT_TABLE} WHERE true{range_sql} "  # noqa: S608
                "ORDER BY sort_key DESC LIMIT %s) AS recent WHERE ts_match_vq(vector, %s::tsquery) "
                "ORDER BY sort_key DESC LIMIT %s OFFSET %s",
                [*range_params, budget, tsquery, limit + 1, offset],
            )
            keys = [row[0] for row in cursor.fetchall()]
            if len(keys) <= limit:
                return None
            keys = keys[:limit]
            cursor.execute(
                "SELECT count(*) FILTER (WHERE ts_match_vq(vector, %s::tsquery)), count(*) FROM "  # noqa: S608
                f"(SELECT vector FROM {DOCUMENT_TABLE} WHERE true{range_sql} "
                "ORDER BY sort_key DESC LIMIT %s) AS recent",
                [tsquery, *range_params, COUNT_WALK_ROWS],
            )
            hits, read = cursor.fetchone()
        if read < COUNT_WALK_ROWS and hits <= COUNT_CAP:
            return SearchPage(keys=keys, total=hits, total_exact=True)  # the walk read the whole range
        return SearchPage(keys=keys, total=min(max(hits, needed + 1), COUNT_CAP), total_exact=False)

    def _gin(self, tsquery: str, filters: SearchFilters, *, limit: int, offset: int) -> SearchPage:
        """The page through the GIN index: every hit found, then sorted; the exact total rides along (the
        hits are all at hand in the materialised CTE)."""
        range_sql, range_params = self._range(filters)
        with connection.cursor() as cursor:
            cursor.execute(
                f"WITH hits AS MATERIALIZED (SELECT key, sort_key FROM {DOCUMENT_TABLE} "  # noqa: S608
                f"WHERE vector @@ %s::tsquery{range_sql}) "
                "SELECT key, count(*) OVER () FROM hits ORDER BY sort_key DESC LIMIT %s OFFSET %s",
                [tsquery, *range_params, limit, offset],
            )
            rows = cursor.fetchall()
            if rows:
                total = int(rows[0][1])
            elif offset == 0:
                total = 0
            else:
                cursor.execute(
                    f"SELECT count(*) FROM {DOCUMENT_TABLE} WHERE vector @@ %s::tsquery{range_sql}",  # noqa: S608
                    [tsquery, *range_params],
                )
                total = int(cursor.fetchone()[0])
        if total > COUNT_CAP:
            return SearchPage(keys=[row[0] for row in rows], total=COUNT_CAP, total_exact=False)
        return SearchPage(keys=[row[0] for row in rows], total=total, total_exact=True)


def estimated_cost_ratio(selectivity: float, rows: float, needed: int) -> float:
    """walk cost / GIN cost for a query (printed by the benchmark to show why a path was chosen)."""
    walk = min(needed / max(selectivity, 1e-9), rows) * WALK_ROW_COST
    gin = GIN_FIXED_COST + selectivity * rows * GIN_HIT_COST
    return walk / gin if gin else math.inf
