"""The real thing: `ayneh import_archive` is killed with SIGKILL in the middle of a batch, restarted with
`--resume`, and ends with exactly the rows an uninterrupted run stores — same article ids and keys, same
failures, same version groups, same people and quotes.

Each run is its own process on its own file-backed SQLite database (copied from one migrated template),
whatever database the rest of the suite uses.
"""

import signal
import time
from pathlib import Path
from typing import Any

import pytest

from tests.monitoring.factories import fars_articles, jsonl_write
from tests.monitoring.processes import ayneh, copy_of, finished, migrated_folder, query

RECORDS = 200
CHUNK = 10
KILL_AFTER = 4 * CHUNK  # records committed before the kill
OUTLET = "فارس"


def import_args(archive: Path) -> list[str]:
    return ["import_archive", str(archive), "--outlet", OUTLET, "--tier", "news_agency"]


def stored(data_dir: Path) -> dict[str, Any]:
    groups: dict[str, list[int]] = {}
    for article_id, group in query(data_dir, "SELECT id, version_group FROM monitoring_article"):
        groups.setdefault(group, []).append(article_id)
    return {
        "articles": query(data_dir, "SELECT id, url_key, content_hash, outlet_id FROM monitoring_article ORDER BY id"),
        "groups": sorted(sorted(members) for members in groups.values()),
        "failures": query(data_dir, "SELECT position, reason FROM monitoring_articlefailure ORDER BY position"),
        "mentions": query(data_dir, "SELECT article_id, name, start FROM monitoring_mention ORDER BY id"),
        "quotes": query(data_dir, "SELECT article_id, speaker, start FROM monitoring_quote ORDER BY id"),
        "batch": query(
            data_dir,
            "SELECT status, cursor, created_count, duplicate_count, failed_count FROM monitoring_ingestbatch",
        ),
    }


@pytest.fixture
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty data folder to copy for each run."""
    return migrated_folder(tmp_path_factory.mktemp("template"))


def test_a_killed_import_resumes_to_the_uninterrupted_result(shared_data: Path, template: Path, tmp_path: Path) -> None:
    records: list[Any] = list(fars_articles(shared_data, limit=RECORDS))
    records.insert(KILL_AFTER + 3, "{a broken line")
    records.append(records[0])
    archive = jsonl_write(tmp_path / "fars.jsonl", records)

    reference = copy_of(template, tmp_path / "uninterrupted")
    finished(ayneh([*import_args(archive), "--chunk-size", str(CHUNK), "--no-progress"], reference))
    expected = stored(reference)
    assert expected["batch"] == [("completed", len(records), RECORDS, 1, 1)]

    killed = copy_of(template, tmp_path / "killed")
    process = ayneh([*import_args(archive), "--chunk-size", str(CHUNK), "--no-progress"], killed)
    deadline = time.monotonic() + 300
    while True:
        assert process.poll() is None, "the import finished before it could be killed: make the archive longer"
        assert time.monotonic() < deadline
        rows = query(killed, "SELECT cursor FROM monitoring_ingestbatch")
        if rows and rows[0][0] >= KILL_AFTER:
            break
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    ((batch_id, status, cursor),) = query(killed, "SELECT id, status, cursor FROM monitoring_ingestbatch")
    assert status == "running"
    assert KILL_AFTER <= cursor < len(records)
    assert len(query(killed, "SELECT id FROM monitoring_article")) < RECORDS

    finished(ayneh(["import_archive", "--resume", str(batch_id), "--chunk-size", str(CHUNK), "--no-progress"], killed))

    assert stored(killed) == expected
