"""Newsroom objects for tests, made through the real services so every state is one the app can reach."""

import datetime as dt
import io
import itertools
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from ayneh.newsroom import services
from ayneh.newsroom.models import Event, EventType, Release, ReleaseStatus
from ayneh.offices.models import Office
from tests.factories import Role, user_make

# The seed article's event: a video conference on Saturday 1 Khordad 1400, 10:30 in Tehran.
SEED_EVENT_TIME = dt.datetime(2021, 5, 22, 6, 0, tzinfo=dt.UTC)

_sequence = itertools.count(1)


def event_make(*, office: Office, actor: Any, title: str | None = None, **fields: Any) -> Event:
    fields.setdefault("type", EventType.VIDEO_CONFERENCE)
    fields.setdefault("starts_at", SEED_EVENT_TIME)
    return services.event_create(
        actor=actor, office=office, title=title or f"ویدئوکنفرانس شماره {next(_sequence)}", **fields
    )


def _reviewer_for(office: Office) -> Any:
    return user_make(role=Role.HEAD, office=office)


def release_make(
    *,
    office: Office,
    actor: Any,
    status: str = ReleaseStatus.DRAFT,
    reviewer: Any = None,
    title: str | None = None,
    body: str = "<p>متن خبر</p>",
    **content: Any,
) -> Release:
    """A release of `office` written by `actor`, moved to `status` the way people would move it (a head of
    the office, made on the spot unless `reviewer` is given, does the reviewing)."""
    release = services.release_create(
        actor=actor,
        office=office,
        content=services.ReleaseContent(title=title or f"خبر آزمایشی {next(_sequence)}", body=body, **content),
    )
    if status == ReleaseStatus.DRAFT:
        return release
    release = services.release_submit(release=release, actor=actor)
    if status == ReleaseStatus.IN_REVIEW:
        return release
    reviewer = reviewer or _reviewer_for(office)
    if status == ReleaseStatus.CHANGES_REQUESTED:
        return services.release_request_changes(release=release, actor=reviewer, note="عکس را عوض کنید")
    release = services.release_publish(release=release, actor=reviewer)
    if status == ReleaseStatus.PUBLISHED:
        return release
    if status == ReleaseStatus.WITHDRAWN:
        return services.release_withdraw(release=release, actor=reviewer, note="اشتباه در تاریخ")
    raise ValueError(f"release_make: unknown status {status!r}")


def image_upload(
    name: str = "photo.png", *, image_format: str = "PNG", size: tuple[int, int] = (8, 8)
) -> SimpleUploadedFile:
    """A real, small image file as a browser would upload it."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format=image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{image_format.lower()}")


def pdf_upload(name: str = "نامه.pdf") -> SimpleUploadedFile:
    """A minimal PDF (its magic number is what Ayneh checks)."""
    return SimpleUploadedFile(
        name, b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", content_type="application/pdf"
    )
