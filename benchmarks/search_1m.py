"""Search at 1M articles: newest-first search with filters on SQLite FTS5 and PostgreSQL, against the naive
query shapes on the same index.

    .venv/bin/python benchmarks/search_1m.py              # full: 1,000,000 articles, 300 queries per backend
    .venv/bin/python benchmarks/search_1m.py --short      # CI: 20,000 articles, 60 queries (< 60 s)
    .venv/bin/python benchmarks/search_1m.py --backend sqlite --documents 200000

The corpus is generated from the real sentences of ../shared/data/fars-news (skipped cleanly when absent):
each article is a title sentence and 3-7 body sentences drawn at random, with an outlet (60, four tiers,
provinces), a credited office for half of them and mentioned offices and provinces for some, and a
publication time spread over five years. Articles are stored in random order of publication time (as
archives arrive), so index order is not time order: the time-ordered sort key is what makes newest-first
cheap. Each backend's database is built once into a cache folder outside the repository
($AYNEH_BENCH_CACHE, default ~/.cache/ayneh-bench) — an SQLite file, a PostgreSQL database named
ayneh_bench_search_<n> — and reused by later runs (`--rebuild` to start over); the build time is printed.

Queries (the same on both backends): the 20 commonest words of the corpus alone; pairs and triples of
them; 1-3 word queries taken from random articles (common to rare); and some of each with filters (office,
province, outlet tier, a Jalali-month date range, combinations). Each query asks for the first page of 20
with its total, as the search page does. Reported per backend: p50/p99 of

- ayneh: ayneh.search.selectors.search_documents (early-terminating newest first, capped count),
- naive-date: the same index queried as before this design — the hits joined to their rows, ordered by
  publication time and counted in full (`count(*) OVER ()`),
- naive-rank (SQLite): bm25() ranking, first 20 (the shape measured at ~270 ms p50 / ~1.2 s p99);
  naive-plain (PostgreSQL): `WHERE vector @@ q ORDER BY sort_key DESC LIMIT 20`, the planner's choice,

and the ratios naive/ayneh. The first pages of ayneh and naive-date are compared: they must be equal.
A query of a naive peer is stopped after 10 s (counted as 10 s).

Three passes, because what is in the operating system's cache decides these numbers: these virtual
machines page out file pages not touched for about a minute (DAMON, /sys/kernel/mm/damon), so a file read
a few minutes earlier is mostly gone, and a half-cold cache made one query vary tenfold.

1. ayneh, every query, right after the database was read into the cache (the file on SQLite, pg_prewarm
   on PostgreSQL): a search server in steady use. This is the line the aim (p99 < 50 ms) is read from.
2. The naive peers, on every n-th query, after another prewarm (their pass takes minutes at 1M).
3. "ayneh cold": every query again, after the database's files were evicted from the cache
   (posix_fadvise; PostgreSQL's 128 MB of shared buffers stay): a server whose cache was dropped.

Wall-clock times on a shared machine: compare ratios and medians.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / ".." / "shared" / "data" / "fars-news"
CACHE = Path(os.environ.get("AYNEH_BENCH_CACHE", Path.home() / ".cache" / "ayneh-bench"))
POSTGRES_SERVER = os.environ.get("AYNEH_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
# Bump a backend's number when the generator or that backend's index changes: cached corpora of another
# version are rebuilt.
CORPUS_VERSION = {"sqlite": 4, "postgresql": 4}
SEED = 1400
NAIVE_TIMEOUT_S = 10.0
SENTENCE_END_RE = re.compile(r"(?<=[.!؟?])\s+|\n+")
TIERS = ("news_agency", "national", "provincial", "local")
START = dt.datetime(2019, 3, 21, tzinfo=dt.UTC)
SPAN_SECONDS = 5 * 365 * 86400


def sentences() -> list[str]:
    found: list[str] = []
    for path in sorted(DATA.glob("fars-news-*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            text = "\n".join([item.get("title") or "", item.get("abstract") or "", *(item.get("paragraphs") or [])])
            found.extend(s.strip() for s in SENTENCE_END_RE.split(text) if len(s.split()) >= 4)
    return found


class Corpus:
    """The generated articles, reproducible from SEED: tokens and facets of article n."""

    def __init__(self, n_documents: int) -> None:
        from ayneh.monitoring.search import article_facet_tokens
        from ayneh.search.terms import tokens
        from ayneh.text.analyze import default_registry
        from ayneh.text.places import find_provinces

        self.n = n_documents
        self.sentence_tokens = [tokens(s) for s in sentences()]
        registry = default_registry()
        self.office_paths = []
        for entry in registry:
            chain = [e.code for e in reversed(registry.ancestors(entry.code))] + [entry.code]
            self.office_paths.append("/" + "/".join(chain) + "/")
        self.provinces = sorted({e.province for e in registry if e.province})
        rng = random.Random(SEED)
        self.outlets = [
            (outlet_id, TIERS[outlet_id % 4], rng.choice(self.provinces) if outlet_id % 4 >= 2 else "")
            for outlet_id in range(1, 61)
        ]
        self.article_facet_tokens = article_facet_tokens
        self._find_provinces = find_provinces
        # Publication seconds, shuffled: storage order is not time order.
        self.seconds = [int(START.timestamp()) + (i * SPAN_SECONDS) // n_documents for i in range(n_documents)]
        rng.shuffle(self.seconds)

    def document(self, n: int) -> tuple[list[str], list[str], int]:
        rng = random.Random(SEED * 1_000_003 + n)
        picked = [rng.randrange(len(self.sentence_tokens)) for _ in range(1 + rng.randint(3, 7))]
        words = [token for i in picked for token in self.sentence_tokens[i]]
        offices = []
        if rng.random() < 0.5:  # a credited office, the provincial ones far more often than HQ
            offices.append(self.office_paths[min(int(rng.paretovariate(0.6)), len(self.office_paths)) - 1])
        if rng.random() < 0.2:
            offices.append(rng.choice(self.office_paths))
        provinces = [rng.choice(self.provinces) for _ in range(rng.choice((0, 0, 1, 1, 2)))]
        outlet_id, tier, outlet_province = self.outlets[min(int(rng.paretovariate(0.8)), 60) - 1]
        if outlet_province:
            provinces.append(outlet_province)
        facets = self.article_facet_tokens(office_paths=offices, provinces=provinces, outlet_id=outlet_id, tier=tier)
        return words, ["k_article", *facets], self.seconds[n]


# --- one backend, in its own process ------------------------------------------------------------------


def child(backend: str, n_documents: int, n_queries: int, rebuild: bool, peer_every: int) -> dict:
    CACHE.mkdir(parents=True, exist_ok=True)
    if backend == "sqlite":
        url = f"sqlite:///{CACHE / f'search-{n_documents}.sqlite3'}"
    else:
        url = f"{POSTGRES_SERVER}/ayneh_bench_search_{n_documents}"
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("AYNEH_DATA_DIR", str(CACHE / "data"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ayneh.settings")
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.db import connection

    corpus = Corpus(n_documents)
    build_seconds = cached_build_seconds(connection, backend, n_documents) if not rebuild else None
    built_now = build_seconds is None
    if built_now:
        build_seconds = build(backend, corpus)
    queries = make_queries(corpus, n_queries)
    return {
        "backend": backend,
        "build_seconds": build_seconds,
        "built_now": built_now,
        **measure(backend, queries, peer_every),
    }


def cached_build_seconds(connection, backend: str, n_documents: int) -> float | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT version, documents, build_seconds FROM bench_meta")
            row = cursor.fetchone()
    except Exception:
        connection.close()
        return None
    if row and row[0] == CORPUS_VERSION[backend] and row[1] == n_documents:
        return float(row[2])
    return None


def fresh_database(backend: str) -> None:
    from django.db import connection

    name = connection.settings_dict["NAME"]
    connection.close()
    if backend == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(str(name) + suffix).unlink(missing_ok=True)
    else:
        import psycopg

        with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.execute(f'CREATE DATABASE "{name}"')
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(backend: str, corpus: Corpus) -> float:
    from django.db import connection

    from ayneh.search.backends.postgres import tsvector_literal
    from ayneh.search.models import sort_key_for
    from ayneh.search.terms import MAX_INDEXED_TOKENS

    print(f"[{backend}] building {corpus.n:,} articles into {connection.settings_dict['NAME']} ...", file=sys.stderr)
    fresh_database(backend)
    began = time.perf_counter()
    batch = 20_000
    connection.ensure_connection()
    raw = connection.connection
    if backend == "sqlite":
        cursor = raw.cursor()
        # A throw-away database: no journal, and a cache big enough for the two unique indexes, whose keys
        # arrive in random order (a 2 MB default cache made the load crawl past 100k documents).
        cursor.execute("PRAGMA synchronous=OFF")
        cursor.execute("PRAGMA journal_mode=OFF")
        cursor.execute("PRAGMA cache_size=-2000000")
        cursor.execute("PRAGMA temp_store=MEMORY")
        # FTS5 flushes its in-memory terms to a new segment when they pass `hashsize` (default 1 MB): fewer,
        # larger segments mean less merging during the load.
        cursor.execute("INSERT INTO search_document_fts (search_document_fts, rank) VALUES ('hashsize', 268435456)")
        for start in range(0, corpus.n, batch):
            docs, fts = [], []
            for n in range(start, min(start + batch, corpus.n)):
                words, facets, second = corpus.document(n)
                published = dt.datetime.fromtimestamp(second, dt.UTC)
                sort_key = sort_key_for(published, n + 1)
                stored = published.replace(tzinfo=None).isoformat(sep=" ")  # how Django stores it on SQLite
                docs.append((n + 1, "article", str(n + 1), "", stored, sort_key))
                fts.append((sort_key, " ".join([*words[:MAX_INDEXED_TOKENS], *facets])))
            cursor.execute("BEGIN")
            cursor.executemany(
                "INSERT INTO search_searchdocument (id, kind, key, office_code, published_at, sort_key) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                docs,
            )
            cursor.executemany("INSERT INTO search_document_fts (rowid, tokens) VALUES (?, ?)", fts)
            cursor.execute("COMMIT")
            progress(backend, start + len(docs), corpus.n, began)
        cursor.execute("INSERT INTO search_document_fts (search_document_fts) VALUES ('optimize')")
        cursor.execute("ANALYZE")
    else:
        raw.autocommit = True  # Django's own state for this connection: the bench_meta row below commits
        with raw.cursor() as cursor:
            # Bulk load: indexes are built once after the rows are in (what pg_restore does too).
            cursor.execute("DROP INDEX search_document_vector_gin")
            cursor.execute("ALTER TABLE search_searchdocument DROP CONSTRAINT search_document_kind_key_unique")
            cursor.execute("ALTER TABLE search_searchdocument DROP CONSTRAINT search_searchdocument_sort_key_key")
            with cursor.copy(
                "COPY search_searchdocument (id, kind, key, office_code, published_at, sort_key, vector) FROM STDIN"
            ) as copy:
                for n in range(corpus.n):
                    words, facets, second = corpus.document(n)
                    published = dt.datetime.fromtimestamp(second, dt.UTC)
                    sort_key = sort_key_for(published, n + 1)
                    vector = tsvector_literal(words[:MAX_INDEXED_TOKENS], facets, sort_key)
                    copy.write_row((n + 1, "article", str(n + 1), "", published, sort_key, vector))
                    if (n + 1) % batch == 0:
                        progress(backend, n + 1, corpus.n, began)
            cursor.execute("SET maintenance_work_mem = '1GB'")
            cursor.execute(
                "ALTER TABLE search_searchdocument ADD CONSTRAINT search_document_kind_key_unique UNIQUE (kind, key)"
            )
            cursor.execute(
                "ALTER TABLE search_searchdocument ADD CONSTRAINT search_searchdocument_sort_key_key UNIQUE (sort_key)"
            )
            cursor.execute(
                "CREATE INDEX search_document_vector_gin ON search_searchdocument USING gin (vector) "
                "WITH (fastupdate = off)"
            )
            cursor.execute("SELECT setval(pg_get_serial_sequence('search_searchdocument', 'id'), %s)", [corpus.n])
            cursor.execute("VACUUM ANALYZE search_searchdocument")
    seconds = time.perf_counter() - began
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE bench_meta (version integer, documents integer, build_seconds real)")
        cursor.execute("INSERT INTO bench_meta VALUES (%s, %s, %s)", [CORPUS_VERSION[backend], corpus.n, seconds])
    return seconds


def progress(backend: str, done: int, total: int, began: float) -> None:
    elapsed = time.perf_counter() - began
    print(f"[{backend}] {done:,}/{total:,} in {elapsed:.0f} s", file=sys.stderr, flush=True)


# --- queries -------------------------------------------------------------------------------------------


def make_queries(corpus: Corpus, n_queries: int) -> list[dict]:
    """The query set, identical for both backends (same corpus, same seed)."""
    from ayneh.search.terms import facet

    rng = random.Random(SEED + 7)
    sample = [corpus.document(rng.randrange(corpus.n)) for _ in range(min(corpus.n, 5000))]
    frequency: Counter[str] = Counter()
    for words, _facets, _second in sample:
        frequency.update(set(words))
    common = [word for word, _count in frequency.most_common(20)]
    months = [(START + dt.timedelta(days=30 * m), START + dt.timedelta(days=30 * m + 30)) for m in range(60)]

    def random_filters() -> dict:
        kind = rng.choice(("office", "province", "tier", "date", "office+date", "tier+province"))
        filters: dict = {}
        if "office" in kind:
            filters["office"] = rng.choice(corpus.office_paths).strip("/").split("/")[-1]
        if "province" in kind:
            filters["province"] = rng.choice(corpus.provinces)
        if "tier" in kind:
            filters["tier"] = rng.choice(TIERS)
        if "date" in kind:
            since, until = rng.choice(months)
            filters["since"], filters["until"] = since.isoformat(), until.isoformat()
        return filters

    queries: list[dict] = [{"text": word, "group": "common-1"} for word in common]
    while len(queries) < n_queries:
        roll = len(queries) % 5
        if roll == 0:
            text = " ".join(rng.sample(common, rng.choice((2, 3))))
            group = "common-2-3"
        else:
            words = [w for w in rng.choice(sample)[0] if len(w) >= 2]
            text = " ".join(rng.sample(words, min(len(words), rng.choice((1, 2, 3)))))
            group = "random-1-3"
        query = {"text": text, "group": group}
        if roll in (1, 3):
            query["filters"] = random_filters()
            query["group"] += "+filter"
        queries.append(query)
    for query in queries:
        filters = query.get("filters", {})
        groups = []
        if "office" in filters:
            groups.append([facet("o", filters["office"])])
        if "province" in filters:
            groups.append([facet("p", filters["province"])])
        if "tier" in filters:
            groups.append([facet("t", filters["tier"])])
        query["facets"] = groups
    return queries


def measure(backend: str, queries: list[dict], peer_every: int) -> dict:
    from django.db import connection

    from ayneh.search.backends.base import SearchFilters
    from ayneh.search.selectors import search_documents
    from ayneh.search.terms import parse_query

    prewarm(backend)  # before the statement timeout below: reading a cold database takes longer
    if backend == "postgresql":
        from ayneh.search.backends.postgres import forget_lexeme_statistics

        forget_lexeme_statistics()
        with connection.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = {int(NAIVE_TIMEOUT_S * 1000)}")

    def filters_of(query: dict) -> SearchFilters:
        f = query.get("filters", {})
        return SearchFilters(
            kind="article",
            any_of=tuple(tuple(g) for g in query["facets"]),
            since=dt.datetime.fromisoformat(f["since"]) if "since" in f else None,
            until=dt.datetime.fromisoformat(f["until"]) if "until" in f else None,
        )

    def ayneh(query: dict) -> list[str]:
        f = query.get("filters", {})
        return search_documents(
            query=query["text"],
            kind="article",
            facets=query["facets"],
            since=dt.datetime.fromisoformat(f["since"]) if "since" in f else None,
            until=dt.datetime.fromisoformat(f["until"]) if "until" in f else None,
            limit=20,
        ).keys

    peers = {"ayneh": ayneh}
    if backend == "sqlite":
        from ayneh.search.backends.sqlite_fts5 import fts_where

        def naive_date(query: dict) -> list[str]:
            where, params = fts_where(parse_query(query["text"]), filters_of(query))
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT d.key, count(*) OVER () FROM search_document_fts CROSS JOIN search_searchdocument d "  # noqa: S608
                    f"ON d.sort_key = search_document_fts.rowid WHERE {where} "
                    "ORDER BY d.published_at DESC, d.id DESC LIMIT 20",
                    params,
                )
                return [row[0] for row in cursor.fetchall()]

        def naive_rank(query: dict) -> list[str]:
            where, params = fts_where(parse_query(query["text"]), filters_of(query))
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT d.key FROM search_document_fts CROSS JOIN search_searchdocument d "  # noqa: S608
                    f"ON d.sort_key = search_document_fts.rowid WHERE {where} "
                    "ORDER BY bm25(search_document_fts) LIMIT 20",
                    params,
                )
                return [row[0] for row in cursor.fetchall()]

        peers |= {"naive-date": naive_date, "naive-rank": naive_rank}
    else:
        from ayneh.search.backends.postgres import tsquery_literal

        def pg_range(query: dict) -> tuple[str, list]:
            low, high = filters_of(query).sort_key_range()
            sql, params = "", []
            if low is not None:
                sql, params = sql + " AND sort_key >= %s", [*params, low]
            if high is not None:
                sql, params = sql + " AND sort_key <= %s", [*params, high]
            return sql, params

        def naive_date(query: dict) -> list[str]:
            tsquery = tsquery_literal(parse_query(query["text"]), filters_of(query))
            range_sql, range_params = pg_range(query)
            with connection.cursor() as cursor:
                cursor.execute(
                    "WITH hits AS MATERIALIZED (SELECT id, key, published_at FROM search_searchdocument "  # noqa: S608
                    f"WHERE vector @@ %s::tsquery{range_sql}) "
                    "SELECT key, count(*) OVER () FROM hits ORDER BY published_at DESC, id DESC LIMIT 20",
                    [tsquery, *range_params],
                )
                return [row[0] for row in cursor.fetchall()]

        def naive_plain(query: dict) -> list[str]:
            tsquery = tsquery_literal(parse_query(query["text"]), filters_of(query))
            range_sql, range_params = pg_range(query)
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT key FROM search_searchdocument WHERE vector @@ %s::tsquery{range_sql} "  # noqa: S608
                    "ORDER BY sort_key DESC LIMIT 20",
                    [tsquery, *range_params],
                )
                return [row[0] for row in cursor.fetchall()]

        peers |= {"naive-date": naive_date, "naive-plain": naive_plain}

    if backend == "sqlite":
        # SQLite has no statement timeout: a progress handler interrupts a naive query past the limit.
        connection.ensure_connection()
        deadline = [0.0]
        connection.connection.set_progress_handler(lambda: int(time.perf_counter() > deadline[0]), 100_000)

    def timed(name: str, query: dict) -> tuple[list[str] | None, float]:
        if backend == "sqlite":
            deadline[0] = time.perf_counter() + NAIVE_TIMEOUT_S
        began = time.perf_counter()
        try:
            page = peers[name](query)
        except Exception as exc:  # a naive query stopped by the time limit
            text = str(exc).lower()
            if not any(word in text for word in ("timeout", "cancel", "interrupt")):
                raise
            page = None
        return page, min(time.perf_counter() - began, NAIVE_TIMEOUT_S)

    for query in queries[:3]:  # warm the statistics
        for name in peers:
            timed(name, query)
    # Three passes (module docstring): ayneh right after the prewarm, the naive peers after another, ayneh
    # again after the database was evicted from the operating system's cache.
    latencies: dict[str, list[float]] = {name: [] for name in peers}
    by_group: dict[str, dict[str, list[float]]] = {}
    ours: list[tuple[list[str] | None, float]] = []
    for query in queries:
        ours.append(timed("ayneh", query))
        latencies["ayneh"].append(ours[-1][1])
        by_group.setdefault(query["group"], {}).setdefault("ayneh", []).append(ours[-1][1])
    prewarm(backend)
    ours_on_subset: list[float] = []
    mismatches = compared = 0
    for number, query in enumerate(queries):
        # The naive peers run on every `peer_every`-th query (they take seconds each at 1M documents);
        # the ratios compare them with ayneh's warm pass on exactly those queries.
        if number % peer_every:
            continue
        ours_on_subset.append(ours[number][1])
        for name in peers:
            if name == "ayneh":
                continue
            page, elapsed = timed(name, query)
            latencies[name].append(elapsed)
            by_group[query["group"]].setdefault(name, []).append(elapsed)
            if name == "naive-date" and page is not None:
                compared += 1
                mismatches += page != ours[number][0]
    cold: list[float] = []
    if evict(backend):
        cold = [timed("ayneh", query)[1] for query in queries]
    return {
        "queries": len(queries),
        "peer_queries": len(ours_on_subset),
        "compared": compared,
        "mismatches": mismatches,
        "latencies": latencies,
        "cold": cold,
        "ours_on_subset": ours_on_subset,
        "by_group": by_group,
    }


def prewarm(backend: str) -> None:
    """Read the database into the operating system's cache, as a search server's would be after a while
    of serving (the machines here drop cached files between runs, and a half-cold cache made the same
    query vary tenfold). Every peer is measured after it."""
    from django.db import connection

    began = time.perf_counter()
    if backend == "sqlite":
        with open(connection.settings_dict["NAME"], "rb") as database:
            while database.read(16 << 20):
                pass
    else:
        with connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
            cursor.execute(
                "SELECT sum(pg_prewarm(c.oid, 'read')) FROM pg_class c WHERE c.relname LIKE 'search_%%' "
                "AND c.relkind IN ('r', 'i', 't')"
            )
            cursor.execute(
                "SELECT sum(pg_prewarm(c.reltoastrelid, 'read')) FROM pg_class c "
                "WHERE c.relname = 'search_searchdocument' AND c.reltoastrelid <> 0"
            )
    print(f"[{backend}] prewarmed in {time.perf_counter() - began:.1f} s", file=sys.stderr)


def evict(backend: str) -> bool:
    """Drop the database's files from the operating system's cache (posix_fadvise DONTNEED), as happens
    to a file left unread here: these virtual machines page out memory not touched for about a minute
    (DAMON, /sys/kernel/mm/damon). PostgreSQL's own shared buffers stay as they are. False when the files
    cannot be opened (PostgreSQL's data directory belongs to its server: readable here as root)."""
    from django.db import DatabaseError, connection

    if not hasattr(os, "posix_fadvise"):
        print(f"[{backend}] cold pass skipped: this system has no posix_fadvise", file=sys.stderr)
        return False
    if backend == "sqlite":
        name = str(connection.settings_dict["NAME"])
        paths = [Path(name + suffix) for suffix in ("", "-wal") if Path(name + suffix).exists()]
    else:
        try:
            bases = _postgres_files()
        except DatabaseError as error:  # a role that may not read the server's settings
            print(f"[{backend}] cold pass skipped: {error}", file=sys.stderr)
            return False
        # A relation is stored in 1 GB segments: base, base.1, base.2 ...
        paths = [path for base in bases for path in [base, *sorted(base.parent.glob(base.name + ".*"))]]
    try:
        for path in paths:
            descriptor = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(descriptor)
    except OSError as error:
        print(f"[{backend}] cold pass skipped: {error}", file=sys.stderr)
        return False
    return bool(paths)


def _postgres_files() -> list[Path]:
    """The files of the search tables and indexes (their first segments), in the server's data directory."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('data_directory')")
        data = Path(cursor.fetchone()[0])
        cursor.execute(
            "SELECT pg_relation_filepath(c.oid) FROM pg_class c WHERE (c.relname LIKE 'search_%%' "
            "AND c.relkind IN ('r', 'i')) OR c.oid = (SELECT reltoastrelid FROM pg_class "
            "WHERE relname = 'search_searchdocument')"
        )
        return [data / row[0] for row in cursor.fetchall() if row[0]]


# --- the parent: run both, print the comparison -------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def report(result: dict) -> None:
    backend = result["backend"]
    state = "built now" if result["built_now"] else "cached"
    print(f"\n== {backend}: build {result['build_seconds']:.0f} s ({state}); {result['queries']} queries")
    lat = result["latencies"]
    subset = result["ours_on_subset"]
    rows = [(name, values) for name, values in lat.items()]
    if result["cold"]:
        rows.insert(1, ("ayneh cold", result["cold"]))
    for name, values in rows:
        p50, p99 = percentile(values, 50) * 1000, percentile(values, 99) * 1000
        line = f"  {name:12s} p50 {p50:8.1f} ms  p99 {p99:8.1f} ms  max {max(values) * 1000:8.1f} ms  n={len(values)}"
        if name.startswith("naive"):
            ours50, ours99 = percentile(subset, 50) * 1000, percentile(subset, 99) * 1000
            line += f"   ratio vs ayneh on the same queries: p50 {p50 / ours50:6.1f}x  p99 {p99 / ours99:6.1f}x"
        print(line)
    print("  (ayneh: right after the prewarm; ayneh cold: after the database was evicted from the OS cache)")
    print("  by query group (p50 / p99 ms, ayneh | naive-date on its queries):")
    for group, peers in sorted(result["by_group"].items()):
        ours, naive = peers["ayneh"], peers.get("naive-date", [])
        naive_text = (
            f"{percentile(naive, 50) * 1000:7.1f} / {percentile(naive, 99) * 1000:7.1f}  (n={len(naive)})"
            if naive
            else "-"
        )
        print(
            f"    {group:22s} n={len(ours):3d}  {percentile(ours, 50) * 1000:7.1f} / {percentile(ours, 99) * 1000:7.1f}"
            f"  | {naive_text}"
        )
    print(f"  first pages equal to naive-date: {result['compared'] - result['mismatches']}/{result['compared']}")
    print(f"  (naive queries stopped at {NAIVE_TIMEOUT_S:.0f} s count as {NAIVE_TIMEOUT_S:.0f} s)")


def postgres_reachable() -> bool:
    import psycopg

    try:
        with psycopg.connect(f"{POSTGRES_SERVER}/postgres", connect_timeout=3):
            return True
    except psycopg.Error:
        return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="CI: 20,000 articles, 60 queries")
    parser.add_argument("--documents", type=int)
    parser.add_argument("--queries", type=int)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--rebuild", action="store_true", help="build the corpus again even if cached")
    parser.add_argument("--peer-every", type=int, help="run the naive peers on every n-th query (full: 3, short: 1)")
    parser.add_argument("--child", choices=("sqlite", "postgresql"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} is not present")
        return 0
    n_documents = args.documents or (20_000 if args.short else 1_000_000)
    n_queries = args.queries or (60 if args.short else 300)
    args.peer_every = max(1, args.peer_every or (1 if args.short else 3))
    if args.child:
        print(json.dumps(child(args.child, n_documents, n_queries, args.rebuild, args.peer_every)))
        return 0
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    if "postgresql" in backends and not postgres_reachable():
        print(f"skipped postgresql: no server at {POSTGRES_SERVER}")
        backends = tuple(b for b in backends if b != "postgresql")
    print(f"search at {n_documents:,} articles, {n_queries} queries, cache {CACHE}")
    failed = False
    for backend in backends:
        command = [sys.executable, __file__, "--child", backend, "--documents", str(n_documents)]
        command += ["--queries", str(n_queries), "--peer-every", str(args.peer_every)]
        command += ["--rebuild"] if args.rebuild else []
        done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False)  # noqa: S603 (this script)
        if done.returncode != 0:
            print(f"== {backend}: failed (exit {done.returncode})")
            failed = True
            continue
        result = json.loads(done.stdout.strip().splitlines()[-1])
        report(result)
        failed |= result["mismatches"] > 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
