"""PostgreSQL full text: the scale-out backend. The tokens go in as a tsvector literal with positions.

The vector is built from ayneh.search.terms' tokens, not by `to_tsvector`: PostgreSQL's own parser treats
every non-ASCII character as a letter under the C locale (so «،» would glue words together) and splits
differently from FTS5. Feeding the same tokens to both engines is what makes their hits identical. No
configuration is applied to the literal, which is the 'simple' behaviour: no stemming, no stop words.
Filters are facet lexemes in the same vector (ayneh.search.terms.facet), and so are the document's *time
buckets* (`bucket_lexemes`: «b2_…», the stretch of time it was published in, at five widths from 18 hours
to 194 days), which let the GIN index answer "these words, in this stretch of time".

What costs what (measured at 1M documents, benchmarks/search_1m.py):

- An exact lexeme in the GIN index is cheap even when common: GIN intersects posting lists by skipping
  («کسبوکارها & با» in 3 ms). A *prefix* lexeme («با:*») is not: GIN unions the postings of every lexeme
  it starts before anything else happens (138 ms for «با:*», 38 ms for «کشورها:*»). So a prefix word is
  given to the GIN index only when its postings cost less than the row checks they save; otherwise it is
  *rechecked* row by row on what the rest found (`plan_query`).
- Testing one row (fetching it, decompressing its vector, matching) costs 2 us when its page is in shared
  buffers, 10-30 us when it is in the operating system's cache and 100-300 us from disk; migration 0004
  keeps vectors inside the row (STORAGE MAIN) and lz4-compressed, which halved a walk's time against
  out-of-line pglz vectors.
- The document's kind is a column of every row a path reads, so it is tested there; as a lexeme it would
  make the GIN index skip through a posting list of nearly every document («k_article») to rule out
  almost nothing, so the index gets it only when few documents are of that kind.

So a query is planned (`plan_query`) into the part the GIN index answers (exact words, phrases, facets,
and prefix words, rarest first, while their postings cost less than the row checks they save) and the part
rechecked per row, and answered newest first by whichever of three paths is estimated cheapest:

- "gin": fetch every hit of the GIN part, recheck, sort, count exactly (few hits at all).
- "walk": read documents newest first down the sort_key index and test each (`ts_match_vq`, which no
  index can serve, so the planner cannot swap paths), stopping after the page; the total is counted among
  the newest COUNT_WALK_ROWS documents only ("more than n"), since counting every hit of a common word is
  what makes the naive query slow (the whole query is common).
- "buckets": in between. The GIN part plus the newest time buckets (a width chosen so two buckets should
  hold the page), then older buckets in growing steps until the page is full: each step is a GIN lookup
  over a bounded stretch of time, so neither the walk's row-by-row reading nor the full GIN path's
  thousands of hits. The total counts the hits in the stretch searched (a lower bound when it stopped
  early).

PostgreSQL's planner would make the walk/GIN choice itself, on its own selectivity guess, and it often
walks the sort index for rare words (~700 ms at 1M documents, measured). So the backend decides from the
column's statistics (pg_stats.most_common_elems: the lexemes ANALYZE found most often, with their
frequencies) and writes each path in a shape the planner cannot turn into another: the GIN lookups run
in a MATERIALIZED CTE (an optimisation fence) with no sort_key condition inside it.
"""

from __future__ import annotations

import bisect
import math
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection

from ayneh.search.backends.base import COUNT_CAP, IndexEntry, SearchBackend, SearchFilters, SearchPage
from ayneh.search.models import SORT_KEY_ID_BITS, SearchDocument
from ayneh.search.terms import SearchQuery

DOCUMENT_TABLE = SearchDocument._meta.db_table
# PostgreSQL keeps at most 256 positions per lexeme; beyond that it drops them silently, so say so here.
MAX_POSITIONS_PER_LEXEME = 255
# The statistics are re-read at most this often per process (ANALYZE refreshes them far less often).
STATISTICS_TTL_SECONDS = 300.0

# Time buckets: level 0 is 2**16 seconds (18.2 hours) of sort keys, each level 4 times the one below
# (3 days, 12 days, 48 days, 194 days). Shifts of the sort key, so SQL (migration 0004) computes the same.
BUCKET_LEVELS = 5
BUCKET_SHIFT = SORT_KEY_ID_BITS + 16
BUCKET_LEVEL_BITS = 2

