"""Search benchmark: index and query real Persian news through ayneh.search on the configured database.

    .venv/bin/python benchmarks/search_backends.py            # full: 30,000 documents, 400 queries
    .venv/bin/python benchmarks/search_backends.py --short    # seconds: 3,000 documents, 100 queries (CI)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ayneh .venv/bin/python benchmarks/search_backends.py --short

The documents are the real Fars articles of ../shared/data/fars-news (Arabic ي/ك, mixed digits, ZWNJ present
or not), repeated under fresh keys to reach the size. It runs in a throw-away database (a temporary SQLite
file, or a test_* database on the PostgreSQL server) and reports, for the backend settings choose:

- indexing speed (search_document_upsert, one transaction per 500 documents),
- query latency (median and 95th percentile of search_documents, first page of 20) for one- and two-word
  queries taken from article titles (words as the index sees them), half typed in Persian-keyboard form
  (ی ک, Persian digits) and half in the Arabic form the articles use,
- recall: the share of those queries whose own article is among its hits (it must be 1.0: every variant
  folds alike). Wall-clock times on a shared machine: compare runs, never assert on them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / ".." / "shared" / "data" / "fars-news"
SEED = 1400
PERSIAN_FORM = str.maketrans({"ي": "ی", "ك": "ک", **{str(d): "۰۱۲۳۴۵۶۷۸۹"[d] for d in range(10)}})
ARABIC_FORM = str.maketrans({"ی": "ي", "ک": "ك", **{str(d): "٠١٢٣٤٥٦٧٨٩"[d] for d in range(10)}})


def load_articles() -> list[tuple[str, str]]:
    """(title, body) of every Fars article."""
    articles = []
    for path in sorted(DATA.glob("fars-news-*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            body = "\n".join([item.get("abstract") or "", *(item.get("paragraphs") or [])])
            articles.append((item.get("title") or "", body))
    return articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="a few seconds (CI)")
    parser.add_argument("--documents", type=int, help="override the number of documents")
    parser.add_argument("--queries", type=int, help="override the number of queries")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} is not present")
        return 0
    n_documents, n_queries = (3_000, 100) if args.short else (30_000, 400)
    n_documents, n_queries = args.documents or n_documents, args.queries or n_queries

    os.environ.setdefault("AYNEH_DATA_DIR", tempfile.mkdtemp(prefix="ayneh-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ayneh.settings")
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection, transaction

    from ayneh.search.backends import get_backend
    from ayneh.search.selectors import COUNT_CAP, search_documents
    from ayneh.search.services import search_document_upsert
    from ayneh.search.terms import tokens

    if connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = str(Path(settings.DATA_DIR) / "bench.sqlite3")
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        articles = load_articles()
        rng = random.Random(SEED)
        start_time = dt.datetime(2021, 5, 22, tzinfo=dt.UTC)

        began, began_cpu = time.perf_counter(), time.process_time()
        for batch_start in range(0, n_documents, 500):
            with transaction.atomic():
                for n in range(batch_start, min(batch_start + 500, n_documents)):
                    title, body = articles[n % len(articles)]
                    search_document_upsert(
                        kind="release",
                        key=f"a{n}",
                        office_code=f"office-{n % 40}",
                        title=title,
                        body=body,
                        published_at=start_time + dt.timedelta(minutes=n),
                    )
        index_seconds, index_cpu = time.perf_counter() - began, time.process_time() - began_cpu
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE search_searchdocument")

        queries: list[tuple[str, int]] = []
        while len(queries) < n_queries:
            n = rng.randrange(min(n_documents, len(articles)))
            words = [word for word in tokens(articles[n][0]) if len(word) >= 3]
            if not words:
                continue
            query = " ".join(rng.sample(words, min(len(words), rng.choice((1, 2)))))
            form = PERSIAN_FORM if len(queries) % 2 == 0 else ARABIC_FORM
            queries.append((query.translate(form), n))

        latencies, found = [], 0
        for query, n in queries:
            began = time.perf_counter()
            page = search_documents(query=query, limit=20)
            latencies.append(time.perf_counter() - began)
            # The article may sit past the first page (its copies and look-alikes are newer): ask for all.
            everything = search_documents(query=query, limit=100, offset=0)
            keys = set(everything.keys)
            offset, last = 100, everything
            while f"a{n}" not in keys and len(last.keys) == 100 and offset < COUNT_CAP:
                last = search_documents(query=query, limit=100, offset=offset)
                keys |= set(last.keys)
                offset += 100
            found += f"a{n}" in keys
            if f"a{n}" not in keys and os.environ.get("DEBUG_MISS"):
                print("MISS", query, n, everything.total, everything.total_exact, len(keys), offset)
            # An exact total is the same whatever the page size; an "at least" total is a lower bound
            # found while reading a page, so it may grow with the page.
            if page.total_exact and everything.total_exact:
                assert page.total == everything.total
            else:
                assert page.total <= COUNT_CAP
                assert everything.total <= COUNT_CAP

        latencies.sort()
        print(f"backend            {get_backend().name} ({connection.vendor})")
        print(f"documents          {n_documents:,} ({len(articles):,} real articles, repeated)")
        print(
            f"index              {n_documents / index_seconds:,.0f} documents/s "
            f"({index_seconds:.1f} s wall, {index_cpu:.1f} s CPU in this process)"
        )
        print(f"queries            {len(queries)} (half Persian-keyboard form, half Arabic form)")
        print(f"latency median     {statistics.median(latencies) * 1000:.1f} ms")
        print(f"latency p95        {latencies[int(len(latencies) * 0.95) - 1] * 1000:.1f} ms")
        print(f"recall             {found / len(queries):.3f} (own article among the hits)")
    finally:
        connection.creation.destroy_test_db(settings.DATABASES["default"]["NAME"], verbosity=0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
