"""Issue 4, bulk import in the UI: a monitoring administrator uploads a small JSON Lines archive and watches
its progress reach the end; then uploads a larger one, presses Cancel while it runs, and the import really
stops (its cursor does not move again), keeping what it stored.

The work is done by a real background worker: tasks go to the database queue for this test (the embedded
default) and an `ayneh db_worker` process on the live server's database takes them, so the page shows
progress as it happens (htmx polling), not a finished import.
"""

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from pytest_django.fixtures import Settings as SettingsWrapper

from ayneh.monitoring.models import Article, BatchStatus, IngestBatch, OutletTier
from ayneh.monitoring.pickups import release_index_reset
from ayneh.monitoring.versions import version_index_reset
from tests.browser.conftest import screenshot, sign_in
from tests.factories import PASSWORD, user_make
from tests.monitoring.factories import fars_articles, outlet_make

pytestmark = pytest.mark.django_db(transaction=True)
REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def fresh_indexes() -> Iterator[None]:
    release_index_reset()
    version_index_reset()
    yield
    release_index_reset()
    version_index_reset()


@pytest.fixture
def worker(settings: SettingsWrapper, tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Tasks to the database queue, and a real db_worker on the live server's (file) database."""
    database = django_settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("the browser tests run on the SQLite run")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.MONITORING_INGEST_FAN_OUT = False
    settings.MONITORING_IMPORT_DIR = tmp_path / "imports"
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"AYNEH_TASKS_BACKEND", "REDIS_URL"}},
        "DJANGO_SETTINGS_MODULE": "ayneh.settings",
        "DATABASE_URL": f"sqlite:///{database['NAME']}",
        "AYNEH_DATA_DIR": str(tmp_path / "worker-data"),
        # One record per chunk: each chunk is a step the page can show and a point where Cancel is seen, and
        # the large import lasts long enough to be caught running even on a fast, idle machine.
        "AYNEH_INGEST_CHUNK_SIZE": "1",
        "AYNEH_LOG_LEVEL": "ERROR",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "ayneh.cli", "db_worker", "--interval", "1", "--no-startup-delay"],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    yield process
    process.terminate()
    try:
        process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()


def archive(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def upload(page, path: Path) -> int:
    page.goto(page.base_url + "/monitoring/operations/")
    page.get_by_role("link", name="درون‌ریزی بایگانی").first.click()
    page.set_input_files("input[name=archive]", str(path))
    page.select_option("select[name=outlet]", label="فارس")
    page.get_by_role("button", name="بارگذاری و درون‌ریزی").click()
    page.wait_for_load_state()
    return int(page.url.rstrip("/").rsplit("/", 1)[-1])


def test_an_administrator_imports_an_archive_and_cancels_another(page, worker, shared_data: Path, tmp_path: Path):
    admin = user_make(username="monitoring_admin", is_superuser=True, is_staff=True, display_name="مدیر پایش")
    outlet_make(name="فارس", tier=OutletTier.NEWS_AGENCY, aliases=["خبرگزاری فارس"])
    real = list(fars_articles(shared_data, limit=1410))
    small = archive(tmp_path / "small.jsonl", real[:6])
    large = archive(tmp_path / "large.jsonl", real[10:1410])
    # The live server's first request loads every view module while the worker starts beside it: give it time.
    page.goto(page.base_url + "/accounts/login/", timeout=120_000)
    sign_in(page, admin, PASSWORD)

    # The small archive: progress is polled until the import is done.
    small_id = upload(page, small)
    page.wait_for_selector("#batch-progress[data-status=completed]", timeout=120_000)
    assert "۶ / ۶" in page.locator(".batch-cursor").inner_text()
    assert page.locator(".batch-created").inner_text() == "۶"
    assert IngestBatch.objects.get(pk=small_id).status == BatchStatus.COMPLETED
    screenshot(page, "monitoring-import-done")

    page.goto(page.base_url + "/monitoring/operations/")
    assert page.locator("#imports-title").is_visible()
    screenshot(page, "monitoring-operations")

    # The large one: Cancel while it runs, and it stops.
    large_id = upload(page, large)
    page.wait_for_selector("#batch-progress[data-status=running]", timeout=120_000)
    deadline = time.monotonic() + 120
    while IngestBatch.objects.get(pk=large_id).cursor == 0:
        assert time.monotonic() < deadline, "the worker stored nothing"
        time.sleep(0.2)
    page.get_by_role("button", name="لغو درون‌ریزی").click()
    page.wait_for_load_state()
    page.wait_for_selector("#batch-progress[data-status=cancelled]", timeout=120_000)
    screenshot(page, "monitoring-import-cancelled")

    stopped = IngestBatch.objects.get(pk=large_id)
    assert stopped.status == BatchStatus.CANCELLED
    assert 0 < stopped.cursor < len(real) - 10
    time.sleep(2)
    later = IngestBatch.objects.get(pk=large_id)
    assert later.cursor == stopped.cursor, "nothing more was stored after the cancel"
    assert Article.objects.filter(batch_id=large_id).count() == later.created_count
    assert page.get_by_role("button", name="ادامه").is_visible(), "a cancelled import can be resumed"