# What the planner weighs, in microseconds, measured at 1M documents on these machines
# (benchmarks/search_1m.py): one posting of a prefix word's partial match in the GIN index (0.14-0.33), and
# one row fetched from the table and tested: 2 when its page is in shared buffers, 10-30 when it is in
# the operating system's cache, 100-300 when it is read from disk. Which it is cannot be known ahead, and
# a table of gigabytes is rarely all cached (these machines page out what was not read for a minute), so a
# row is weighed as partly cold. Over the benchmark's 300 queries, 30 against the warm-cache 12 took p99
# from a cache dropped from 243-258 ms to 98-105, and with a warm one from 27-35 to 34-41.
POSTING_COST_US = 0.25
ROW_COST_US = 30.0
# A walk reads at most WALK_BUDGET_FACTOR times the rows the estimate expects (and at least
# WALK_MIN_BUDGET) before the buckets take over.
WALK_BUDGET_FACTOR = 4
WALK_MIN_BUDGET = 2_000
# A walked page's total is counted among this many of the newest documents (in the date range): a lower
# bound for common words ("more than n"), cheap enough to stay within a page's time budget.
COUNT_WALK_ROWS = 500
# The document's kind goes to the GIN index only when fewer than this share of documents are of it: a
# common kind («k_article») rules out almost nothing, and its posting list alone cost the GIN lookup 8 of
# the 12 ms of «k_article & چین & سوم» at 1M documents. Every path tests the kind on the row it reads.
KIND_IN_GIN_BELOW = 0.5
# The bucket path's first step (two buckets) is sized to hold this many times the hits the page needs, so
# that one step is usually enough (each step repeats the GIN part's partial matches).
BUCKET_MARGIN = 1.5


def _lexeme(token: str) -> str:
    """A quoted tsvector/tsquery lexeme. Tokens are letters, digits and `_`, but quote defensively anyway."""
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def bucket_of(sort_key: int, level: int) -> int:
    """The number of the time bucket of `level` that holds `sort_key`."""
    return sort_key >> (BUCKET_SHIFT + BUCKET_LEVEL_BITS * level)


def bucket_lexeme(level: int, bucket: int) -> str:
    """«b2_1234»: the underscore keeps it out of reach of any typed word (ayneh.search.terms)."""
    return f"b{level}_{bucket}"


def bucket_lexemes(sort_key: int) -> list[str]:
    """The time-bucket lexemes a document published at `sort_key` is indexed under, one per level."""
    return [bucket_lexeme(level, bucket_of(sort_key, level)) for level in range(BUCKET_LEVELS)]


def tsvector_literal(tokens: list[str], facets: Sequence[str] = (), sort_key: int | None = None) -> str:
    """`'کار':1,3 'وزیر':2 'k_release' 'b0_…'` — every token with its 1-based positions, then the facets
    and time buckets (positionless: they are never part of a phrase)."""
    positions: dict[str, list[int]] = {}
    for position, token in enumerate(tokens, start=1):
        token_positions = positions.get(token)
        if token_positions is None:
            positions[token] = [position]
        elif len(token_positions) < MAX_POSITIONS_PER_LEXEME:
            token_positions.append(position)
    # Word tokens are letters and digits (ayneh.search.terms): quote them plainly unless one is not.
    plain = not any("'" in token or "\\" in token for token in positions)
    words = [
        f"'{token}':{','.join(map(str, pos))}" if plain else f"{_lexeme(token)}:{','.join(map(str, pos))}"
        for token, pos in positions.items()
    ]
    labels = [*facets, *(bucket_lexemes(sort_key) if sort_key is not None else ())]
    return " ".join([*words, *(_lexeme(token) for token in dict.fromkeys(labels))])


def _word_part(query: SearchQuery, word: str) -> str:
    return _lexeme(word) + (":*" if query.is_prefix(word) else "")


def _phrase_part(phrase: Sequence[str]) -> str:
    return "(" + " <-> ".join(_lexeme(token) for token in phrase) + ")"


def _group_part(group: Sequence[str]) -> str:
    alternatives = [_lexeme(token) for token in group]
    return alternatives[0] if len(alternatives) == 1 else "(" + " | ".join(alternatives) + ")"


