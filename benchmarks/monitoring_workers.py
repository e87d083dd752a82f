"""Scale-out benchmark: one JSON Lines import spread over one background worker, then over two.

    .venv/bin/python benchmarks/monitoring_workers.py            # SQLite + db_worker; PostgreSQL + db_worker and + RQ
    .venv/bin/python benchmarks/monitoring_workers.py --short    # CI: 120 records; SQLite (PostgreSQL if DATABASE_URL)
    .venv/bin/python benchmarks/monitoring_workers.py --cold     # workers not warmed up first (see below)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ayneh ...   # PostgreSQL server to make scratch databases on

What is measured: the real deployment path end to end. Worker processes are started (`ayneh db_worker`, or
`ayneh rq_worker` with Redis at 127.0.0.1:6379), the import is queued as an operator does
(`ayneh import_archive ... --background`), it is fanned out in chunk tasks (`AYNEH_INGEST_FAN_OUT=1`) and
the workers take the chunks: analysis in parallel, storing in archive order
(`ayneh.monitoring.fanout`). Articles per second = records / (batch finished − batch started), both times
written by the workers in the batch's row, so process start-up is not counted. Before the measured import
the workers run a small warm-up import (other real articles, `WARMUP_CHUNKS` chunks, so each worker takes
one): a worker's first task imports the monitoring modules and loads the text library (about 1.3 s here),
a once-per-process cost that in a 5-second import would hide how the workers scale; `--cold` measures
without it (as before). "per worker CPU second" = records / CPU seconds the worker processes used during
the import (from /proc; the database server's CPU is not counted): it tells whether two workers do more
work in all than one (sketching twice, polling), whatever the neighbours on the machine do to wall time.
The archive (real Fars articles, duplicates and planted republications of
published releases) comes from helper H7's `benchmarks/monitoring_ingest.py`, imported, not copied.

The named peer is the same import on ONE worker in the same run; the ratio two/one is printed per
backend. On a 2-core machine shared with other work the ideal is ≤ 2 and the ratio mostly measures the
neighbours: read medians of several runs. The runs must also agree (stored, duplicates, failed, pickups):
a mismatch is reported and the script exits 1.

What bounds the ratio. Storing runs one chunk at a time, in archive order, so two workers are at most
(prepare + store) / store times faster than one — and at most ×2 on this 2-core machine, whose cores the
database server shares with the workers. Measured here in one process on 400 Fars records (CPU seconds,
chunks of 20; runs ten minutes apart differ by about 15 %): before commit 94face8 `chunk_prepare` took 0.61
s and `chunk_store` 1.17 s on PostgreSQL (0.61 / 0.99 on SQLite): the ordered step was two thirds of the
work, a bound of ×1.5, and each worker also re-sketched from text every article the other stored. Now
people, quotes, offices named, pickup matching and search facets are worked out in `chunk_prepare`, and each
article's sketch is stored with it (`Article.sketch`), so other workers index it without sketching: prepare
0.97–1.28 s, store 0.62–0.85 s on PostgreSQL (0.95–1.09 / 0.56–0.63 on SQLite), the ordered step two fifths
of the work. What is left in the ordered store is mostly writing the search index
(`ayneh.search.services.search_documents_upsert`, half of the store on SQLite and 60 % on PostgreSQL under
cProfile: document rows, their sort keys, a tsvector or FTS5 row per document, and their tokens, computed
there), then the inserts, deduplication and version groups. On SQLite every write also takes the one write
lock, the `db_worker`'s claim of its next task included, so a worker that has just stored may wait for the
other's store before it can take its next chunk.

Measured here with those changes (1000 records, warmed workers, medians of 3, load average 1.6–1.9):
two/one workers ×1.58 on SQLite (235 → 371 articles/s), ×1.43 on PostgreSQL with db_worker (172 → 246),
×1.49 with RQ (168 → 250); the same protocol on the code before gave ×1.24, ×1.13 and ×1.15. After the
search index moved its tokens into `chunk_prepare` and wrote each document's sort key with its vector
(commit f175605; load average 1.7–2.1, the machine slower than in the run above: compare ratios):
×1.62 on SQLite (194 → 315), ×1.66 with db_worker (161 → 267) and ×1.77 with RQ (130 → 230) on PostgreSQL.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
import monitoring_ingest as ingest_bench  # noqa: E402 - H7's archive generator and database preparation

SHORT_RECORDS = 120
CHUNK_SIZE = 20
SHORT_CHUNK_SIZE = 10
# The warm-up import: this many chunks, so that every worker takes at least one.
WARMUP_CHUNKS = 4
REDIS = ("127.0.0.1", 6379)
PREFIX = "ayneh_workers_bench"


@dataclass(frozen=True, slots=True)
class Run:
    backend: str  # "sqlite" or "postgres"
    transport: str  # "db" or "rq"
    workers: int
    records: int
    seconds: float
    counts: tuple[int, int, int, int]  # stored, duplicates, failed, pickups
    cpu: float | None  # CPU seconds of the worker processes during the import (not the database server's)

    @property
    def rate(self) -> float:
        return self.records / self.seconds

    @property
    def cpu_rate(self) -> float | None:
        return self.records / self.cpu if self.cpu else None


class Databases:
    """A prepared template (offices, the outlet, published releases) and fresh copies of it per run."""

    def __init__(self, kind: str, workdir: Path, server_url: str | None = None) -> None:
        self.kind, self.workdir, self.server_url = kind, workdir, server_url
        self.made: list[str] = []

    def url(self, name: str) -> str:
        if self.kind == "sqlite":
            return f"sqlite:///{self.workdir / f'{name}.sqlite3'}"
        assert self.server_url is not None
        parts = urlsplit(self.server_url)
        return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            connection.execute(sql)

    def prepare(self, releases: Path) -> None:
        template = f"{PREFIX}_{os.getpid()}_template"
        if self.kind == "postgres":
            self.admin(f"CREATE DATABASE {template}")
        self.made.append(template)
        ingest_bench.child_result(
            ingest_bench.run_child(["--child", "prepare", str(releases)], self.url(template), self.workdir)
        )

    def fresh(self) -> str:
        name = f"{PREFIX}_{os.getpid()}_{len(self.made)}"
        if self.kind == "sqlite":
            shutil.copyfile(self.workdir / f"{self.made[0]}.sqlite3", self.workdir / f"{name}.sqlite3")
        else:
            self.admin(f"CREATE DATABASE {name} TEMPLATE {self.made[0]}")
        self.made.append(name)
        return self.url(name)

    def batch(self, url: str) -> tuple[Any, ...] | None:
        sql = (
            "SELECT status, started_at, finished_at, cursor, created_count, duplicate_count, failed_count, "
            "pickup_count FROM monitoring_ingestbatch ORDER BY id DESC LIMIT 1"
        )
        if self.kind == "sqlite":
            path = url.removeprefix("sqlite:///")
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30) as connection:
                row = connection.execute(sql).fetchone()
            if row is None:
                return None
            return (row[0], *(dt.datetime.fromisoformat(v) if v else None for v in row[1:3]), *row[3:])
        import psycopg

        with psycopg.connect(url) as connection:
            return connection.execute(sql).fetchone()

    def cleanup(self) -> None:
        if self.kind == "postgres":
            for name in reversed(self.made):
                self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def ayneh(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(  # noqa: S603 - the project's own command, arguments built here
        [sys.executable, "-m", "ayneh.cli", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def redis_db() -> int | None:
    """An empty Redis database number (1-15), claimed with a marker key; None when Redis is unreachable."""
    try:
        import redis

        for number in range(15, 0, -1):
            client = redis.Redis(host=REDIS[0], port=REDIS[1], db=number, socket_connect_timeout=2)
            if client.dbsize() == 0 and client.set("ayneh:bench", os.getpid(), nx=True):
                return number
    except Exception:
        return None
    return None


def cpu_seconds(pool: list[subprocess.Popen[str]]) -> float | None:
    """User + system CPU seconds the worker processes used so far (Linux /proc; None elsewhere)."""
    try:
        total = 0
        for worker in pool:
            fields = Path(f"/proc/{worker.pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    except (OSError, IndexError, ValueError):
        return None
    return total / os.sysconf("SC_CLK_TCK")


def queue_import(archive: Path, env: dict[str, str]) -> None:
    queued = ayneh(["import_archive", str(archive), "--outlet", ingest_bench.OUTLET, "--background"], env)
    _out, err = queued.communicate(timeout=300)
    if queued.returncode:
        raise SystemExit(f"queueing the import failed:\n{err}")


def import_run(dbs: Databases, url: str, pool: list[subprocess.Popen[str]], archive: Path, env: dict[str, str]) -> Any:
    """Queue the import of `archive` and return its batch's row once the workers have finished it."""
    queue_import(archive, env)
    deadline = time.monotonic() + 900
    while (row := dbs.batch(url)) is None or row[0] in {"pending", "running"}:
        for worker in pool:
            if worker.poll() is not None:
                raise SystemExit(f"a worker died:\n{worker.communicate()[1]}")
        if time.monotonic() > deadline:
            raise SystemExit(f"the import did not finish: {row}")
        time.sleep(0.1)
    return row


