"""Each backend answers a query by one of several paths, chosen for speed (see the backends' docstrings):
SQLite walks a long prefix word through its first three letters and checks each row, or hands it to
FTS5's own prefix query; PostgreSQL fetches every GIN hit, walks newest first, or searches time buckets,
with common prefixes rechecked row by row. Speed must never change the answer: here every path is run on
the same corpus and must return exactly the hits a brute-force reading of the corpus gives, newest first.

The corpus: 2,400 documents over 400 days, indexed in random order, words drawn with very different
frequencies, including families of words sharing a prefix («کار», «کارگر», «کارگران»), and an office facet.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

import pytest
from django.db import connection

from ayneh.search.backends import get_backend
from ayneh.search.backends.base import COUNT_CAP, SearchFilters
from ayneh.search.selectors import search_documents
from ayneh.search.services import DocumentText, search_documents_upsert
from ayneh.search.terms import SearchQuery, facet, parse_query, tokens

BASE = dt.datetime(2023, 3, 21, tzinfo=dt.UTC)
DOCUMENTS = 2400
SPAN_HOURS = 400 * 24
# (word, weight): a few in most documents, some in a few percent, some in a handful.
VOCABULARY = [
    ("و", 40), ("در", 40), ("برای", 25), ("براساس", 4), ("برادر", 1), ("کار", 12), ("کارگر", 6),
    ("کارگران", 5), ("کارخانه", 2), ("ایران", 15), ("ایرانی", 5), ("ایرانیان", 1), ("کشور", 10),
    ("کشورها", 3), ("کشورهای", 3), ("روابط", 6), ("عمومی", 6), ("استان", 8), ("استاندار", 2),
    ("استانداری", 1), ("زلزله", 0.15), ("سیلاب", 0.3), ("بیمه", 4), ("نمایشگاه", 1),
]  # fmt: skip
OFFICES = ["dg-fars", "dg-khuzestan", "dg-tehran"]

QUERIES = [
    "برای",  # a common long prefix word (SQLite: verified walk; PostgreSQL: rechecked)
    "برا",  # answered by the 3-letter prefix index
    "کارگر",  # «کارگر» and «کارگران»
    "کارگر ایران",
    "استانداری",  # rare among «است…» documents
    "ایرانیان کشور",
    "زلزله",  # rare
    "زلزله در",
    "سیلاب کار",
    "کشورها برای و",
    '"روابط عمومی"',  # a phrase
    '"روابط عمومی" کارگر',
    "نمایشگاه",
]


@dataclass(frozen=True)
class Document:
    key: str
    published_at: dt.datetime
    words: list[str]
    office: str

    def matches(self, query: SearchQuery, office: str | None, since: dt.datetime | None) -> bool:
        if office is not None and self.office != office:
            return False
        if since is not None and self.published_at < since:
            return False
        for word in query.words:
            if query.is_prefix(word):
                if not any(token.startswith(word) for token in self.words):
                    return False
            elif word not in self.words:
                return False
        for phrase in query.phrases:
            n = len(phrase)
            if not any(tuple(self.words[i : i + n]) == phrase for i in range(len(self.words) - n + 1)):
                return False
        return True


def make_corpus(size: int = DOCUMENTS, *, seed: int = 1403, prefix: str = "d") -> list[Document]:
    rng = random.Random(seed)
    words, weights = zip(*VOCABULARY, strict=True)
    documents = []
    for n in range(size):
        text = rng.choices(words, weights=weights, k=18)
        if rng.random() < 0.1:
            at = rng.randrange(len(text))
            text[at : at + 2] = ["روابط", "عمومی"]
        documents.append(
            Document(
                key=f"{prefix}{n}",
                published_at=BASE + dt.timedelta(hours=rng.randrange(SPAN_HOURS), seconds=n),
                words=tokens(" ".join(text)),
                office=rng.choice(OFFICES),
            )
        )
    return documents


CORPUS = make_corpus()
# Documents of another kind with the same words: a search for articles must never return them (and a
# search for releases, a rare kind here, only them).
RELEASES = make_corpus(DOCUMENTS // 10, seed=1404, prefix="r")
KINDS = ("article", "release")


def expected(
    query: str, *, office: str | None = None, since: dt.datetime | None = None, kind: str = "article"
) -> list[str]:
    parsed = parse_query(query)
    hits = [d for d in (CORPUS if kind == "article" else RELEASES) if d.matches(parsed, office, since)]
    return [d.key for d in sorted(hits, key=lambda d: d.published_at, reverse=True)]


@pytest.fixture
def corpus(db: None) -> None:
    for kind, documents in (("article", CORPUS), ("release", RELEASES)):
        shuffled = documents[:]
        random.Random(7).shuffle(shuffled)  # indexed in an order that is not time order
        search_documents_upsert(
            kind=kind,
            documents=[
                DocumentText(
                    key=d.key,
                    title="",
                    body=" ".join(d.words),
                    published_at=d.published_at,
                    office_code=d.office,
                    facets=[facet("o", d.office)],
                )
                for d in shuffled
            ],
        )
    if connection.vendor == "postgresql":
        from ayneh.search.backends.postgres import forget_lexeme_statistics

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchdocument")
        forget_lexeme_statistics()
    else:
        from ayneh.search.backends.sqlite_fts5 import forget_term_sample

        forget_term_sample()


@pytest.fixture
def checks_at_this_scale(monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite checks rows only for terms in more than SMALL_POSTINGS documents (20,000: below that FTS5
    alone is cheaper); scaled to this corpus so that the checked paths run here."""
    from ayneh.search.backends import sqlite_fts5

    monkeypatch.setattr(sqlite_fts5, "SMALL_POSTINGS", 50)


