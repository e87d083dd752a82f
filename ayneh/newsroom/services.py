"""Every write the newsroom makes: events, releases and their review workflow, attachments.

Each function is one durable transaction that writes one audit row. Workflow moves are compare-and-set:
a single conditional UPDATE (`status = <the status the actor saw>`), so two people acting at once cannot
both succeed (two approvals, approve and request changes); edits compare-and-set on `version`, so a
stale form cannot overwrite a newer save.

The workflow:

    draft ──submit──► in_review ──publish (approve and publish)──► published ──withdraw──► withdrawn
      ▲                   │
      └── (edit) ◄── changes_requested ◄──request changes (note required)──┘

Approval and publication are one step: the issue's head «approves and publishes», and a separate
"approved, not yet published" state would be one more place for a release to get stuck. A release in
`changes_requested` is edited like a draft and submitted again.

Every service checks the actor's right on the office itself (views check it first to answer 404, but a
command or a later API must not be able to skip it).
"""

import datetime as dt
import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ayneh.core.audit import audit_log
from ayneh.core.jalali import persian_digits
from ayneh.core.sanitize import clean_html, html_to_text, paragraphs_to_html, strip_bidi_controls
from ayneh.newsroom.models import (
    EDITABLE_STATUSES,
    Attachment,
    Event,
    Release,
    ReleaseRevision,
    ReleaseStatus,
    ReleaseTransition,
    Tag,
)
from ayneh.newsroom.storage import scoped_file_storage
from ayneh.newsroom.uploads import PDF_KIND, attachment_kind, image_without_metadata, photo_kind
from ayneh.offices.access import user_can
from ayneh.offices.models import Office
from ayneh.offices.roles import Action
from ayneh.search.services import search_document_remove, search_document_upsert

SEARCH_KIND = "release"
MAX_TAGS = 20
MAX_TAG_LENGTH = 60
WHITESPACE_RE = re.compile(r"\s+")
# Arabic letters that Persian writes differently; tags are stored folded so «بيمه» and «بیمه» are one tag.
ARABIC_TO_PERSIAN = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})
ORIGINAL_NAME_UNSAFE_RE = re.compile(r"[\x00-\x1f\x7f/\\]")


class NewsroomError(Exception):
    """A refused newsroom operation, with a message fit to show the user."""

    def __init__(self, message: str | Promise) -> None:
        super().__init__(str(message))
        self.message = message


class ReleaseConflict(NewsroomError):
    """The release was saved by someone else after the actor loaded it: nothing was written."""

    def __init__(self, *, current_version: int) -> None:
        super().__init__(
            _(
                "Someone else saved this release while you were editing it (it is now at version "
                "%(version)s). Your changes were not saved and theirs were kept. Copy your text, "
                "open the release again and reapply your changes."
            )
            % {"version": persian_digits(current_version)}
        )
        self.current_version = current_version


class ReleaseNotEditable(NewsroomError):
    """The release is in review, published or withdrawn: its text can no longer change."""


class IllegalTransition(NewsroomError):
    """The requested workflow move does not start from the release's current status."""


@dataclass(frozen=True)
class ReleaseContent:
    """What an editor writes: the fields a save replaces as a whole."""

    title: str
    lead: str = ""
    body: str = ""
    tags: Sequence[str] = ()
    event: Event | None = None


# --- shared rules ---------------------------------------------------------------------------------------


def _require(*, actor: Any, office: Office, action: Action) -> None:
    if not user_can(user=actor, office=office, action=action):
        raise PermissionDenied(f"{actor} may not {action} in office {office.code}")


def clean_line(text: str) -> str:
    """A single-line name or title: no bidi controls, no line breaks, single spaces."""
    return WHITESPACE_RE.sub(" ", strip_bidi_controls(text)).strip()


def clean_text(text: str) -> str:
    """Multi-line plain text (a lead, a participant list): no bidi controls, trimmed."""
    return strip_bidi_controls(text).strip()


def clean_body(text: str) -> str:
    """A release body as safe HTML: plain paragraphs become <p>, anything else goes through nh3."""
    return clean_html(paragraphs_to_html(text))


def tag_name_fold(name: str) -> str:
    """The stored spelling of a tag: one line, Persian letters, at most MAX_TAG_LENGTH characters."""
    return clean_line(name).translate(ARABIC_TO_PERSIAN)[:MAX_TAG_LENGTH].strip()


def _tags_resolve(names: Iterable[str]) -> list[Tag]:
    folded = list(dict.fromkeys(n for n in (tag_name_fold(name) for name in names) if n))
    if len(folded) > MAX_TAGS:
        raise ValidationError({"tags": _("At most %(count)s tags are allowed.") % {"count": MAX_TAGS}})
    return [Tag.objects.get_or_create(name=name)[0] for name in folded]


