"""Scale-out, for real: one JSON Lines archive ingested on the embedded path (`ayneh import_archive`, in
process) and through two `ayneh rq_worker` processes over the real Redis at 127.0.0.1:6379, both on the
real PostgreSQL. The two databases end with the same articles (address key, content hash), the same
version groups (as partitions of the articles), the same pickups (release, article, status) and the same
failures; the chunks of the one batch were stored by both workers, each chunk once.

Each run gets its own databases (cloned from one prepared template: offices, the outlet, published
releases) and its own Redis database number, so parallel runs do not meet. It runs in bin/test's
PostgreSQL run; outside CI it skips when PostgreSQL or Redis is unreachable, in CI that fails.
"""

import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
import redis

from tests.conftest import SHARED_DATA
from tests.monitoring.processes import REPO_ROOT, finished

pytestmark = pytest.mark.postgres


def _archive_maker() -> ModuleType:
    """H7's archive generator and database preparation (benchmarks/monitoring_ingest.py), loaded by path so
    the benchmarks folder never shadows other modules on sys.path."""
    spec = importlib.util.spec_from_file_location(
        "monitoring_ingest", REPO_ROOT / "benchmarks" / "monitoring_ingest.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("monitoring_ingest", module)
    spec.loader.exec_module(module)
    return module


archive_maker = _archive_maker()

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


@pytest.fixture(scope="module")
def postgres_server() -> Iterator[list[str]]:
    """Checks PostgreSQL is there; drops the databases the module's tests made (listed here) afterwards."""
    if not (os.environ.get("DATABASE_URL") or "").startswith(("postgres://", "postgresql://")):
        pytest.skip("runs in bin/test's PostgreSQL run (DATABASE_URL=postgres://...)")
    try:
        _admin("SELECT 1")
    except psycopg.Error as error:
        _unreachable("PostgreSQL", error)
    made: list[str] = []
    yield made
    for name in reversed(made):
        _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@dataclass(frozen=True)
class Prepared:
    template: str
    archive: Path
    records: int
    expected: dict[str, Any]
    made: list[str]

    def fresh(self, suffix: str) -> str:
        name = f"{self.template.removesuffix('_template')}_{suffix}"
        _admin(f"CREATE DATABASE {name} TEMPLATE {self.template}")
        self.made.append(name)
        return name


@pytest.fixture(scope="module")
def prepared(postgres_server: list[str], tmp_path_factory: pytest.TempPathFactory) -> Prepared:
    """A template database (offices, the outlet, published releases), the archive, and what the embedded
    path (the batch run in process, chunk after chunk) stores from it."""
    if not SHARED_DATA.is_dir():  # the archive is built from the real articles there
        pytest.skip("../shared/data is not present in this checkout")
    workdir = tmp_path_factory.mktemp("rq")
    template = f"ayneh_rqtest_{uuid.uuid4().hex[:10]}_template"
    postgres_server.append(template)
    archive, records = prepare_template(template, workdir)
    result = Prepared(template, archive, records, {}, postgres_server)
    embedded = result.fresh("embedded")
    finished(ayneh([*import_args(archive), "--chunk-size", str(CHUNK)], database=embedded, data_dir=workdir / "e"))
    expected = stored(embedded)
    assert expected["batches"][0][:3] == ("completed", records, records)
    assert expected["pickups"], "the archive's planted republications must be found, or the comparison is empty"
    assert expected["failures"], "the broken line must be recorded"
    result.expected.update(expected)
    return result


def import_args(archive: Path) -> list[str]:
    return ["import_archive", str(archive), "--outlet", archive_maker.OUTLET, "--no-progress"]


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


class RQWorkers:
    """`count` real `ayneh rq_worker` processes on `database` and their own Redis database number."""

    def __init__(self, *, database: str, redis_db: int, data_dir: Path, count: int, **env: str) -> None:
        self.database, self.data_dir = database, data_dir
        self.redis_url = f"redis://{REDIS_HOST}:{REDIS_PORT}/{redis_db}"
        self.env = {
            "AYNEH_TASKS_BACKEND": "rq",
            "REDIS_URL": self.redis_url,
            "AYNEH_INGEST_CHUNK_SIZE": str(CHUNK),
            **env,
        }
        self.processes = [
            ayneh(
                ["rq_worker", "--name", f"w{n}-{uuid.uuid4().hex[:6]}"],
                database=database,
                data_dir=data_dir / f"w{n}",
                **self.env,
            )
            for n in range(count)
        ]

    def queue_import(self, archive: Path) -> None:
        out = finished(
            ayneh(
                [*import_args(archive), "--background"],
                database=self.database,
                data_dir=self.data_dir / "q",
                **self.env,
            )
        )
        assert "queued" in out

    def wait_until_ended(self, *, on_wait: Callable[[], None] = lambda: None, timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        while (state := batch_state(self.database)) is None or state[0] in {"pending", "running"}:
            for worker in self.processes:
                assert worker.poll() is None or worker.returncode == -signal.SIGKILL, worker.communicate()[1]
            assert time.monotonic() < deadline, f"the batch did not end in time: {state}"
            on_wait()
            time.sleep(0.2)

    def stop(self) -> None:
        for worker in self.processes:
            if worker.poll() is None:
                worker.send_signal(signal.SIGTERM)  # RQ's warm shutdown: the job in hand finishes
        for worker in self.processes:
            try:
                worker.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.communicate()


def test_two_rq_workers_store_what_the_embedded_run_stores(prepared: Prepared, redis_db: int, tmp_path: Path) -> None:
    scaled = prepared.fresh("rq")
    workers = RQWorkers(database=scaled, redis_db=redis_db, data_dir=tmp_path, count=WORKERS)
    try:
        workers.queue_import(prepared.archive)
        workers.wait_until_ended()
    finally:
        workers.stop()

    assert stored(scaled) == prepared.expected

    records = prepared.records
    chunks = chunk_results(workers.redis_url)
    stored_chunks = [c for c in chunks if c["outcome"] == "stored"]
    # Every chunk's records were stored exactly once, and the chunks tile the archive.
    assert sorted((c["stored_from"], c["end"]) for c in stored_chunks) == [
        (start, min(start + CHUNK, records)) for start in range(0, records, CHUNK)
    ]
    assert all(c["took_over"] == 0 for c in chunks), "no worker died: nobody had to take over"
    by_worker = {c["worker"] for c in stored_chunks}
    assert len(by_worker) == WORKERS, f"the chunks were not spread over both workers: {by_worker}"


def test_a_worker_killed_mid_import_loses_nothing_and_duplicates_nothing(
    prepared: Prepared, redis_db: int, tmp_path: Path
) -> None:
    scaled = prepared.fresh("killed")
    stall = {"AYNEH_CHUNK_STALL_SECONDS": "3", "AYNEH_BATCH_STALL_SECONDS": "5"}
    workers = RQWorkers(database=scaled, redis_db=redis_db, data_dir=tmp_path, count=WORKERS, **stall)
    last_tick = [time.monotonic()]

    def serve_schedule_tick() -> None:
        """What `ayneh serve` does every minute (here every 5 s): resume an import whose worker died."""
        if time.monotonic() - last_tick[0] > 5:
            code = "from ayneh.monitoring.schedule import FetchScheduler; FetchScheduler(every=1).tick()"
            finished(ayneh(["shell", "-c", code], database=scaled, data_dir=tmp_path / "s", **workers.env))
            last_tick[0] = time.monotonic()

    try:
        workers.queue_import(prepared.archive)
        deadline = time.monotonic() + 300
        while (state := batch_state(scaled)) is None or state[1] < 2 * CHUNK:
            assert time.monotonic() < deadline, f"the import did not start: {state}"
            time.sleep(0.05)
        workers.processes[0].send_signal(signal.SIGKILL)  # mid-chunk: its chunk never commits
        workers.processes[0].communicate(timeout=30)
        assert batch_state(scaled)[0] == "running"
        workers.wait_until_ended(on_wait=serve_schedule_tick)
    finally:
        workers.stop()

    assert stored(scaled) == prepared.expected