def warmup_archive(path: Path, records: list[dict[str, Any]], releases: list[dict[str, Any]], size: int) -> Path:
    """Real articles the measured archive does not hold (nor any release's story), for the warm-up import."""
    taken = {r["url"] for r in records} | {r["title"].strip() for r in records}
    taken |= {r["title"].strip() for r in releases}
    stories = [s for s in ingest_bench.real_stories() if s.url not in taken and s.title.strip() not in taken]
    rows = [
        {"url": s.url, "title": s.title, "text": s.text, "published": ingest_bench.RELEASE_TIME}
        for s in stories[-size:]
    ]
    ingest_bench.write_jsonl(path, rows)
    return path


def one_run(
    dbs: Databases,
    transport: str,
    workers: int,
    archive: Path,
    records: int,
    redis_number: int | None,
    chunk: int,
    warmup: Path | None,
) -> Run:
    url = dbs.fresh()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ayneh.settings",
        "DATABASE_URL": url,
        "AYNEH_DATA_DIR": str(dbs.workdir / "data"),
        "AYNEH_LOG_LEVEL": "ERROR",
        "AYNEH_INGEST_FAN_OUT": "1",
        "AYNEH_INGEST_CHUNK_SIZE": str(chunk),
        "AYNEH_TASKS_BACKEND": transport,
    }
    if transport == "rq":
        env["REDIS_URL"] = f"redis://{REDIS[0]}:{REDIS[1]}/{redis_number}"
        command = ["rq_worker"]
    else:
        command = ["db_worker", "--interval", "0.1", "--no-startup-delay"]
    pool = [
        ayneh([*command, *(["--name", f"bench-{os.getpid()}-{n}"] if transport == "rq" else [])], env)
        for n in range(workers)
    ]
    try:
        if warmup is not None:
            import_run(dbs, url, pool, warmup, env)
        cpu_before = cpu_seconds(pool)
        row = import_run(dbs, url, pool, archive, env)
        cpu_after = cpu_seconds(pool)
        cpu = cpu_after - cpu_before if cpu_before is not None and cpu_after is not None else None
    finally:
        for worker in pool:
            worker.send_signal(signal.SIGTERM)
        for worker in pool:
            try:
                worker.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.communicate()
        if transport == "rq":
            import redis

            redis.Redis(host=REDIS[0], port=REDIS[1], db=redis_number).flushdb()
            redis.Redis(host=REDIS[0], port=REDIS[1], db=redis_number).set("ayneh:bench", os.getpid())
    status, started, finished, cursor, *counts = row
    if status != "completed" or cursor != records:
        raise SystemExit(f"the import ended {status} at {cursor} of {records}")
    seconds = (finished - started).total_seconds()
    return Run(dbs.kind, transport, workers, records, seconds, tuple(counts), cpu)  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help=f"CI size: {SHORT_RECORDS} records, one round")
    parser.add_argument("--records", type=int, help="at most this many records (default: short 200, full 1000)")
    parser.add_argument(
        "--rounds", type=int, help="rounds per configuration (median reported; default 1 short, 3 full)"
    )
    parser.add_argument(
        "--cold",
        action="store_true",
        help="no warm-up import: each worker's first-task warm-up (imports, the text library) is measured too",
    )
    args = parser.parse_args(argv)
    if not ingest_bench.DATA.is_dir():
        print(f"skipped: {ingest_bench.DATA} is not present")
        return 0
    rounds = args.rounds or (1 if args.short else 3)
    began = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="ayneh-bench-workers-"))
    redis_number: int | None = None
    status = 0
    try:
        records, releases = ingest_bench.build_archive(short=args.short, limit=args.records or 1000)
        records = records[: args.records or (SHORT_RECORDS if args.short else 1000)]
        archive = workdir / "archive.jsonl"
        ingest_bench.write_jsonl(archive, records)
        releases_path = workdir / "releases.json"
        releases_path.write_text(json.dumps(releases, ensure_ascii=False), encoding="utf-8")
        chunk = SHORT_CHUNK_SIZE if args.short else CHUNK_SIZE
        warmup = (
            None if args.cold else warmup_archive(workdir / "warmup.jsonl", records, releases, WARMUP_CHUNKS * chunk)
        )
        print(
            f"archive: {len(records)} records, chunks of {chunk}, {rounds} round(s) per configuration; "
            + ("cold workers" if warmup is None else f"workers warmed by a {WARMUP_CHUNKS * chunk}-record import first")
        )
        plans: list[tuple[Databases, list[str]]] = [(Databases("sqlite", workdir), ["db"])]
        server = os.environ.get("DATABASE_URL", "" if args.short else "postgres://postgres@127.0.0.1:5432/ayneh")
        if server.startswith(("postgres://", "postgresql://")):
            redis_number = redis_db()
            transports = ["db", "rq"] if redis_number is not None else ["db"]
            if args.short and redis_number is not None:
                transports = ["rq"]  # CI's minute: the scale-out path only
            plans.append((Databases("postgres", workdir, server), transports))
        for dbs, transports in plans:
            try:
                dbs.prepare(releases_path)
            except SystemExit as error:
                print(f"{dbs.kind}: skipped ({str(error).splitlines()[-1][:200]})")
                continue
            try:
                for transport in transports:
                    medians: dict[int, float] = {}
                    seen: set[tuple[int, int, int, int]] = set()
                    for workers in (1, 2):
                        runs = [
                            one_run(dbs, transport, workers, archive, len(records), redis_number, chunk, warmup)
                            for _ in range(rounds)
                        ]
                        medians[workers] = statistics.median(r.rate for r in runs)
                        seen |= {r.counts for r in runs}
                        stored, duplicates, failed, pickups = runs[0].counts
                        cpu_rates = [r.cpu_rate for r in runs if r.cpu_rate is not None]
                        per_cpu = f", {statistics.median(cpu_rates):.0f} per worker CPU second" if cpu_rates else ""
                        print(
                            f"{dbs.kind:8} {transport:2} {workers} worker(s): {medians[workers]:6.1f} articles/s "
                            f"(median of {rounds}: {', '.join(f'{r.rate:.1f}' for r in runs)}){per_cpu}; "
                            f"stored {stored}, duplicates {duplicates}, failed {failed}, pickups {pickups}"
                        )
                    agree = "the runs agree" if len(seen) == 1 else f"MISMATCH between runs: {sorted(seen)}"
                    print(f"{dbs.kind:8} {transport:2} ratio two/one workers: ×{medians[2] / medians[1]:.2f}; {agree}")
                    if len(seen) != 1:
                        status = 1
            finally:
                dbs.cleanup()
    finally:
        if redis_number is not None:
            import redis

            redis.Redis(host=REDIS[0], port=REDIS[1], db=redis_number).flushdb()
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"(benchmark took {time.monotonic() - began:.0f} s)")
    return status


if __name__ == "__main__":
    sys.exit(main())