def _filters(office: str | None = None, since: dt.datetime | None = None, kind: str = "article") -> SearchFilters:
    groups = ((facet("o", office),),) if office else ()
    return SearchFilters(kind=kind, any_of=groups, since=since)


# (One test walks every query: indexing the corpus is the slow part, so it is done once per test.)


@pytest.mark.parametrize("scale", ["as configured", "checks at this scale"])
def test_the_search_returns_the_brute_force_hits(corpus: None, scale: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if scale != "as configured":
        if connection.vendor != "sqlite":
            pytest.skip("the row checks exist on SQLite only")
        from ayneh.search.backends import sqlite_fts5

        monkeypatch.setattr(sqlite_fts5, "SMALL_POSTINGS", 50)
    for query, office, kind in [(q, o, k) for q in QUERIES for o in (None, "dg-fars") for k in KINDS]:
        truth = expected(query, office=office, kind=kind)
        facets = [[facet("o", office)]] if office else []

        first = search_documents(query=query, kind=kind, facets=facets, limit=20)
        second = search_documents(query=query, kind=kind, facets=facets, limit=20, offset=20)

        assert first.keys == truth[:20], (query, office, kind)
        assert second.keys == truth[20:40], (query, office, kind)
        if first.total_exact:
            assert first.total == len(truth), (query, office, kind)
        else:
            assert len(truth) >= first.total > min(len(truth), 20), (query, office, kind)


def test_a_date_range_cuts_the_same_hits(corpus: None) -> None:
    since = BASE + dt.timedelta(days=300)
    for query, kind in [(q, k) for q in QUERIES for k in KINDS]:
        page = search_documents(query=query, kind=kind, since=since, limit=20)

        assert page.keys == expected(query, since=since, kind=kind)[:20], (query, kind)


# --- SQLite: the verified walk and its hand-over to FTS5's prefix query ------------------------------------


def _sqlite_only() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("the FTS5 paths exist on SQLite only")


def test_sqlite_checked_walk_and_fts5_alone_agree(corpus: None, checks_at_this_scale: None) -> None:
    _sqlite_only()
    from ayneh.search.backends import sqlite_fts5

    backend = get_backend()
    sample = sqlite_fts5.term_sample()
    walked = 0
    for query, office, kind in [(q, o, k) for q in QUERIES for o in (None, "dg-fars") for k in KINDS]:
        parsed, filters = parse_query(query), _filters(office, kind=kind)
        plan = sqlite_fts5.plan_query(parsed, filters, sample)
        native = backend._native(plan, filters, limit=20, offset=0)
        walk = sqlite_fts5.checked_walk(plan, filters, needed=20) if plan.checks else None
        truth = expected(query, office=office, kind=kind)

        assert native.keys == truth[:20], (query, office, kind)
        assert (native.total, native.total_exact) == (min(len(truth), COUNT_CAP), len(truth) <= COUNT_CAP), query
        if walk is not None:
            walked += 1
            assert backend._keys(walk.sort_keys[:20]) == native.keys, (query, office, kind)
            if walk.complete:
                assert len(walk.sort_keys) == len(truth), (query, office, kind)
    assert walked >= 10


def test_sqlite_common_and_long_words_are_checked_on_rows(corpus: None, checks_at_this_scale: None) -> None:
    _sqlite_only()
    from ayneh.search.backends import sqlite_fts5

    sample = sqlite_fts5.term_sample()
    # «در» and «برای» are in nearly every document: checked on rows, not intersected. «استانداری» (in
    # several percent) is longer than the prefix indexes: found through «است*» and checked. «زلزله» (about
    # 1%) is left to FTS5's own prefix query, cheap for so few documents.
    plan = sqlite_fts5.plan_query(parse_query("در برای استانداری"), _filters(), sample)
    rare = sqlite_fts5.plan_query(parse_query("در زلزله"), _filters(), sample)

    assert plan.match == '"است"*'
    assert len(plan.checks) == 3  # «استانداری», «در» and «برای»
    assert rare.match == '"زلزله"*'
    # Articles are nine documents in ten: their kind is tested through the document index; releases, one
    # in ten, are intersected by FTS5 like any rare term.
    assert plan.kind == "article"
    releases = sqlite_fts5.plan_query(parse_query("زلزله"), _filters(kind="release"), sample)
    assert releases.kind is None
    assert releases.match == '"زلزله"* AND "k_release"'


def test_sqlite_a_walk_out_of_budget_hands_over_to_fts5(
    corpus: None, checks_at_this_scale: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    _sqlite_only()
    from ayneh.search.backends import sqlite_fts5

    # «استانداری» is in few of the documents holding a word that starts with «است».
    monkeypatch.setattr(sqlite_fts5, "VERIFY_PAGE_BUDGET", 50)
    parsed = parse_query("استانداری")
    plan = sqlite_fts5.plan_query(parsed, _filters(), sqlite_fts5.term_sample())
    assert plan.checks
    assert sqlite_fts5.checked_walk(plan, _filters(), needed=20) is None

    page = search_documents(query="استانداری", kind="article")

    assert page.keys == expected("استانداری")[:20]
    assert (page.total, page.total_exact) == (len(expected("استانداری")), True)


def test_sqlite_a_count_out_of_budget_says_at_least(
    corpus: None, checks_at_this_scale: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    _sqlite_only()
    from ayneh.search.backends import sqlite_fts5

    monkeypatch.setattr(sqlite_fts5, "VERIFY_COUNT_BUDGET", 100)
    page = search_documents(query="برای", kind="article", limit=20)

    assert page.keys == expected("برای")[:20]
    assert not page.total_exact
    assert 20 < page.total <= len(expected("برای"))


def test_sqlite_a_page_past_the_count_budget_is_still_whole(
    corpus: None, checks_at_this_scale: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    _sqlite_only()
    from ayneh.search.backends import sqlite_fts5

    # The count's budget (30 candidates) is spent before the third page's hits (41-60) are reached: the
    # walk stops for it only once the page is found.
    monkeypatch.setattr(sqlite_fts5, "VERIFY_COUNT_BUDGET", 30)
    truth = expected("برای")
    third = search_documents(query="برای", kind="article", limit=20, offset=40)

    assert third.keys == truth[40:60]
    assert not third.total_exact
    assert 60 < third.total <= len(truth)


@pytest.mark.parametrize("short_of_all", [0, 1])
def test_sqlite_a_total_past_the_count_budget_promises_no_page_that_is_not_there(
    corpus: None, checks_at_this_scale: None, monkeypatch: pytest.MonkeyPatch, short_of_all: int
) -> None:
    _sqlite_only()
    from ayneh.search.backends import sqlite_fts5

    # A page holding every hit (or all but one) found after the count's budget (10 candidates) is spent:
    # the total is "at least n" only when the walk saw n, never one more for a page that is not there.
    monkeypatch.setattr(sqlite_fts5, "VERIFY_COUNT_BUDGET", 10)
    since = BASE + dt.timedelta(days=300)
    truth = expected("استانداری", since=since)
    assert 20 < len(truth) <= 100
    assert sqlite_fts5.plan_query(parse_query("استانداری"), _filters(since=since), sqlite_fts5.term_sample()).checks
    limit = len(truth) - short_of_all

    page = search_documents(query="استانداری", kind="article", since=since, limit=limit)

    assert page.keys == truth[:limit]
    assert page.total <= len(truth)
    if page.total_exact:
        assert page.total == len(truth)


# --- PostgreSQL: the three paths, each forced ------------------------------------------------------------


def test_postgresql_gin_walk_and_buckets_agree(corpus: None) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the GIN, walk and bucket paths exist on PostgreSQL only")
    from ayneh.search.backends.postgres import lexeme_statistics, plan_query

    backend = get_backend()
    statistics = lexeme_statistics()
    walked = 0
    recent = BASE + dt.timedelta(days=370)  # the last month: bucket levels narrowed to the range
    cases = [
        (q, o, k, since) for q in QUERIES for o in (None, "dg-khuzestan") for k in KINDS for since in (None, recent)
    ]
    for query, office, kind, since in cases:
        parsed, filters = parse_query(query), _filters(office, since, kind=kind)
        plan = plan_query(parsed, filters, statistics, needed=20)
        truth = expected(query, office=office, kind=kind, since=since)

        gin = backend._gin(plan, filters, limit=20, offset=0)
        buckets = backend._buckets(plan, filters, limit=20, offset=0)
        walk = backend._walk(plan, filters, limit=20, offset=0)

        assert gin.keys == truth[:20], (query, office, kind)
        assert (gin.total, gin.total_exact) == (min(len(truth), COUNT_CAP), len(truth) <= COUNT_CAP), query
        assert buckets.keys == truth[:20], (query, office, kind)
        assert buckets.total <= min(len(truth), COUNT_CAP), (query, office)
        if buckets.total_exact:
            assert buckets.total == len(truth), (query, office)
        if walk is not None:  # None: the walk's budget ran out before the page was full
            walked += 1
            assert walk.keys == truth[:20], (query, office)
    assert walked >= 5


def test_postgresql_tests_a_common_kind_on_the_row_and_gives_a_rare_one_to_the_index(corpus: None) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    from ayneh.search.backends import postgres

    statistics = postgres.lexeme_statistics()
    articles = postgres.plan_query(parse_query("زلزله"), _filters(), statistics, needed=20)
    releases = postgres.plan_query(parse_query("زلزله"), _filters(kind="release"), statistics, needed=20)

    assert facet("k", "article") not in articles.gin  # nine documents in ten: it rules out nothing
    assert facet("k", "release") in releases.gin  # one in ten
    # Either way only documents of the kind come back (every path is run in the test above).
    assert search_documents(query="زلزله", kind="article").keys == expected("زلزله")[:20]
    assert search_documents(query="زلزله", kind="release").keys == expected("زلزله", kind="release")[:20]


def test_postgresql_a_common_prefix_is_rechecked_beside_a_rare_word(corpus: None) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    from ayneh.search.backends import postgres

    # Beside «زلزله» (a handful of documents), looking «برای:*» up in the GIN index would cost its every
    # posting to save a few row checks: it is rechecked instead.
    statistics = postgres.lexeme_statistics()
    beside = postgres.plan_query(parse_query("زلزله برای"), _filters(), statistics, needed=20)

    assert "برای" in beside.recheck
    assert "برای" not in beside.gin
    assert "زلزله" in beside.gin
    assert search_documents(query="زلزله برای", kind="article").keys == expected("زلزله برای")[:20]


def test_postgresql_bucket_lexemes_of_the_migration_are_the_backends(db: None) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    import importlib

    from ayneh.search.backends.postgres import bucket_lexemes
    from ayneh.search.models import sort_key_for

    migration = importlib.import_module("ayneh.search.migrations.0004_postgres_vectors_inline_with_time_buckets")
    for moment in (dt.datetime(1965, 1, 1, tzinfo=dt.UTC), BASE, dt.datetime(2031, 7, 9, 13, tzinfo=dt.UTC)):
        sort_key = sort_key_for(moment, 12345)
        with connection.cursor() as cursor:
            sql = f"SELECT {migration._BUCKETS}::text[] FROM (SELECT %s::bigint AS sort_key) AS one"  # noqa: S608
            cursor.execute(sql, [sort_key])
            assert cursor.fetchone()[0] == bucket_lexemes(sort_key)


def test_postgresql_buckets_are_no_wider_than_the_date_range_needs() -> None:
    from ayneh.search.backends.postgres import LexemeStatistics, bucket_level
    from ayneh.search.models import sort_key_bound

    start, day = sort_key_bound(BASE - dt.timedelta(days=5 * 365)), sort_key_bound(BASE + dt.timedelta(days=1))
    day -= sort_key_bound(BASE)
    # A histogram of 100 intervals, as ANALYZE gives for a million documents published evenly over five years.
    bounds = tuple(start + n * (5 * 365 * day) // 100 for n in range(101))
    five_years = LexemeStatistics(frequencies={}, floor=0.001, rows=1_000_000, sort_key_bounds=bounds)
    month = five_years.documents_between(bounds[-1] - 30 * day, None)
    assert 15_000 < month < 18_000  # a sixtieth of the documents
    assert five_years.documents_between(None, None) == pytest.approx(1_000_000)
    # Published since the last ANALYZE: counted at the histogram's newest rate up to the newest document.
    later = LexemeStatistics(
        frequencies={}, floor=0.001, rows=1_000_000, sort_key_bounds=bounds, latest=bounds[-1] + 30 * day
    )
    assert 3_500 < later.documents_between(bounds[-1] + 23 * day, None) < 4_200  # the last week
    assert later.documents_between(bounds[-1] + 23 * day, None) == later.documents_between(
        bounds[-1] + 23 * day, bounds[-1] + 365 * day
    )

    # A rare query (one document in a million) would need the widest buckets (194 days) to fill a page;
    # over one month, two 48-day buckets already hold every document it can find.
    assert bucket_level(1e-6, five_years, needed=20, scope=1_000_000) == 4
    assert bucket_level(1e-6, five_years, needed=20, scope=month) == 3