def _check_event(*, event: Event | None, office: Office) -> None:
    if event is not None and event.office_id != office.pk:
        raise ValidationError({"event": _("The linked event must belong to the release's office.")})


def _content_fields(content: ReleaseContent) -> dict[str, Any]:
    title = clean_line(content.title)
    if not title:
        raise ValidationError({"title": _("A release needs a title.")})
    return {
        "title": title,
        "lead": clean_text(content.lead),
        "body_html": clean_body(content.body),
        "event": content.event,
    }


def _photo_store(*, release_key: Any, upload: IO[bytes]) -> str:
    """Save a checked photo under a random name with its real type's extension; the storage name."""
    kind = photo_kind(upload)
    name = f"releases/{release_key}/photo/{secrets.token_urlsafe(12)}.{kind.extension}"
    return scoped_file_storage().save(name, image_without_metadata(upload, kind))


def _file_delete(name: str) -> None:
    if name:
        scoped_file_storage().delete(name)


def _revision_record(*, release: Release, actor: Any, version: int, fields: dict[str, Any], tags: list[Tag]) -> None:
    ReleaseRevision.objects.create(
        release=release,
        version=version,
        title=fields["title"],
        lead=fields["lead"],
        body_html=fields["body_html"],
        tag_names=sorted(tag.name for tag in tags),
        created_by=actor,
    )


# --- events ---------------------------------------------------------------------------------------------


def event_create(
    *,
    actor: Any,
    office: Office,
    title: str,
    type: str,
    starts_at: dt.datetime,
    place: str = "",
    participants: str = "",
) -> Event:
    """Record an event of `office`. `starts_at` must be aware; it is stored in UTC."""
    _require(actor=actor, office=office, action=Action.EDIT)
    if timezone.is_naive(starts_at):
        raise ValueError("starts_at must be an aware datetime")
    title = clean_line(title)
    if not title:
        raise ValidationError({"title": _("An event needs a title.")})
    with transaction.atomic():
        event = Event.objects.create(
            office=office,
            title=title,
            type=type,
            starts_at=starts_at.astimezone(dt.UTC),
            place=clean_line(place),
            participants=clean_text(participants),
            created_by=actor,
        )
        audit_log(
            action="event.created",
            actor=actor,
            office=office,
            target=event,
            data={"uuid": str(event.uuid), "title": event.title},
        )
    return event


def event_update(
    *,
    event: Event,
    actor: Any,
    title: str,
    type: str,
    starts_at: dt.datetime,
    place: str = "",
    participants: str = "",
) -> Event:
    """Change an event's details (last save wins: events are short records kept by one office)."""
    _require(actor=actor, office=event.office, action=Action.EDIT)
    if timezone.is_naive(starts_at):
        raise ValueError("starts_at must be an aware datetime")
    title = clean_line(title)
    if not title:
        raise ValidationError({"title": _("An event needs a title.")})
    new_values = {
        "title": title,
        "type": type,
        "starts_at": starts_at.astimezone(dt.UTC),
        "place": clean_line(place),
        "participants": clean_text(participants),
    }
    changed = [name for name, value in new_values.items() if getattr(event, name) != value]
    with transaction.atomic():
        for name in changed:
            setattr(event, name, new_values[name])
        event.save(update_fields=[*changed, "updated_at"])
        audit_log(
            action="event.updated",
            actor=actor,
            office=event.office,
            target=event,
            data={"uuid": str(event.uuid), "changed": changed},
        )
    return event


# --- releases: content ----------------------------------------------------------------------------------


def release_create(
    *, actor: Any, office: Office, content: ReleaseContent, photo: UploadedFile | None = None
) -> Release:
    """A new draft of `office`, at version 1, with its first revision."""
    _require(actor=actor, office=office, action=Action.EDIT)
    _check_event(event=content.event, office=office)
    fields = _content_fields(content)
    release = Release(office=office, created_by=actor, updated_by=actor, **fields)
    photo_name = _photo_store(release_key=release.uuid, upload=photo) if photo else ""
    try:
        with transaction.atomic():
            release.photo = photo_name
            release.save()
            tags = _tags_resolve(content.tags)
            release.tags.set(tags)
            _revision_record(release=release, actor=actor, version=release.version, fields=fields, tags=tags)
            audit_log(
                action="release.created",
                actor=actor,
                office=office,
                target=release,
                data={"uuid": str(release.uuid), "title": release.title},
            )
    except BaseException:
        _file_delete(photo_name)
        raise
    return release


