"""Scale-out, for real: one JSON Lines archive ingested on the embedded path (`ayneh import_archive`, in
process) and through two `ayneh rq_worker` processes over the real Redis at 127.0.0.1:6379, both on the
real PostgreSQL. The two databases end with the same articles (address key, content hash), the same
version groups (as partitions of the articles), the same pickups (release, article, status) and the same
failures; the chunks of the one batch were stored by both workers, each chunk once.

Each run gets its own databases (cloned from one prepared template: offices, the outlet, published
releases) and its own Redis database number, so parallel runs do not meet. It runs in bin/test's
PostgreSQL run; outside CI it skips when PostgreSQL or Redis is unreachable, in CI that fails.
"""

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
import redis

from tests.monitoring.processes import REPO_ROOT, finished

pytestmark = pytest.mark.postgres

sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
import monitoring_ingest as archive_maker  # noqa: E402 - H7's archive generator, reused (benchmarks/)

POSTGRES_URL = os.environ.get("AYNEH_TEST_POSTGRES_URL") or "postgres://postgres@127.0.0.1:5432/ayneh"
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
CHUNK = 20
WORKERS = 2


def _unreachable(what: str, error: Exception) -> None:
    message = f"{what} is not reachable ({error}): the two-worker RQ run needs it"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def _database_url(name: str) -> str:
    parts = urlsplit(POSTGRES_URL)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))


def _admin(sql: str) -> None:
    with psycopg.connect(_database_url("postgres"), autocommit=True, connect_timeout=5) as connection:
        connection.execute(sql)


@pytest.fixture
def postgres_databases() -> Iterator[list[str]]:
    """Names for a template and two scratch databases, dropped afterwards."""
    if not (os.environ.get("DATABASE_URL") or "").startswith(("postgres://", "postgresql://")):
        pytest.skip("runs in bin/test's PostgreSQL run (DATABASE_URL=postgres://...)")
    try:
        _admin("SELECT 1")
    except psycopg.Error as error:
        _unreachable("PostgreSQL", error)
    tag = uuid.uuid4().hex[:10]
    names = [f"ayneh_rqtest_{tag}_{suffix}" for suffix in ("template", "embedded", "rq")]
    yield names
    for name in reversed(names):
        _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def redis_db() -> Iterator[int]:
    """An empty Redis database number of its own (1-15), emptied again afterwards."""
    try:
        redis.Redis(host=REDIS_HOST, port=REDIS_PORT, socket_connect_timeout=3).ping()
    except redis.RedisError as error:
        _unreachable("Redis at 127.0.0.1:6379", error)
    for number in sorted(range(1, 16), key=lambda n: (n + os.getpid()) % 15):
        client = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=number)
        # Claim the number with a marker key only if the database is empty (another run would have keys).
        if client.dbsize() == 0 and client.set("ayneh:rqtest", os.getpid(), nx=True):
            yield number
            client.flushdb()
            return
    pytest.skip("no empty Redis database number (1-15) for this run")


