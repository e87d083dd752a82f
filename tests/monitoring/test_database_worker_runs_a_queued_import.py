"""The embedded default end to end: `ayneh import_archive --background` queues the batch in the database
(django-tasks-db), and a real `ayneh db_worker` process picks it up and runs it to completion."""

from pathlib import Path

from tests.monitoring.factories import jsonl_write
from tests.monitoring.processes import ayneh, finished, migrated_folder, query


def test_a_queued_import_is_run_by_the_database_worker(tmp_path: Path) -> None:
    folder = migrated_folder(tmp_path / "data")
    archive = jsonl_write(
        tmp_path / "a.jsonl",
        [{"url": f"https://www.irna.ir/news/{n}", "text": f"متن خبر {n} درباره طرح {n}."} for n in range(5)],
    )

    out = finished(
        ayneh(["import_archive", str(archive), "--outlet", "ایرنا", "--tier", "news_agency", "--background"], folder)
    )
    assert "queued" in out
    assert query(folder, "SELECT status FROM monitoring_ingestbatch") == [("pending",)]

    finished(ayneh(["db_worker", "--batch", "--no-startup-delay"], folder))

    assert query(folder, "SELECT status, cursor, created_count FROM monitoring_ingestbatch") == [("completed", 5, 5)]
    assert query(folder, "SELECT status FROM django_tasks_database_dbtaskresult") == [("SUCCESSFUL",)]
