"""The real thing: `ayneh import_archive` is killed with SIGKILL in the middle of a batch, restarted with
`--resume`, and ends with exactly the rows an uninterrupted run stores — same article ids and keys, same
failures, same version groups, same people and quotes.

Each run is its own process on its own file-backed SQLite database (copied from one migrated template),
whatever database the rest of the suite uses.
"""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.monitoring.factories import fars_articles, jsonl_write

REPO_ROOT = Path(__file__).resolve().parents[2]
RECORDS = 200
CHUNK = 10
KILL_AFTER = 4 * CHUNK  # records committed before the kill
OUTLET = "فارس"


def ayneh(args: list[str], data_dir: Path, **popen: Any) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ayneh.settings",
        "AYNEH_DATA_DIR": str(data_dir),
        "DATABASE_URL": f"sqlite:///{data_dir / 'ayneh.sqlite3'}",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "ayneh.cli", *args],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **popen,
    )


def finished(process: subprocess.Popen[str], timeout: float = 300) -> str:
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, err
    return out


def import_args(archive: Path) -> list[str]:
    return ["import_archive", str(archive), "--outlet", OUTLET, "--tier", "news_agency"]


def query(database: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30) as connection:
        return connection.execute(sql).fetchall()


def stored(database: Path) -> dict[str, Any]:
    groups: dict[str, list[int]] = {}
    for article_id, group in query(database, "SELECT id, version_group FROM monitoring_article"):
        groups.setdefault(group, []).append(article_id)
    return {
        "articles": query(database, "SELECT id, url_key, content_hash, outlet_id FROM monitoring_article ORDER BY id"),
        "groups": sorted(sorted(members) for members in groups.values()),
        "failures": query(database, "SELECT position, reason FROM monitoring_articlefailure ORDER BY position"),
        "mentions": query(database, "SELECT article_id, name, start FROM monitoring_mention ORDER BY id"),
        "quotes": query(database, "SELECT article_id, speaker, start FROM monitoring_quote ORDER BY id"),
        "batch": query(
            database,
            "SELECT status, cursor, created_count, duplicate_count, failed_count FROM monitoring_ingestbatch",
        ),
    }


@pytest.fixture
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty database folder to copy for each run."""
    folder = tmp_path_factory.mktemp("template")
    finished(ayneh(["migrate", "--verbosity", "0"], folder))
    return folder


def copy_of(template: Path, name: str, tmp_path: Path) -> Path:
    folder = tmp_path / name
    shutil.copytree(template, folder)
    return folder


def test_a_killed_import_resumes_to_the_uninterrupted_result(shared_data: Path, template: Path, tmp_path: Path) -> None:
    records: list[Any] = list(fars_articles(shared_data, limit=RECORDS))
    records.insert(KILL_AFTER + 3, "{a broken line")
    records.append(records[0])
    archive = jsonl_write(tmp_path / "fars.jsonl", records)

    reference = copy_of(template, "uninterrupted", tmp_path)
    finished(ayneh([*import_args(archive), "--chunk-size", str(CHUNK), "--no-progress"], reference))
    expected = stored(reference / "ayneh.sqlite3")
    assert expected["batch"] == [("completed", len(records), RECORDS, 1, 1)]

    killed = copy_of(template, "killed", tmp_path)
    database = killed / "ayneh.sqlite3"
    process = ayneh([*import_args(archive), "--chunk-size", str(CHUNK), "--no-progress"], killed)
    deadline = time.monotonic() + 300
    while True:
        assert process.poll() is None, "the import finished before it could be killed: make the archive longer"
        assert time.monotonic() < deadline
        rows = query(database, "SELECT cursor FROM monitoring_ingestbatch")
        if rows and rows[0][0] >= KILL_AFTER:
            break
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    ((batch_id, status, cursor),) = query(database, "SELECT id, status, cursor FROM monitoring_ingestbatch")
    assert status == "running"
    assert KILL_AFTER <= cursor < len(records)
    assert len(query(database, "SELECT id FROM monitoring_article")) < RECORDS

    finished(ayneh(["import_archive", "--resume", str(batch_id), "--chunk-size", str(CHUNK), "--no-progress"], killed))

    assert stored(database) == expected