def release_update(
    *,
    release: Release,
    actor: Any,
    expected_version: int,
    content: ReleaseContent,
    photo: UploadedFile | None = None,
    remove_photo: bool = False,
) -> Release:
    """Save new content over `expected_version`, producing version `expected_version + 1`.

    Raises ReleaseConflict if the release has been saved since `expected_version` (nothing is written,
    the newer text stays), ReleaseNotEditable if it is no longer a draft or awaiting changes.
    """
    _require(actor=actor, office=release.office, action=Action.EDIT)
    _check_event(event=content.event, office=release.office)
    fields = _content_fields(content)
    new_photo = _photo_store(release_key=release.uuid, upload=photo) if photo else ""
    old_photo = release.photo.name or ""
    photo_change: dict[str, str] = {}
    if new_photo:
        photo_change = {"photo": new_photo}
    elif remove_photo:
        photo_change = {"photo": ""}
    try:
        with transaction.atomic():
            saved = Release.objects.filter(
                pk=release.pk, version=expected_version, status__in=EDITABLE_STATUSES
            ).update(
                **fields,
                **photo_change,
                updated_by=actor,
                updated_at=timezone.now(),
                version=F("version") + 1,
            )
            if not saved:
                _raise_why_not_saved(release)
            tags = _tags_resolve(content.tags)
            release.tags.set(tags)
            _revision_record(release=release, actor=actor, version=expected_version + 1, fields=fields, tags=tags)
            audit_log(
                action="release.updated",
                actor=actor,
                office=release.office,
                target=release,
                data={"uuid": str(release.uuid), "version": expected_version + 1},
            )
            if photo_change and old_photo:
                transaction.on_commit(partial(_file_delete, old_photo))
    except BaseException:
        _file_delete(new_photo)
        raise
    release.refresh_from_db()
    return release


def _raise_why_not_saved(release: Release) -> None:
    current = Release.objects.filter(pk=release.pk).values("status", "version").get()
    if current["status"] not in EDITABLE_STATUSES:
        raise ReleaseNotEditable(
            _("This release is %(status)s and can no longer be edited.")
            % {"status": ReleaseStatus(current["status"]).label}
        )
    raise ReleaseConflict(current_version=current["version"])


def attachment_add(*, release: Release, actor: Any, upload: UploadedFile) -> Attachment:
    """Attach a checked file (PDF or image) to `release`, stored privately under a random name."""
    _require(actor=actor, office=release.office, action=Action.EDIT)
    kind = attachment_kind(upload)
    original = ORIGINAL_NAME_UNSAFE_RE.sub("", strip_bidi_controls(upload.name or "")).strip()[:255] or "file"
    content: IO[bytes] = upload if kind == PDF_KIND else image_without_metadata(upload, kind)
    name = scoped_file_storage().save(
        f"releases/{release.uuid}/attachments/{secrets.token_urlsafe(12)}.{kind.extension}", content
    )
    try:
        with transaction.atomic():
            attachment = Attachment.objects.create(
                release=release,
                file=name,
                original_name=original,
                content_type=kind.content_type,
                size=scoped_file_storage().size(name),
                uploaded_by=actor,
            )
            audit_log(
                action="release.attachment_added",
                actor=actor,
                office=release.office,
                target=release,
                data={"uuid": str(release.uuid), "attachment": str(attachment.uuid), "name": original},
            )
    except BaseException:
        _file_delete(name)
        raise
    return attachment


def attachment_remove(*, attachment: Attachment, actor: Any) -> None:
    """Remove an attachment (a wrong or superseded file); the audit log keeps its name and who removed it.

    The file is deleted only after the row's removal commits, so a rolled-back removal never leaves a row
    pointing at a missing file.
    """
    release = attachment.release
    _require(actor=actor, office=release.office, action=Action.EDIT)
    name = attachment.file.name or ""
    with transaction.atomic():
        deleted, _rows = Attachment.objects.filter(pk=attachment.pk).delete()
        if not deleted:
            return  # removed meanwhile by someone else: nothing left to do
        audit_log(
            action="release.attachment_removed",
            actor=actor,
            office=release.office,
            target=release,
            data={"uuid": str(release.uuid), "attachment": str(attachment.uuid), "name": attachment.original_name},
        )
        transaction.on_commit(partial(_file_delete, name))


# --- releases: workflow ---------------------------------------------------------------------------------