def tsquery_literal(query: SearchQuery, filters: SearchFilters | None = None) -> str:
    """`'کار':* & ('روابط' <-> 'عمومی') & 'k_release' & ('o_a' | 'o_b')` — prefix words, exact phrases and
    facet groups, ANDed."""
    parts = [_word_part(query, word) for word in query.words]
    parts += [_phrase_part(phrase) for phrase in query.phrases]
    parts += [_group_part(group) for group in (filters.facet_groups() if filters is not None else ())]
    return " & ".join(parts)


@dataclass(frozen=True)
class LexemeStatistics:
    """What ANALYZE found about the vector column: the most common lexemes' document frequencies (0..1),
    the smallest of them (every other lexeme is rarer), the number of rows; the sort keys' histogram
    (`sort_key_bounds`: ascending bounds of intervals holding equally many documents) and the newest sort
    key now (`latest`, read with the statistics: ANALYZE may be weeks old)."""

    frequencies: dict[str, float]
    floor: float
    rows: float
    sort_key_bounds: tuple[int, ...] = ()
    latest: int | None = None

    @property
    def oldest(self) -> int | None:
        return self.sort_key_bounds[0] if self.sort_key_bounds else None

    @property
    def newest(self) -> int | None:
        """The newest sort key the histogram knows (`latest` may be newer)."""
        return self.sort_key_bounds[-1] if self.sort_key_bounds else None

    def word(self, word: str, *, prefix: bool) -> float:
        """The estimated share of documents holding `word` (or, for a prefix, any word it starts)."""
        unknown = self.floor / 2  # below the list's rarest entry
        if not prefix:
            return self.frequencies.get(word, unknown)
        listed = sum(f for lexeme, f in self.frequencies.items() if lexeme.startswith(word))
        # Documents holding several such words count once: the sum is an upper bound, capped at all.
        return min(1.0, listed + unknown)

    def group(self, group: Sequence[str]) -> float:
        return min(1.0, sum(self.word(token, prefix=False) for token in group))

    def facets(self, groups: Sequence[Sequence[str]]) -> float:
        """The estimated share of documents matching every facet group (1 for none). Filters are far from
        independent (a provincial outlet's tier and its province, an office and its province):
        multiplying their shares underestimated their hits 2-4 times at 1M documents, and taking the most
        selective one's overestimated them as much. The estimate is in between: the most selective share
        times the square root of the others'."""
        shares = sorted(self.group(group) for group in groups)
        return shares[0] * math.sqrt(math.prod(shares[1:])) if shares else 1.0

    def documents_between(self, low: int | None, high: int | None) -> float:
        """About how many documents have a sort key in [low, high] (None: open); at least one."""
        bounds = self.sort_key_bounds
        if len(bounds) < 2 or bounds[-1] <= bounds[0]:
            return max(self.rows, 1.0)
        top = max(self.latest or bounds[-1], bounds[-1])
        below_high = self._documents_below(top + 1 if high is None else min(high, top) + 1)
        below_low = 0.0 if low is None else self._documents_below(low)
        return max(below_high - below_low, 1.0)

    def _documents_below(self, key: int) -> float:
        """About how many documents have a sort key below `key`: interpolated inside the histogram's
        intervals, and past its newest bound (documents added since ANALYZE) at its newest interval's
        rate."""
        bounds = self.sort_key_bounds
        per_interval = self.rows / (len(bounds) - 1)
        if key <= bounds[0]:
            return 0.0
        if key >= bounds[-1]:
            return self.rows + (key - bounds[-1]) * per_interval / max(bounds[-1] - bounds[-2], 1)
        at = bisect.bisect_right(bounds, key) - 1
        return per_interval * (at + (key - bounds[at]) / max(bounds[at + 1] - bounds[at], 1))

    def bucket_documents(self, level: int) -> float:
        """Documents per time bucket of `level`, on average over the indexed range."""
        if self.oldest is None or self.newest is None:
            return max(self.rows, 1.0)
        buckets = bucket_of(self.newest, 0) - bucket_of(self.oldest, 0) + 1
        return max(self.rows / buckets, 1.0) * (1 << (BUCKET_LEVEL_BITS * level))


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
            "SELECT attname, most_common_elems::text::text[], most_common_elem_freqs, "
            "histogram_bounds::text::text[] FROM pg_stats "
            "WHERE schemaname = current_schema() AND tablename = %s AND attname IN ('vector', 'sort_key')",
            [DOCUMENT_TABLE],
        )
        by_column = {row[0]: row[1:] for row in cursor.fetchall()}
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [DOCUMENT_TABLE])
        rows = max(float(cursor.fetchone()[0]), 0.0)
        cursor.execute(f"SELECT max(sort_key) FROM {DOCUMENT_TABLE}")  # noqa: S608 (one index probe)
        latest = cursor.fetchone()[0]
    frequencies: dict[str, float] = {}
    lexemes, lexeme_frequencies, _bounds = by_column.get("vector", (None, None, None))
    if lexemes:
        # The frequency array ends with the minimum and maximum frequency (and, for arrays, the share of
        # NULLs); zip stops at the lexemes.
        frequencies = dict(zip(lexemes, lexeme_frequencies, strict=False))
    # The sort keys' histogram (sort_key is unique, so it covers every row): the documents in a date range,
    # the time buckets' sizes.
    _elements, _frequencies, bounds = by_column.get("sort_key", (None, None, None))
    # Without statistics (a fresh table) every lexeme looks common: walk, which is right for a small table.
    floor = min(frequencies.values()) if frequencies else 1.0
    statistics = LexemeStatistics(
        frequencies=frequencies,
        floor=floor,
        rows=rows,
        sort_key_bounds=tuple(int(bound) for bound in bounds or ()),
        latest=latest,
    )
    with _statistics_lock:
        _statistics_cache[alias] = (now, statistics)
    return statistics


