"""Every read the newsroom makes. Panel reads are scoped to the offices the user may act on (through
`ayneh.offices.access`); public reads see published releases only."""

import re
import uuid
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet

from ayneh.newsroom.models import (
    EDITABLE_STATUSES,
    Attachment,
    Event,
    Release,
    ReleaseRevision,
    ReleaseStatus,
    ReleaseTransition,
)
from ayneh.newsroom.uploads import IMAGE_KINDS
from ayneh.offices.access import office_scope_q, offices_for_user
from ayneh.offices.models import Office
from ayneh.offices.roles import Action

# Storage names the newsroom writes: releases/<uuid>/photo/<name> and releases/<uuid>/attachments/<name>.
FILE_NAME_RE = re.compile(
    r"^releases/(?P<key>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/(?P<kind>photo|attachments)/[^/]+$"
)

IMAGE_TYPES_BY_EXTENSION = {kind.extension: kind.content_type for kind in IMAGE_KINDS.values()}


# --- public ---------------------------------------------------------------------------------------------


def published_releases(*, office: Office | None = None) -> QuerySet[Release]:
    """Published releases, newest first, of one office (and the offices below it) or of all."""
    releases = (
        Release.objects.filter(status=ReleaseStatus.PUBLISHED)
        .select_related("office", "event", "created_by")
        .prefetch_related("tags")
        .order_by("-published_at", "-id")
    )
    if office is not None:
        releases = releases.filter(office__path__startswith=office.path)
    return releases


def published_release_get(*, key: uuid.UUID | str) -> Release:
    """One published release by its key; Release.DoesNotExist for drafts, withdrawn and unknown keys."""
    return published_releases().get(uuid=key)


# --- panel: releases ------------------------------------------------------------------------------------


def releases_for_user(*, user: Any, action: Action = Action.VIEW) -> QuerySet[Release]:
    """The releases of every office the user may perform `action` on."""
    return Release.objects.filter(office_scope_q(user=user, action=action, field="office__"))


def release_get_for_user(*, user: Any, key: uuid.UUID | str, action: Action = Action.VIEW) -> Release:
    """One release the user may perform `action` on; Release.DoesNotExist otherwise (also for other
    offices' releases, so that callers answer 404 without a hint that it exists)."""
    return releases_for_user(user=user, action=action).select_related("office", "event", "created_by").get(uuid=key)


def release_list_for_user(
    *, user: Any, status: str = "", office: Office | None = None, query: str = ""
) -> QuerySet[Release]:
    """The panel's release list: visible releases, filtered, most recently changed first."""
    releases = (
        releases_for_user(user=user).select_related("office", "updated_by", "created_by").order_by("-updated_at", "-id")
    )
    if status:
        releases = releases.filter(status=status)
    if office is not None:
        releases = releases.filter(office__path__startswith=office.path)
    if query:
        releases = releases.filter(Q(title__icontains=query) | Q(lead__icontains=query))
    return releases


def review_queue_for_user(*, user: Any) -> QuerySet[Release]:
    """Releases in review in the offices the user may review, oldest submission first."""
    return (
        releases_for_user(user=user, action=Action.REVIEW)
        .filter(status=ReleaseStatus.IN_REVIEW)
        .select_related("office", "updated_by", "created_by")
        .order_by("updated_at", "id")
    )


def release_history(*, release: Release) -> QuerySet[ReleaseTransition]:
    """The review history, oldest first."""
    return release.transitions.select_related("actor").order_by("created_at", "id")


def release_revisions(*, release: Release) -> QuerySet[ReleaseRevision]:
    """Saved versions, newest first."""
    return release.revisions.select_related("created_by").order_by("-version")


def release_attachments(*, release: Release) -> QuerySet[Attachment]:
    return release.attachments.select_related("uploaded_by").order_by("created_at", "id")


def release_office_for_audit(*, key: uuid.UUID | str) -> Office | None:
    """The office that owns a release, for the audit row of a refused request. Never shown to the user."""
    try:
        return Office.objects.filter(releases__uuid=key).first()
    except ValueError:
        return None


# --- panel: dashboard -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class OfficeCounts:
    office: Office
    drafts: int
    in_review: int
    published: int


@dataclass(frozen=True)
class Dashboard:
    office_counts: list[OfficeCounts]
    my_drafts: list[Release]
    awaiting_my_review: list[Release]


DASHBOARD_LIST_LENGTH = 10


