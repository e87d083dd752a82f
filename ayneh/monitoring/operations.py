"""Monitoring operations, the writes behind the operations pages: who may run them, sources, "fetch now",
uploaded archives and their batches (queued, cancelled, resumed). Each change is one function, audited.

Who: a *monitoring administrator* — a superuser, or anyone given the "monitoring.add_source" permission
(in the admin, usually through a group). Everyone else is refused (and the refusal logged by the views).

Archives and folders are read from the server's disk, so a source's path must lie inside the import
folder (`MONITORING_IMPORT_DIR`, by default `<data>/imports`; uploads are stored there too): an
administrator cannot point Ayneh at any other file. With workers on several machines, that folder is
shared between them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ayneh.core.audit import audit_log
from ayneh.monitoring import services
from ayneh.monitoring.models import LOCAL_SOURCE_KINDS, BatchStatus, IngestBatch, Outlet, Source, SourceKind

ADMIN_PERMISSION = "monitoring.add_source"


def is_monitoring_admin(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and (user.is_superuser or user.has_perm(ADMIN_PERMISSION)))


def import_dir() -> Path:
    folder = Path(getattr(settings, "MONITORING_IMPORT_DIR", settings.DATA_DIR / "imports")).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def import_path(path: str) -> Path | None:
    """`path` (absolute, or relative to the import folder) resolved, if it lies inside the import folder."""
    root = import_dir()
    resolved = (root / path).resolve()
    return resolved if resolved.is_relative_to(root) else None


def source_create(
    *, outlet: Outlet, kind: str, url: str = "", path: str = "", fetch_interval: dt.timedelta, actor: Any
) -> Source:
    """Register a source of `outlet`: an address for feeds, sitemaps and listing pages, a path inside the
    import folder for archives and folders. Fetched sources are due at once."""
    with transaction.atomic():
        source = Source.objects.create(
            outlet=outlet,
            kind=kind,
            url=url if kind not in LOCAL_SOURCE_KINDS else "",
            path=path if kind in LOCAL_SOURCE_KINDS else "",
            fetch_interval=fetch_interval,
        )
        audit_log(
            action="monitoring.source.created",
            actor=actor,
            target=source,
            data={"outlet": outlet.name, "kind": kind, "url": source.url, "path": source.path},
        )
    return source


def source_fetch_now(*, source: Source, actor: Any) -> IngestBatch | None:
    """Queue a fetch of `source` now: a fetch task for an address, a new import batch for an archive or a
    folder (returned)."""
    from ayneh.monitoring.tasks import source_fetch_run  # tasks import services, which this module uses

    batch = None
    with transaction.atomic():
        if source.kind in LOCAL_SOURCE_KINDS:
            batch = services.batch_create(kind=source.kind, location=source.path, source=source, actor=actor)
            batch_enqueue(batch=batch)
        else:
            transaction.on_commit(partial(source_fetch_run.enqueue, source_id=source.pk))
        audit_log(
            action="monitoring.source.fetch_requested",
            actor=actor,
            target=source,
            data={"batch": batch.pk if batch else None},
        )
    return batch


def archive_store(*, chunks: Iterable[bytes], outlet: Outlet | None, actor: Any, name: str) -> IngestBatch:
    """Keep an uploaded JSON Lines archive in the import folder and create its (waiting) batch."""
    target = import_dir() / f"upload-{uuid.uuid4().hex}.jsonl"
    lines = 0
    last = b""
    with target.open("wb") as stream:
        for chunk in chunks:
            stream.write(chunk)
            lines += chunk.count(b"\n")
            last = chunk or last
    total = lines + (1 if last and not last.endswith(b"\n") else 0)
    with transaction.atomic():
        batch = services.batch_create(
            kind=SourceKind.JSONL, location=str(target), outlet=outlet, total=total, actor=actor
        )
        audit_log(action="monitoring.archive.uploaded", actor=actor, target=batch, data={"name": name[:200]})
    return batch


def batch_enqueue(*, batch: IngestBatch) -> None:
    """Queue the batch for the workers once the transaction commits (fanned out in chunk tasks when the
    MONITORING_INGEST_FAN_OUT setting is on, see `ayneh.monitoring.tasks.ingest_batch_run`)."""
    from ayneh.monitoring.tasks import ingest_batch_run

    transaction.on_commit(partial(ingest_batch_run.enqueue, batch_id=batch.pk))


def batch_resume(*, batch: IngestBatch, actor: Any) -> None:
    """Queue a cancelled, failed or interrupted batch again: it continues from its cursor."""
    with transaction.atomic():
        audit_log(action="monitoring.batch.resume_requested", actor=actor, target=batch, data={"cursor": batch.cursor})
        batch_enqueue(batch=batch)


def batches_resume_stalled(*, stalled_after: dt.timedelta, now: dt.datetime | None = None) -> list[int]:
    """Running batches that have not moved for `stalled_after` lost their worker (killed, machine gone).
    An archive batch is claimed (compare-and-set on its heartbeat: of two schedulers, one claims it) and
    queued again: it resumes from its cursor, nothing lost, nothing stored twice. A fetched source's batch
    cannot be read again (the next fetch covers its items): it is marked failed. Returns the resumed ids."""
    now = now or timezone.now()
    resumed: list[int] = []
    stale = IngestBatch.objects.filter(status=BatchStatus.RUNNING, heartbeat_at__lt=now - stalled_after)
    for batch in stale:
        with transaction.atomic():
            if not IngestBatch.objects.filter(pk=batch.pk, heartbeat_at=batch.heartbeat_at).update(heartbeat_at=now):
                continue
            if batch.kind in LOCAL_SOURCE_KINDS:
                audit_log(action="monitoring.batch.resumed_stalled", target=batch, data={"cursor": batch.cursor})
                batch_enqueue(batch=batch)
                resumed.append(batch.pk)
            else:
                services.batch_finish(batch=batch, status=BatchStatus.FAILED, error="worker lost: no progress")
    return resumed