def forget_lexeme_statistics() -> None:
    """Drop the cached statistics (after an ANALYZE, in tests and benchmarks)."""
    with _statistics_lock:
        _statistics_cache.clear()


@dataclass(frozen=True)
class QueryPlan:
    """A query split for PostgreSQL (module docstring): `gin` is the part the GIN index answers cheaply,
    `recheck` the part tested row by row ("" when there is none), `whole` both; the estimated share of
    documents matching it, the path chosen, the bucket level the bucket path starts at, and whether the
    kind is tested on the row (left out of `gin`)."""

    gin: str
    recheck: str
    whole: str
    selectivity: float
    path: str
    bucket_level: int
    kind_on_row: bool


def plan_query(query: SearchQuery, filters: SearchFilters, statistics: LexemeStatistics, *, needed: int) -> QueryPlan:
    """Split the query into its GIN and recheck parts and choose the path (module docstring).

    Exact words, phrases and facets always go to the GIN index (it skips through their postings). Prefix
    words are added to it rarest first while that lowers the estimated cost: their partial match
    (POSTING_COST_US per posting) against the rows it saves rechecking (ROW_COST_US per row) among the
    ones a newest-first page needs.
    """
    rows = max(statistics.rows, 1.0)
    groups = filters.facet_groups()
    # A common kind is tested on the row (module docstring); the GIN index gets it when it rules out most
    # documents.
    kind_on_row = statistics.group(filters.kind_group()) >= KIND_IN_GIN_BELOW
    gin_groups = filters.any_of if kind_on_row else groups
    gin_parts = [_group_part(group) for group in gin_groups]
    word_share = 1.0
    prefixes: list[tuple[str, float]] = []
    for word in query.words:
        share = statistics.word(word, prefix=query.is_prefix(word))
        if query.is_prefix(word):
            prefixes.append((_word_part(query, word), share))
        else:
            gin_parts.append(_word_part(query, word))
            word_share *= share
    for phrase in query.phrases:
        gin_parts.append(_phrase_part(phrase))
        word_share *= min(statistics.word(token, prefix=False) for token in phrase)
    gin_share = statistics.facets(gin_groups) * word_share
    # Parts taken as independent (the facets among themselves excepted: LexemeStatistics.facets).
    selectivity = max(statistics.facets(groups) * word_share * math.prod(share for _part, share in prefixes), 1e-9)

    # Documents in the date range: a newest-first path reads no further.
    scope = statistics.documents_between(*filters.sort_key_range())
    page_span = min((needed + 1) / selectivity, scope)  # documents, newest first, that hold the page
    level = bucket_level(selectivity, statistics, needed=needed, scope=scope)
    bucket_span = 2 * statistics.bucket_documents(level)  # the bucket path's first step: two buckets
    examined = min(max(page_span, bucket_span), rows)  # what a newest-first path reads

    def cost(gin_share: float, postings: float) -> float:
        return POSTING_COST_US * postings + ROW_COST_US * examined * gin_share

    postings = 0.0
    recheck_parts: list[str] = []
    for part, share in sorted(prefixes, key=lambda item: item[1]):
        if cost(gin_share * share, postings + share * rows) < cost(gin_share, postings):
            gin_parts.append(part)
            gin_share *= share
            postings += share * rows
        else:
            recheck_parts.append(part)
    gin_share = max(gin_share, selectivity)
    costs = {
        # Every row newest first until the page is full, then the count's rows.
        "walk": ROW_COST_US * (page_span + COUNT_WALK_ROWS),
        # Every hit of the GIN part.
        "gin": POSTING_COST_US * postings + ROW_COST_US * rows * gin_share,
        # The GIN part's hits in the first step, or in the stretch that holds the page if that is more
        # (a second step, repeating the partial matches); and the buckets' own postings, which the GIN
        # index reads too (about as dear as a prefix's: measured at 1M documents, two 194-day buckets
        # cost 40-50 ms).
        "buckets": POSTING_COST_US * (postings * (1 if bucket_span >= page_span else 2) + bucket_span)
        + ROW_COST_US * max(bucket_span, page_span) * gin_share,
    }
    return QueryPlan(
        gin=" & ".join(gin_parts),
        recheck=" & ".join(recheck_parts),
        whole=tsquery_literal(query, filters),
        selectivity=selectivity,
        path=min(costs, key=costs.__getitem__),
        bucket_level=level,
        kind_on_row=kind_on_row,
    )


