"""The operations pages: only monitoring administrators may use them (anyone else is refused and the
refusal audited); an administrator registers outlets and sources (bad addresses and paths get Persian
errors), fetches a source now, uploads an archive (a bad file gets a clear Persian error and leaves nothing
behind), follows its progress and cancels it — and the cancel really stops the batch."""

import json
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings as SettingsWrapper

from ayneh.accounts.models import User
from ayneh.core.models import AuditEntry
from ayneh.monitoring import fanout, operations, pipeline, services
from ayneh.monitoring.models import Article, BatchStatus, IngestBatch, Outlet, OutletTier, Source, SourceKind
from tests.factories import user_make
from tests.monitoring import releases as sample
from tests.monitoring.factories import jsonl_write
from tests.monitoring.fetch.conftest import LocalServer

pytestmark = pytest.mark.django_db


@pytest.fixture
def import_dir(settings: SettingsWrapper, tmp_path: Path) -> Path:
    settings.MONITORING_IMPORT_DIR = tmp_path / "imports"
    return operations.import_dir()


@pytest.fixture
def monitoring_admin(db: None) -> User:
    """Not a superuser: an operator given the monitoring administrators' permission."""
    user = user_make(username="monitoring_admin", display_name="کارشناس پایش")
    user.user_permissions.add(Permission.objects.get(codename="add_source", content_type__app_label="monitoring"))
    return user


def signed_in(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


def records(size: int) -> list[dict[str, str]]:
    return [{"url": f"https://www.irna.ir/news/{n}", "text": f"متن خبر {n} درباره طرح شماره {n}."} for n in range(size)]


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


# --- who may -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "monitoring:operations",
        "monitoring:operations-outlet-new",
        "monitoring:operations-source-new",
        "monitoring:operations-upload",
    ],
)
def test_an_office_head_is_refused_and_the_refusal_is_audited(client: Client, khuzestan_head: User, name: str) -> None:
    response = signed_in(client, khuzestan_head).get(reverse(name))

    assert response.status_code == 403
    refusal = AuditEntry.objects.get(action="access.refused", actor=khuzestan_head)
    assert refusal.data["reason"] == "not_monitoring_admin"


def test_a_head_cannot_cancel_an_import(client: Client, khuzestan_head: User, irna: Outlet, tmp_path: Path) -> None:
    batch = services.batch_create(kind=SourceKind.JSONL, location=str(jsonl_write(tmp_path / "a.jsonl", records(2))))

    response = signed_in(client, khuzestan_head).post(reverse("monitoring:operations-batch-cancel", args=[batch.pk]))

    batch.refresh_from_db()
    assert response.status_code == 403
    assert batch.status == BatchStatus.PENDING


def test_a_visitor_is_sent_to_sign_in(client: Client) -> None:
    response = client.get(reverse("monitoring:operations"))

    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_the_administrator_sees_outlets_sources_and_their_health(
    client: Client, monitoring_admin: User, irna: Outlet
) -> None:
    Source.objects.create(outlet=irna, kind=SourceKind.FEED, url="https://www.irna.ir/rss")
    failing = Source.objects.create(outlet=irna, kind=SourceKind.SITEMAP, url="https://www.irna.ir/sitemap.xml")
    services.source_health_record(source=failing, error="HTTP 503 Service Unavailable")

    page = signed_in(client, monitoring_admin).get(reverse("monitoring:operations")).content.decode()

    assert "ایرنا" in page
    assert "https://www.irna.ir/rss" in page
    assert "منابع نیازمند رسیدگی" in page
    assert "HTTP 503 Service Unavailable" in page
    assert "همین حالا دریافت کن" in page


@pytest.mark.parametrize(
    ("backend", "name", "command"),
    [
        ("django_tasks_db.DatabaseBackend", "صف پایگاه داده", "ayneh db_worker"),
        ("django_tasks_rq.RQBackend", "ردیس", "ayneh rq_worker"),
    ],
)
def test_the_operations_page_names_the_task_queue_and_its_worker_command_as_code(
    client: Client, monitoring_admin: User, settings: SettingsWrapper, backend: str, name: str, command: str
) -> None:
    settings.TASKS = {"default": {**settings.TASKS["default"], "BACKEND": backend}}

    page = signed_in(client, monitoring_admin).get(reverse("monitoring:operations")).content.decode()

    # The command keeps its own direction inside the Persian sentence.
    assert f'{name} (<code dir="ltr">{command}</code>)' in page


# --- outlets and sources -------------------------------------------------------------------------------------


def test_an_outlet_is_registered_and_audited(client: Client, monitoring_admin: User) -> None:
    response = signed_in(client, monitoring_admin).post(
        reverse("monitoring:operations-outlet-new"),
        {
            "name": "ایسنا",
            "site": "https://www.isna.ir",
            "tier": OutletTier.NEWS_AGENCY,
            "province": "",
            "aliases": "خبرگزاری ایسنا\nخبرگزاری دانشجویان ایران",
        },
    )

    assert response.status_code == 302
    outlet = Outlet.objects.get(name="ایسنا")
    assert sorted(outlet.aliases.values_list("text", flat=True)) == ["خبرگزاری ایسنا", "خبرگزاری دانشجویان ایران"]
    assert AuditEntry.objects.filter(action="monitoring.outlet.created", actor=monitoring_admin).exists()


