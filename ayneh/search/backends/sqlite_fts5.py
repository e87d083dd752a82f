"""SQLite FTS5: the embedded default. One FTS5 row per SearchDocument, rowid = SearchDocument.sort_key.

Because the rowid is the time-order key, `ORDER BY rowid DESC LIMIT n` is FTS5's own iteration order: it
walks the matching doclists newest first and stops after n hits, however many documents contain the
words. (Ranking by bm25(), or ordering by a column of the joined table, must visit every hit first:
measured at 1M documents, hundreds of milliseconds for the commonest words; see
benchmarks/search_1m.py.) Filters are facet tokens in the same row, intersected by FTS5 itself (a common
kind excepted, below), and a date range is a rowid range, which FTS5 also applies while walking.

Three things make FTS5 slow at 1M documents (`plan_query` avoids each):

- *Long prefix words.* A prefix word is one doclist only when its length is one of the prefix indexes'
  (2 or 3 letters). A longer one makes FTS5 merge the doclists of every word it starts, all of them,
  before the first row comes out: 40-50 ms for «برای», «کشور», «ایران», twice per page (hits, then count).
  So a long word that is not rare is looked up by its first three letters and each candidate row's
  stored tokens are checked for a token starting with the whole word. One in fewer documents
  (`SMALL_POSTINGS`) is left to FTS5, for which it is cheap exactly then (its doclists are short).
- *Very common words.* Intersecting «به*» or «این*» (in nearly every document, with every position)
  with anything costs FTS5 tens of milliseconds however few the hits. A term in most documents filters
  almost nothing, so it is checked on the candidate rows instead of being intersected.
- *The kind.* Nearly every document is an article, so «k_article» is the commonest term of all, and
  searching articles is the commonest search. Its kind is tested through an index of (sort_key, kind) on
  the document table instead (migration 0005): a probe into a small index sorted by time, as the walk
  is (2-5 ms per 1,000 hits at 1M documents, against 5-20 ms for FTS5's intersection and 4-11 ms for
  reading the hits' tokens). A kind of few documents (releases) is a facet term like any other.

How common a term is comes from a sample of the newest documents (`TermSample`, re-read every few
minutes). Checking a row costs 10-30 us (reaching it and reading its tokens), so a checked walk reads a
bounded number of candidates (`VERIFY_PAGE_BUDGET`, `VERIFY_COUNT_BUDGET`); a page not found within the
budget goes back to FTS5's own query for the whole query. Every path returns the same hits
(tests/search/test_every_search_path_returns_the_same_hits.py).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
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
# Candidate rows a checked walk reads for its page before it hands the query back to FTS5, and in all
# (page and count) before it reports the count as "at least". Reading a candidate row (FTS5's walk to it
# and its tokens) costs 10-30 us at 1M documents with a warm cache and 100-300 us from disk
# (benchmarks/search_1m.py). Counting is what most walks spend their reads on: over the benchmark's 300
# queries a count budget of 300 candidates against 1,000 took p99 from 28 to 18 ms with a warm cache and
# from 120-143 to 82 ms with a dropped one (500: 20 and 93; 150: 16 and 80), at the price of more totals
# reported as "more than n".
VERIFY_PAGE_BUDGET = 1_000
VERIFY_COUNT_BUDGET = 300
# A term in at least this share of the sampled documents is checked on rows, not intersected by FTS5.
COMMON_SHARE = 0.5
# Either only when the term is in more documents than this: below it FTS5's doclists are short enough
# that intersecting or merging them is cheaper than reading rows (at 3,000 documents checking made the
# 95th percentile 20 ms instead of 1, benchmarks/search_backends.py).
SMALL_POSTINGS = 20_000
# The sample: this many of the newest documents, re-read at most this often per process.
SAMPLE_SIZE = 600
SAMPLE_TTL_SECONDS = 600.0
_FETCH = 200


def _fts5_string(text: str) -> str:
    """An FTS5 string literal: inside it every character is literal text, never query syntax."""
    return '"' + text.replace('"', '""') + '"'


def _group_expression(group: Sequence[str]) -> str:
    alternatives = [_fts5_string(token) for token in group]
    return alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")"


def _word_expression(query: SearchQuery, word: str) -> str:
    return _fts5_string(word) + ("*" if query.is_prefix(word) else "")


def fts5_match_expression(query: SearchQuery, filters: SearchFilters | None = None) -> str:
    """The FTS5 MATCH expression of the whole query: quoted words (prefix-starred) and quoted phrases,
    ANDed, and each facet group as an OR of quoted facet tokens."""
    return " AND ".join(term.expression for term in query_terms(query, filters))


# A walk for a common kind joins each FTS5 hit to its document's kind through the (sort_key, kind) index
# (search migration 0005, SQLite only), which holds both: a probe into a small index sorted by time, not a
# read of the document row.
_KIND_JOIN = f" CROSS JOIN {DOCUMENT_TABLE} AS document ON document.sort_key = {FTS_TABLE}.rowid"


def _from_where(match: str, filters: SearchFilters, *, kind: str | None = None) -> tuple[str, str, list[str | int]]:
    """The FROM clause (the FTS5 table, joined to the document index when `kind` is to be tested there),
    the WHERE clause (MATCH, the kind, the rowid range) and its parameters."""
    conditions = [f"{FTS_TABLE} MATCH %s"]
    params: list[str | int] = [match]
    if kind is not None:
        conditions.append("document.kind = %s")
        params.append(kind)
    low, high = filters.sort_key_range()
    if low is not None:
        conditions.append(f"{FTS_TABLE}.rowid >= %s")
        params.append(low)
    if high is not None:
        conditions.append(f"{FTS_TABLE}.rowid <= %s")
        params.append(high)
    return FTS_TABLE + (_KIND_JOIN if kind is not None else ""), " AND ".join(conditions), params


def fts_where(query: SearchQuery, filters: SearchFilters) -> tuple[str, list[str | int]]:
    """The WHERE clause over the FTS5 table alone (MATCH of the whole query, its kind a facet term, and the
    rowid range) and its parameters."""
    _source, where, params = _from_where(fts5_match_expression(query, filters), filters)
    return where, params


# --- checking a row ------------------------------------------------------------------------------------
# A row's stored tokens are the document's word tokens then its facets, joined by single spaces; with a
# space added at both ends, "a token starts with w" is «' ' + w» in it and "a token is w" is «' ' + w + ' '».

RowCheck = Callable[[str], bool]


def _starts_a_token(word: str) -> RowCheck:
    needle = " " + word
    return lambda spaced: needle in spaced


def _is_a_token(*alternatives: str) -> RowCheck:
    needles = [f" {token} " for token in alternatives]
    return lambda spaced: any(needle in spaced for needle in needles)


@dataclass(frozen=True)
class Term:
    """One part of a query: its FTS5 expression, the cheaper expression that finds a superset of its rows
    (a long prefix word's first three letters; else the same), and how to check a row for it."""

    expression: str
    lookup: str
    check: RowCheck


def query_terms(query: SearchQuery, filters: SearchFilters | None, *, kind: bool = True) -> list[Term]:
    """The query's words, phrases and (with `filters`) facet groups, in that order; the kind's group
    only with `kind` (else it is tested through the document index, `QueryPlan.kind`)."""
    longest = max(PREFIX_INDEX_LENGTHS)
    terms = []
    for word in query.words:
        expression = _word_expression(query, word)
        if not query.is_prefix(word):
            terms.append(Term(expression, expression, _is_a_token(word)))
        else:
            lookup = _fts5_string(word[:longest]) + "*" if len(word) > longest else expression
            terms.append(Term(expression, lookup, _starts_a_token(word)))
    for phrase in query.phrases:
        expression = _fts5_string(" ".join(phrase))
        terms.append(Term(expression, expression, _is_a_token(" ".join(phrase))))
    if filters is not None:
        terms.extend(_facet_term(group) for group in (filters.facet_groups() if kind else filters.any_of))
    return terms


def _facet_term(group: Sequence[str]) -> Term:
    expression = _group_expression(group)
    return Term(expression, expression, _is_a_token(*group))


class TermSample:
    """The tokens of the newest SAMPLE_SIZE documents, to estimate the share of documents a term is in."""

    def __init__(self, rows: list[str], documents: int) -> None:
        self.rows = [f" {tokens} " for tokens in rows]
        self.documents = documents

    def share(self, term: Term) -> float:
        if not self.rows:
            return 0.0
        return sum(1 for spaced in self.rows if term.check(spaced)) / len(self.rows)


_sample_lock = threading.Lock()
_samples: dict[str, tuple[float, TermSample]] = {}


def term_sample() -> TermSample:
    """The current database's sample (module docstring), cached for SAMPLE_TTL_SECONDS."""
    name = str(connection.settings_dict["NAME"])
    now = time.monotonic()
    with _sample_lock:
        cached = _samples.get(name)
        if cached is not None and now - cached[0] < SAMPLE_TTL_SECONDS:
            return cached[1]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT tokens FROM {FTS_TABLE} ORDER BY rowid DESC LIMIT %s", [SAMPLE_SIZE])  # noqa: S608
        rows = [row[0] for row in cursor.fetchall()]
        # The highest id: how many documents were ever indexed, an upper estimate found in one index step.
        cursor.execute(f"SELECT max(id) FROM {DOCUMENT_TABLE}")  # noqa: S608
        sample = TermSample(rows, documents=cursor.fetchone()[0] or 0)
    with _sample_lock:
        _samples[name] = (now, sample)
    return sample


def forget_term_sample() -> None:
    """Drop the cached samples (tests and benchmarks, after loading documents)."""
    with _sample_lock:
        _samples.clear()


@dataclass(frozen=True)
class QueryPlan:
    """What FTS5 intersects (`match`), what each candidate row's tokens are checked for (`checks`; none:
    the tokens are not read), the kind tested through the document index (`kind`; None: the kind's facet
    is in `match`), and the whole query's own FTS5 expression (`whole`, the kind as in `match`)."""

    match: str
    checks: tuple[RowCheck, ...]
    kind: str | None
    whole: str


def plan_query(query: SearchQuery, filters: SearchFilters, sample: TermSample) -> QueryPlan:
    """Split the query between FTS5, the document index and row checks (module docstring)."""
    kind_on_index = sample.share(_facet_term(filters.kind_group())) >= COMMON_SHARE
    terms = query_terms(query, filters, kind=not kind_on_index)
    shared = sorted(((sample.share(term), term) for term in terms), key=lambda item: item[0])
    # When even the rarest term is common, the hits are dense and FTS5's own AND stops early: intersect.
    sparse = shared[0][0] < COMMON_SHARE
    match: list[str] = []
    checks: list[RowCheck] = []
    for position, (share, term) in enumerate(shared):
        big = share * sample.documents > SMALL_POSTINGS
        if big and share >= COMMON_SHARE and sparse and position > 0:  # the rarest term drives the walk
            checks.append(term.check)
        elif big and term.lookup != term.expression:
            match.append(term.lookup)
            checks.append(term.check)
        else:
            match.append(term.expression)
    return QueryPlan(
        match=" AND ".join(match),
        checks=tuple(checks),
        kind=filters.kind if kind_on_index else None,
        whole=" AND ".join(term.expression for term in terms),
    )


@dataclass(frozen=True)
class CheckedWalk:
    """What a checked walk found: the sort keys of its hits newest first (the page's and, while the count
    budget lasted, more) and whether it read every candidate."""

    sort_keys: list[int]
    complete: bool


def checked_walk(plan: QueryPlan, filters: SearchFilters, *, needed: int) -> CheckedWalk | None:
    """Walk the plan's candidates newest first, keeping those that pass every check. None when the first
    `needed` hits are not among the first VERIFY_PAGE_BUDGET candidates."""
    source, where, params = _from_where(plan.match, filters, kind=plan.kind)
    hits: list[int] = []
    read = 0
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {FTS_TABLE}.rowid, tokens FROM {source} WHERE {where} ORDER BY {FTS_TABLE}.rowid DESC",  # noqa: S608
            params,
        )
        while rows := cursor.fetchmany(_FETCH):
            for sort_key, stored in rows:
                read += 1
                spaced = f" {stored} "
                if all(check(spaced) for check in plan.checks):
                    hits.append(sort_key)
                    if len(hits) > COUNT_CAP:
                        return CheckedWalk(hits, complete=False)
                if len(hits) < needed:
                    if read >= VERIFY_PAGE_BUDGET:
                        return None
                # Past the count's budget the walk stops, but only once the page and one more hit are
                # found (so "more than n" is true), or the page budget is spent too.
                elif read >= VERIFY_COUNT_BUDGET and (len(hits) > needed or read >= VERIFY_PAGE_BUDGET):
                    return CheckedWalk(hits, complete=False)
    return CheckedWalk(hits, complete=True)