def _transition(
    *,
    release: Release,
    actor: Any,
    to_status: ReleaseStatus,
    allowed_from: frozenset[str],
    right: Action,
    note: str = "",
    expected_version: int | None = None,
    extra: dict[str, Any] | None = None,
) -> ReleaseTransition:
    """Move `release` from the status the actor saw (`release.status`) to `to_status`, as one conditional
    UPDATE; write the transition and the audit row. The caller's side effects run in the same transaction.

    Raises IllegalTransition when the move does not start from the actor's status, or when the release
    has moved on (another reviewer acted first, or it was edited since the actor looked).
    """
    _require(actor=actor, office=release.office, action=right)
    from_status = release.status
    if from_status not in allowed_from:
        raise IllegalTransition(
            _("A release that is %(from)s cannot become %(to)s.")
            % {"from": ReleaseStatus(from_status).label, "to": to_status.label}
        )
    condition: dict[str, Any] = {"pk": release.pk, "status": from_status}
    if expected_version is not None:
        condition["version"] = expected_version
    now = timezone.now()
    changed = Release.objects.filter(**condition).update(
        status=to_status, updated_by=actor, updated_at=now, **(extra or {})
    )
    if not changed:
        current = Release.objects.filter(pk=release.pk).values_list("status", flat=True).get()
        raise IllegalTransition(
            _("This release changed while you were looking at it (it is now %(status)s). Nothing was done.")
            % {"status": ReleaseStatus(current).label}
        )
    transition = ReleaseTransition.objects.create(
        release=release, from_status=from_status, to_status=to_status, note=note, actor=actor
    )
    audit_log(
        action=f"release.{to_status}",
        actor=actor,
        office=release.office,
        target=release,
        data={"uuid": str(release.uuid), "from": from_status, "to": str(to_status), "note": note},
    )
    return transition


def release_submit(*, release: Release, actor: Any, expected_version: int | None = None) -> Release:
    """Send a draft (or a release awaiting changes) to the office head's review queue."""
    with transaction.atomic():
        _transition(
            release=release,
            actor=actor,
            to_status=ReleaseStatus.IN_REVIEW,
            allowed_from=EDITABLE_STATUSES,
            right=Action.EDIT,
            expected_version=expected_version,
        )
    release.refresh_from_db()
    return release


def release_request_changes(*, release: Release, actor: Any, note: str, expected_version: int | None = None) -> Release:
    """Send a release in review back to its editors with a note saying what to change (required)."""
    note = clean_text(note)
    if not note:
        raise ValidationError({"note": _("Say what should change.")})
    with transaction.atomic():
        _transition(
            release=release,
            actor=actor,
            to_status=ReleaseStatus.CHANGES_REQUESTED,
            allowed_from=frozenset({ReleaseStatus.IN_REVIEW}),
            right=Action.REVIEW,
            note=note,
            expected_version=expected_version,
        )
    release.refresh_from_db()
    return release


def release_publish(*, release: Release, actor: Any, note: str = "", expected_version: int | None = None) -> Release:
    """Approve a release in review and publish it now: it appears on the public newsroom, in the feeds and
    in search (the index is written in this transaction). Of two reviewers approving at once, one wins."""
    now = timezone.now()
    with transaction.atomic():
        _transition(
            release=release,
            actor=actor,
            to_status=ReleaseStatus.PUBLISHED,
            allowed_from=frozenset({ReleaseStatus.IN_REVIEW}),
            right=Action.REVIEW,
            note=clean_text(note),
            expected_version=expected_version,
            extra={"published_at": now},
        )
        release.refresh_from_db()  # index the text exactly as it was approved
        _release_index(release)
    return release


def _release_index(release: Release) -> None:
    search_document_upsert(
        kind=SEARCH_KIND,
        key=str(release.uuid),
        office_code=release.office.code,
        title=release.title,
        body=f"{release.lead}\n{html_to_text(release.body_html)}",
        published_at=release.published_at,  # type: ignore[arg-type]  # set by the publish transition
    )


def releases_reindex() -> int:
    """Rebuild the search index of every published release (after a switch of database or search backend,
    or a restore). Returns how many were indexed. Each release is indexed in its own transaction."""
    count = 0
    for release in Release.objects.filter(status=ReleaseStatus.PUBLISHED).select_related("office").iterator():
        with transaction.atomic():
            _release_index(release)
        count += 1
    return count


def release_withdraw(*, release: Release, actor: Any, note: str) -> Release:
    """Take a published release off the public newsroom, the feeds and search; the reason is required and
    kept in the review history. Its publication time stays on record."""
    note = clean_text(note)
    if not note:
        raise ValidationError({"note": _("Say why the release is withdrawn.")})
    with transaction.atomic():
        _transition(
            release=release,
            actor=actor,
            to_status=ReleaseStatus.WITHDRAWN,
            allowed_from=frozenset({ReleaseStatus.PUBLISHED}),
            right=Action.REVIEW,
            note=note,
        )
        search_document_remove(kind=SEARCH_KIND, key=str(release.uuid))
    release.refresh_from_db()
    return release