def dashboard_for_user(*, user: Any) -> Dashboard:
    """Counts per visible office that has releases, the user's own unfinished releases, and what waits
    for their review."""
    offices = (
        offices_for_user(user=user, action=Action.VIEW)
        .annotate(
            drafts=Count("releases", filter=Q(releases__status__in=EDITABLE_STATUSES)),
            in_review=Count("releases", filter=Q(releases__status=ReleaseStatus.IN_REVIEW)),
            published=Count("releases", filter=Q(releases__status=ReleaseStatus.PUBLISHED)),
        )
        .filter(Q(drafts__gt=0) | Q(in_review__gt=0) | Q(published__gt=0))
        .order_by("path")
    )
    office_counts = [OfficeCounts(o, o.drafts, o.in_review, o.published) for o in offices]
    my_drafts = list(
        releases_for_user(user=user, action=Action.EDIT)
        .filter(created_by=user, status__in=EDITABLE_STATUSES)
        .select_related("office")
        .order_by("-updated_at")[:DASHBOARD_LIST_LENGTH]
    )
    awaiting = list(review_queue_for_user(user=user)[:DASHBOARD_LIST_LENGTH])
    return Dashboard(office_counts=office_counts, my_drafts=my_drafts, awaiting_my_review=awaiting)


# --- panel: events --------------------------------------------------------------------------------------


def events_for_user(*, user: Any, action: Action = Action.VIEW) -> QuerySet[Event]:
    return Event.objects.filter(office_scope_q(user=user, action=action, field="office__"))


def event_list_for_user(*, user: Any, office: Office | None = None) -> QuerySet[Event]:
    events = events_for_user(user=user).select_related("office").order_by("-starts_at", "-id")
    if office is not None:
        events = events.filter(office__path__startswith=office.path)
    return events


def event_get_for_user(*, user: Any, key: uuid.UUID | str, action: Action = Action.VIEW) -> Event:
    """One event the user may perform `action` on; Event.DoesNotExist otherwise."""
    return events_for_user(user=user, action=action).select_related("office", "created_by").get(uuid=key)


def event_releases(*, event: Event, user: Any) -> QuerySet[Release]:
    return releases_for_user(user=user).filter(event=event).order_by("-updated_at")


def event_office_for_audit(*, key: uuid.UUID | str) -> Office | None:
    """The office that owns an event, for the audit row of a refused request. Never shown to the user."""
    try:
        return Office.objects.filter(events__uuid=key).first()
    except ValueError:
        return None


def events_for_release_form(*, user: Any) -> QuerySet[Event]:
    """Events a release may link to: those of offices where the user may edit, newest first."""
    return events_for_user(user=user, action=Action.EDIT).select_related("office").order_by("-starts_at", "-id")


# --- files ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredFile:
    """A file the newsroom may serve: its storage name, type, the name to download it under, and whether
    anyone may read it (a published release's photo) or only people who may view its office."""

    name: str
    content_type: str
    download_name: str | None
    public: bool
    office: Office


def stored_file_get(*, user: Any, name: str) -> StoredFile | None:
    """The file stored under `name` if `user` may read it; None if there is no such file or they may not."""
    match = FILE_NAME_RE.match(name)
    if match is None:
        return None
    key = match["key"]
    if match["kind"] == "photo":
        release = Release.objects.select_related("office").filter(uuid=key, photo=name).first()
        if release is None:
            return None
        public = release.status == ReleaseStatus.PUBLISHED
        if not public and not releases_for_user(user=user).filter(pk=release.pk).exists():
            return None
        extension = name.rsplit(".", 1)[-1]
        content_type = IMAGE_TYPES_BY_EXTENSION.get(extension, "application/octet-stream")
        return StoredFile(name, content_type, None, public, release.office)
    attachment = (
        Attachment.objects.select_related("release__office")
        .filter(release__uuid=key, file=name)
        .filter(office_scope_q(user=user, action=Action.VIEW, field="release__office__"))
        .first()
    )
    if attachment is None:
        return None
    return StoredFile(name, attachment.content_type, attachment.original_name, False, attachment.release.office)


def stored_file_office_for_audit(*, name: str) -> Office | None:
    match = FILE_NAME_RE.match(name)
    return release_office_for_audit(key=match["key"]) if match else None


def user_can_write(*, user: Any) -> bool:
    """Whether the user may write releases and record events in at least one office (an editor or head);
    a manager or evaluator reads the newsroom but has nowhere to write."""
    return offices_for_user(user=user, action=Action.EDIT).exists()