class SqliteFts5Backend(SearchBackend):
    name = "sqlite"
    vendor = "sqlite"

    def index_many(self, entries: Sequence[IndexEntry]) -> None:
        if not entries:
            return
        stale = {entry.previous_sort_key for entry in entries if entry.previous_sort_key is not None}
        stale |= {entry.document.sort_key for entry in entries if entry.document.sort_key is not None}
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {DOCUMENT_TABLE} SET sort_key = %s WHERE id = %s",  # noqa: S608 (constant table name)
                [(entry.document.sort_key, entry.document.pk) for entry in entries],
            )
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
        plan = plan_query(query, filters, term_sample())
        if plan.checks:
            walk = checked_walk(plan, filters, needed=limit + offset)
            if walk is not None:
                sort_keys = walk.sort_keys[offset : offset + limit]
                found = len(walk.sort_keys)
                # An incomplete walk saw at least the page and, unless its page budget ran out, one hit
                # more: "at least found".
                total, exact = (found, True) if walk.complete else (min(found, COUNT_CAP), False)
                return SearchPage(keys=self._keys(sort_keys), total=total, total_exact=exact)
        return self._native(plan, filters, limit=limit, offset=offset)

    def _native(self, plan: QueryPlan, filters: SearchFilters, *, limit: int, offset: int) -> SearchPage:
        """FTS5 alone on the whole query (and the kind through the document index, as planned), newest
        first, stopping after the page; the count stops past COUNT_CAP."""
        source, where, params = _from_where(plan.whole, filters, kind=plan.kind)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {FTS_TABLE}.rowid FROM {source} WHERE {where} "  # noqa: S608
                f"ORDER BY {FTS_TABLE}.rowid DESC LIMIT %s OFFSET %s",
                [*params, limit, offset],
            )
            sort_keys = [row[0] for row in cursor.fetchall()]
            count = None
            if needs_count(rows_on_page=len(sort_keys), limit=limit, offset=offset):
                cursor.execute(
                    f"SELECT count(*) FROM (SELECT 1 FROM {source} WHERE {where} LIMIT %s)",  # noqa: S608
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