def ayneh(args: list[str], *, database: str, data_dir: Path, **env: str) -> subprocess.Popen[str]:
    environment = {
        **{k: v for k, v in os.environ.items() if k not in {"AYNEH_TASKS_BACKEND", "REDIS_URL"}},
        "DJANGO_SETTINGS_MODULE": "ayneh.settings",
        "AYNEH_DATA_DIR": str(data_dir),
        "DATABASE_URL": _database_url(database),
        "AYNEH_LOG_LEVEL": "ERROR",
        **env,
    }
    return subprocess.Popen(
        [sys.executable, "-m", "ayneh.cli", *args],
        cwd=REPO_ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def prepare_template(name: str, workdir: Path) -> tuple[Path, int]:
    """Migrate, load offices, register the outlet, publish releases; write the archive. (archive, records)"""
    _admin(f"CREATE DATABASE {name}")
    records, releases = archive_maker.build_archive(short=True)
    releases_path = workdir / "releases.json"
    releases_path.write_text(json.dumps(releases, ensure_ascii=False), encoding="utf-8")
    archive_maker.child_result(
        archive_maker.run_child(["--child", "prepare", str(releases_path)], _database_url(name), workdir)
    )
    records.insert(len(records) // 2, "{a broken line")  # a failure, stored with its position
    archive = workdir / "archive.jsonl"
    with archive.open("w", encoding="utf-8") as stream:
        for record in records:
            stream.write((record if isinstance(record, str) else json.dumps(record, ensure_ascii=False)) + "\n")
    return archive, len(records)


def stored(database: str) -> dict[str, Any]:
    """What a run left in its database, in forms that do not depend on ids or timing."""
    with psycopg.connect(_database_url(database)) as connection:
        rows = connection.execute(
            "SELECT url_key, content_hash, outlet_id, source_office_id, version_group FROM monitoring_article"
        ).fetchall()
        groups: dict[Any, set[str]] = defaultdict(set)
        for url_key, _hash, _outlet, _office, group in rows:
            groups[group].add(url_key)
        pickups = connection.execute(
            "SELECT p.release_id, a.url_key, p.status, p.attribution, p.similarity FROM monitoring_pickup p "
            "JOIN monitoring_article a ON a.id = p.article_id"
        ).fetchall()
        quotes = connection.execute(
            "SELECT a.url_key, q.speaker, q.start FROM monitoring_quote q JOIN monitoring_article a ON a.id = q.article_id"
        ).fetchall()
        return {
            "articles": sorted(row[:4] for row in rows),
            "versions": sorted(sorted(members) for members in groups.values()),
            "pickups": sorted(pickups),
            "quotes": sorted(quotes),
            "failures": sorted(
                connection.execute("SELECT position, url, reason FROM monitoring_articlefailure").fetchall()
            ),
            "batches": connection.execute(
                "SELECT status, cursor, total, created_count, duplicate_count, failed_count, pickup_count "
                "FROM monitoring_ingestbatch"
            ).fetchall(),
        }


def batch_state(database: str) -> tuple[str, int] | None:
    with psycopg.connect(_database_url(database)) as connection:
        row = connection.execute("SELECT status, cursor FROM monitoring_ingestbatch").fetchone()
    return (row[0], row[1]) if row else None


def chunk_results(redis_url: str) -> list[dict[str, Any]]:
    """What each finished chunk task returned (its records, its outcome, its worker), read from RQ."""
    from rq.job import Job
    from rq.registry import FinishedJobRegistry

    connection = redis.Redis.from_url(redis_url)
    results = []
    for job_id in FinishedJobRegistry("default", connection=connection).get_job_ids():
        job = Job.fetch(job_id, connection=connection)
        if job.func_name.endswith(".ingest_chunk_run"):
            results.append(job.latest_result().return_value)
    return results


def test_two_rq_workers_store_what_the_embedded_run_stores(
    postgres_databases: list[str], redis_db: int, tmp_path: Path
) -> None:
    template, embedded, scaled = postgres_databases
    archive, records = prepare_template(template, tmp_path)
    _admin(f"CREATE DATABASE {embedded} TEMPLATE {template}")
    _admin(f"CREATE DATABASE {scaled} TEMPLATE {template}")

    # The embedded path: the batch run in process, chunk after chunk.
    import_args = ["import_archive", str(archive), "--outlet", archive_maker.OUTLET, "--no-progress"]
    finished(ayneh([*import_args, "--chunk-size", str(CHUNK)], database=embedded, data_dir=tmp_path / "embedded"))
    expected = stored(embedded)
    assert expected["batches"][0][:3] == ("completed", records, records)
    assert expected["pickups"], "the archive's planted republications must be found, or the comparison is empty"
    assert expected["failures"], "the broken line must be recorded"

    # Scale-out: two RQ workers on their own Redis database, then the same import queued for them.
    redis_url = f"redis://{REDIS_HOST}:{REDIS_PORT}/{redis_db}"
    rq_env = {"AYNEH_TASKS_BACKEND": "rq", "REDIS_URL": redis_url, "AYNEH_INGEST_CHUNK_SIZE": str(CHUNK)}
    workers = [
        ayneh(["rq_worker", "--name", f"w{n}-{redis_db}"], database=scaled, data_dir=tmp_path / f"w{n}", **rq_env)
        for n in range(WORKERS)
    ]
    try:
        out = finished(ayneh([*import_args, "--background"], database=scaled, data_dir=tmp_path / "queue", **rq_env))
        assert "queued" in out
        deadline = time.monotonic() + 300
        while (state := batch_state(scaled)) is None or state[0] in {"pending", "running"}:
            for worker in workers:
                assert worker.poll() is None, worker.communicate()[1]
            assert time.monotonic() < deadline, f"the batch did not end in time: {state}"
            time.sleep(0.2)
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGTERM)  # RQ's warm shutdown: the job in hand finishes
        for worker in workers:
            try:
                worker.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.communicate()

    assert stored(scaled) == expected

    chunks = chunk_results(redis_url)
    stored_chunks = [c for c in chunks if c["outcome"] == "stored"]
    # Every chunk's records were stored exactly once, and the chunks tile the archive.
    assert sorted((c["stored_from"], c["end"]) for c in stored_chunks) == [
        (start, min(start + CHUNK, records)) for start in range(0, records, CHUNK)
    ]
    assert all(c["took_over"] == 0 for c in chunks), "no worker died: nobody had to take over"
    by_worker = {c["worker"] for c in stored_chunks}
    assert len(by_worker) == WORKERS, f"the chunks were not spread over both workers: {by_worker}"