def test_a_provincial_outlet_without_its_province_gets_a_persian_error(client: Client, monitoring_admin: User) -> None:
    response = signed_in(client, monitoring_admin).post(
        reverse("monitoring:operations-outlet-new"), {"name": "راه بهارستان", "tier": OutletTier.PROVINCIAL}
    )

    assert response.status_code == 200
    assert "برای رسانه استانی یا محلی، استان آن را انتخاب کنید." in response.content.decode()
    assert not Outlet.objects.filter(name="راه بهارستان").exists()


@pytest.mark.parametrize("address", ["file:///etc/passwd", "javascript:alert(1)", "/var/lib/feed.xml"])
def test_a_feed_that_is_not_an_http_address_is_refused(
    client: Client, monitoring_admin: User, irna: Outlet, address: str
) -> None:
    response = signed_in(client, monitoring_admin).post(
        reverse("monitoring:operations-source-new"),
        {"outlet": irna.pk, "kind": SourceKind.FEED, "url": address, "interval": 30},
    )

    assert "یک نشانی http یا https وارد کنید" in response.content.decode()
    assert Source.objects.count() == 0


def test_an_archive_outside_the_import_folder_is_refused(
    client: Client, monitoring_admin: User, irna: Outlet, import_dir: Path, tmp_path: Path
) -> None:
    outside = jsonl_write(tmp_path / "outside.jsonl", records(1))

    response = signed_in(client, monitoring_admin).post(
        reverse("monitoring:operations-source-new"),
        {"outlet": irna.pk, "kind": SourceKind.JSONL, "path": str(outside), "interval": 30},
    )

    assert "مسیری درون پوشه درون‌ریزی" in response.content.decode()
    assert Source.objects.count() == 0


def test_a_feed_source_is_added_and_fetched_now(
    client: Client,
    monitoring_admin: User,
    irna: Outlet,
    local_server: LocalServer,
    settings: SettingsWrapper,
    django_capture_on_commit_callbacks,
) -> None:
    settings.MONITORING_ALLOW_PRIVATE_FETCH = True
    page = "".join(f"<p>{p}</p>" for p in sample.RELEASE_PARAGRAPHS)
    local_server.route(
        "/news/7",
        body=f"<html><body><article>{page}</article></body></html>".encode(),
        headers={"Content-Type": "text/html"},
    )
    feed = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>ایرنا</title><item><title>خبر</title>'
        f"<link>{local_server.base}/news/7</link></item></channel></rss>"
    ).encode()
    url = local_server.route("/rss.xml", body=feed, headers={"Content-Type": "application/rss+xml"})
    admin = signed_in(client, monitoring_admin)
    admin.post(
        reverse("monitoring:operations-source-new"),
        {"outlet": irna.pk, "kind": SourceKind.FEED, "url": url, "interval": 30},
    )
    source = Source.objects.get(url=url)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(reverse("monitoring:operations-source-fetch", args=[source.pk]))

    source.refresh_from_db()
    assert response.status_code == 302
    assert source.last_success_at is not None
    assert Article.objects.filter(source=source).count() == 1
    assert AuditEntry.objects.filter(action="monitoring.source.fetch_requested", actor=monitoring_admin).exists()


# --- uploads -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("report.pdf", b"%PDF-1.7 ...", "یک پرونده JSON Lines"),
        ("archive.jsonl", b"%PDF-1.7\n\x00\x01binary\n", "این پرونده بایگانی JSON Lines مطالب نیست: سطر ۱ خوانده نشد"),
        ("archive.jsonl", b'[{"url": "https://www.irna.ir/news/1"}]\n', "این پرونده بایگانی JSON Lines مطالب نیست"),
        ("archive.jsonl", b"\n\n", "پرونده خالی است"),
    ],
)
def test_a_bad_upload_gets_a_clear_persian_error_and_leaves_nothing(
    client: Client, monitoring_admin: User, import_dir: Path, name: str, content: bytes, error: str
) -> None:
    response = signed_in(client, monitoring_admin).post(
        reverse("monitoring:operations-upload"), {"archive": upload(name, content)}
    )

    assert response.status_code == 200
    assert error in response.content.decode()
    assert IngestBatch.objects.count() == 0
    assert list(import_dir.iterdir()) == []


