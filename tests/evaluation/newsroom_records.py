"""Newsroom rows for indicator tests, written directly with the times a test needs.

The newsroom's services stamp `published_at` with the current time; an indicator test needs releases
published at chosen moments around a period's edges, so these helpers write rows in the states the
services leave them in (published ⇒ published_at set), nothing more.
"""

import datetime as dt
import itertools

from ayneh.accounts.models import User
from ayneh.newsroom.models import Attachment, Event, Release, ReleaseStatus
from ayneh.offices.models import Office

_sequence = itertools.count(1)


def event_at(*, office: Office, starts_at: dt.datetime, author: User) -> Event:
    return Event.objects.create(office=office, title=f"نشست {next(_sequence)}", starts_at=starts_at, created_by=author)


def release_at(
    *,
    office: Office,
    published_at: dt.datetime | None,
    author: User,
    status: str = ReleaseStatus.PUBLISHED,
    event: Event | None = None,
    photo: bool = False,
) -> Release:
    number = next(_sequence)
    return Release.objects.create(
        office=office,
        title=f"خبر {number}",
        status=status,
        published_at=published_at,
        event=event,
        photo=f"releases/r{number}/photo/p.jpg" if photo else "",
        created_by=author,
        updated_by=author,
    )


def attachment_on(*, release: Release, content_type: str, author: User) -> Attachment:
    return Attachment.objects.create(
        release=release,
        file=f"releases/{release.uuid}/attachments/a{next(_sequence)}",
        original_name="پیوست",
        content_type=content_type,
        size=100,
        uploaded_by=author,
    )