def bucket_level(selectivity: float, statistics: LexemeStatistics, *, needed: int, scope: float) -> int:
    """The narrowest bucket width at which two buckets should hold BUCKET_MARGIN times the page, or one
    bucket as many documents as the date range (`scope`), which then lies in at most two buckets: wider
    ones would only add postings and rows outside it."""
    for level in range(BUCKET_LEVELS):
        documents = statistics.bucket_documents(level)
        if 2 * documents * selectivity >= BUCKET_MARGIN * (needed + 1) or documents >= scope:
            return level
    return BUCKET_LEVELS - 1


class PostgresBackend(SearchBackend):
    name = "postgresql"
    vendor = "postgresql"

    def index_many(self, entries: Sequence[IndexEntry]) -> None:
        if not entries:
            return
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {DOCUMENT_TABLE} SET sort_key = %s, vector = %s::tsvector WHERE id = %s",  # noqa: S608
                [
                    (
                        entry.document.sort_key,
                        tsvector_literal(entry.tokens, entry.facets, entry.document.sort_key),
                        entry.document.pk,
                    )
                    for entry in entries
                ],
            )

    def unindex(self, document: SearchDocument) -> None:
        # The vector lives on the document row, which the caller deletes.
        return

    def search(self, query: SearchQuery, filters: SearchFilters, *, limit: int, offset: int) -> SearchPage:
        if filters.is_empty_range:
            return SearchPage()
        plan = plan_query(query, filters, lexeme_statistics(), needed=limit + offset)
        if plan.path == "walk":
            page = self._walk(plan, filters, limit=limit, offset=offset)
            if page is not None:
                return page
            # A short page: the walk ran out of budget (or of documents); the buckets take over.
        if plan.path == "gin":
            return self._gin(plan, filters, limit=limit, offset=offset)
        return self._buckets(plan, filters, limit=limit, offset=offset)

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

    def _walk(self, plan: QueryPlan, filters: SearchFilters, *, limit: int, offset: int) -> SearchPage | None:
        """The page by walking newest first, or None when the walk's budget ran out before the page was
        full. Its total is counted among the newest COUNT_WALK_ROWS documents only: exact if the range
        has no more than that, else a lower bound (at least one more page, or COUNT_CAP)."""
        range_sql, range_params = self._range(filters)
        needed = limit + offset
        budget = int(max(WALK_BUDGET_FACTOR * needed / plan.selectivity, WALK_MIN_BUDGET))
        with connection.cursor() as cursor:
            # The inner query reads at most `budget` documents newest first down the sort_key index; the
            # outer one tests each with ts_match_vq and stops after the page and one more hit.
            cursor.execute(
                f"SELECT key FROM (SELECT key, sort_key, vector FROM {DOCUMENT_TABLE} WHERE true{range_sql} "  # noqa: S608
                "ORDER BY sort_key DESC LIMIT %s) AS recent WHERE ts_match_vq(vector, %s::tsquery) "
                "ORDER BY sort_key DESC LIMIT %s OFFSET %s",
                [*range_params, budget, plan.whole, limit + 1, offset],
            )
            keys = [row[0] for row in cursor.fetchall()]
            if len(keys) <= limit:
                return None
            keys = keys[:limit]
            cursor.execute(
                "SELECT count(*) FILTER (WHERE ts_match_vq(vector, %s::tsquery)), count(*) FROM "  # noqa: S608
                f"(SELECT vector FROM {DOCUMENT_TABLE} WHERE true{range_sql} "
                "ORDER BY sort_key DESC LIMIT %s) AS recent",
                [plan.whole, *range_params, COUNT_WALK_ROWS],
            )
            hits, read = cursor.fetchone()
        if read < COUNT_WALK_ROWS and hits <= COUNT_CAP:
            return SearchPage(keys=keys, total=hits, total_exact=True)  # the walk read the whole range
        return SearchPage(keys=keys, total=min(max(hits, needed + 1), COUNT_CAP), total_exact=False)

    def _hits(self, plan: QueryPlan, filters: SearchFilters, *, buckets: str = "") -> list[tuple[str, int]]:
        """Every hit of the plan (within the time buckets `buckets`, a tsquery, when given) as (key,
        sort_key), newest first. The GIN part is looked up and the recheck part tested on each row it finds
        in a MATERIALIZED CTE with no sort_key condition (so the GIN index is the only index the planner
        can use there); the date range applies to what it found."""
        range_sql, range_params = self._range(filters)
        lookup = " & ".join(part for part in (plan.gin, buckets) if part) or plan.whole
        # Only a common kind is tested here (a rare one is in the lookup): no index serves a common kind, so
        # the GIN index stays the only one the planner can use.
        kind = " AND kind = %s" if plan.kind_on_row else ""
        recheck = " AND ts_match_vq(vector, %s::tsquery)" if plan.recheck else ""
        with connection.cursor() as cursor:
            cursor.execute(
                f"WITH found AS MATERIALIZED (SELECT key, sort_key FROM {DOCUMENT_TABLE} "  # noqa: S608
                f"WHERE vector @@ %s::tsquery{kind}{recheck}) SELECT key, sort_key FROM found "
                f"WHERE true{range_sql} ORDER BY sort_key DESC",
                [
                    lookup,
                    *([filters.kind] if plan.kind_on_row else []),
                    *([plan.recheck] if plan.recheck else []),
                    *range_params,
                ],
            )
            return cursor.fetchall()

    def _gin(self, plan: QueryPlan, filters: SearchFilters, *, limit: int, offset: int) -> SearchPage:
        """The page from every hit: found through the GIN index, rechecked, sorted and counted exactly."""
        hits = self._hits(plan, filters)
        keys = [key for key, _sort_key in hits[offset : offset + limit]]
        if len(hits) > COUNT_CAP:
            return SearchPage(keys=keys, total=COUNT_CAP, total_exact=False)
        return SearchPage(keys=keys, total=len(hits), total_exact=True)

    def _buckets(self, plan: QueryPlan, filters: SearchFilters, *, limit: int, offset: int) -> SearchPage:
        """The page from the newest time buckets, searched in steps of 2, 4, 8 ... buckets going back in
        time until the page (and one more hit) is found or the range ends. The total is exact when the
        steps reached the start of the range, else the hits found so far."""
        needed = limit + offset
        range_sql, range_params = self._range(filters)
        with connection.cursor() as cursor:
            # The range's actual ends (two index probes): the cached statistics may predate new documents.
            cursor.execute(
                f"SELECT min(sort_key), max(sort_key) FROM {DOCUMENT_TABLE} WHERE true{range_sql}",  # noqa: S608
                range_params,
            )
            bottom, top = cursor.fetchone()
        if top is None or bottom is None:
            return SearchPage()
        level = plan.bucket_level
        newest, last = bucket_of(top, level), bucket_of(bottom, level)
        hits: list[tuple[str, int]] = []
        step = 0
        while True:
            oldest = max(newest - (2 << step) + 1, last)
            buckets = " | ".join(_lexeme(bucket_lexeme(level, b)) for b in range(newest, oldest - 1, -1))
            hits += self._hits(plan, filters, buckets=f"({buckets})")
            newest, step = oldest - 1, step + 1
            reached_start = newest < last
            if len(hits) > needed or reached_start:
                keys = [key for key, _sort_key in hits[offset : offset + limit]]
                exact = reached_start and len(hits) <= COUNT_CAP
                return SearchPage(keys=keys, total=min(len(hits), COUNT_CAP), total_exact=exact)