@pytest.mark.parametrize("fan_out", [False, True])
def test_an_uploaded_archive_is_imported_and_its_progress_shown(
    client: Client,
    monitoring_admin: User,
    irna: Outlet,
    import_dir: Path,
    settings: SettingsWrapper,
    django_capture_on_commit_callbacks,
    fan_out: bool,
) -> None:
    settings.MONITORING_INGEST_FAN_OUT = fan_out
    settings.MONITORING_INGEST_CHUNK_SIZE = 2
    lines = [json.dumps(r, ensure_ascii=False) for r in records(5)] + ["{not json"]
    admin = signed_in(client, monitoring_admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(
            reverse("monitoring:operations-upload"),
            {"archive": upload("irna.jsonl", "\n".join(lines).encode()), "outlet": irna.pk},
        )

    batch = IngestBatch.objects.get()
    assert response["Location"] == reverse("monitoring:operations-batch", args=[batch.pk])
    assert (batch.status, batch.cursor, batch.total, batch.created_count, batch.failed_count) == (
        BatchStatus.COMPLETED,
        6,
        6,
        5,
        1,
    )
    assert Path(batch.location).parent == import_dir
    progress = admin.get(reverse("monitoring:operations-batch-progress", args=[batch.pk])).content.decode()
    assert "۶ / ۶" in progress
    assert "hx-trigger" not in progress, "a finished batch is not polled any more"
    assert "invalid JSON" in progress


# --- cancel and resume ---------------------------------------------------------------------------------------


def test_cancel_stops_a_running_import_after_its_chunk(
    client: Client, monitoring_admin: User, irna: Outlet, tmp_path: Path
) -> None:
    batch = services.batch_create(
        kind=SourceKind.JSONL, location=str(jsonl_write(tmp_path / "a.jsonl", records(9))), outlet=irna
    )
    admin = signed_in(client, monitoring_admin)
    pressed: list[int] = []

    def press_cancel_after_the_first_chunk(current: IngestBatch, result: services.ChunkResult) -> None:
        if not pressed:
            progress = admin.get(reverse("monitoring:operations-batch-progress", args=[current.pk])).content.decode()
            assert "hx-trigger" in progress, "a running batch is polled"
            admin.post(reverse("monitoring:operations-batch-cancel", args=[current.pk]))
            pressed.append(current.cursor)

    ended = pipeline.batch_run(batch=batch, chunk_size=3, on_chunk=press_cancel_after_the_first_chunk)

    assert (ended.status, ended.cursor, Article.objects.count()) == (BatchStatus.CANCELLED, 3, 3)
    assert AuditEntry.objects.filter(action="monitoring.batch.cancel_requested", actor=monitoring_admin).exists()


def test_cancel_stops_a_fanned_out_import_and_resume_finishes_it(
    client: Client, monitoring_admin: User, irna: Outlet, tmp_path: Path, django_capture_on_commit_callbacks
) -> None:
    batch = services.batch_create(
        kind=SourceKind.JSONL, location=str(jsonl_write(tmp_path / "a.jsonl", records(9))), outlet=irna
    )
    queued: list[tuple[int, int]] = []
    fanout.batch_fan_out(batch=batch, chunk_size=3, enqueue=lambda _id, s, e: queued.append((s, e)))
    fanout.chunk_run(batch_id=batch.pk, start=0, end=3)
    admin = signed_in(client, monitoring_admin)

    admin.post(reverse("monitoring:operations-batch-cancel", args=[batch.pk]))
    for start, end in queued[1:]:  # the workers take the queued chunks: none stores anything
        fanout.chunk_run(batch_id=batch.pk, start=start, end=end)

    batch.refresh_from_db()
    assert (batch.status, batch.cursor, Article.objects.count()) == (BatchStatus.CANCELLED, 3, 3)
    assert "ادامه" in admin.get(reverse("monitoring:operations-batch", args=[batch.pk])).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        admin.post(reverse("monitoring:operations-batch-resume", args=[batch.pk]))

    batch.refresh_from_db()
    assert (batch.status, batch.cursor, batch.created_count, Article.objects.count()) == (
        BatchStatus.COMPLETED,
        9,
        9,
        9,
    )


def test_a_waiting_import_is_cancelled_at_once(client: Client, monitoring_admin: User, tmp_path: Path) -> None:
    batch = services.batch_create(kind=SourceKind.JSONL, location=str(jsonl_write(tmp_path / "a.jsonl", records(2))))

    response = signed_in(client, monitoring_admin).post(reverse("monitoring:operations-batch-cancel", args=[batch.pk]))

    batch.refresh_from_db()
    assert response.status_code == 302
    assert batch.status == BatchStatus.CANCELLED


def test_an_upload_over_the_size_limit_is_refused_in_persian(
    client: Client, monitoring_admin: User, import_dir: Path, settings: SettingsWrapper
) -> None:
    settings.MONITORING_UPLOAD_MAX_BYTES = 2 * 1024 * 1024
    big = ("\n".join(json.dumps(r, ensure_ascii=False) for r in records(40_000)) + "\n").encode()
    assert len(big) > 2 * 1024 * 1024

    response = signed_in(client, monitoring_admin).post(
        reverse("monitoring:operations-upload"), {"archive": upload("big.jsonl", big)}
    )

    assert "پرونده بیش از اندازه بزرگ است: حداکثر ۲ مگابایت." in response.content.decode()
    assert IngestBatch.objects.count() == 0
