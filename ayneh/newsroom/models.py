"""The newsroom's records: events an office covers, the releases it writes about them, each release's
saved revisions and review history, and its attachments.

Rows hold only their own invariants; every change goes through `ayneh.newsroom.services`.
"""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ayneh.newsroom.storage import scoped_file_storage


class EventType(models.TextChoices):
    CEREMONY = "ceremony", _("Ceremony")
    MEETING = "meeting", _("Meeting")
    VIDEO_CONFERENCE = "video_conference", _("Video conference")
    PRESS_CONFERENCE = "press_conference", _("Press conference")
    VISIT = "visit", _("Visit")
    OTHER = "other", _("Other")


class Event(models.Model):
    """Something an office held or attended and may write releases about."""

    uuid = models.UUIDField(_("key"), default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="events"
    )
    title = models.CharField(_("title"), max_length=255)
    type = models.CharField(_("type"), max_length=20, choices=EventType.choices, default=EventType.MEETING)
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    place = models.CharField(_("place"), max_length=255, blank=True)
    participants = models.TextField(_("participants"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-starts_at", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("newsroom:event-detail", kwargs={"key": self.uuid})


class ReleaseStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# The statuses in which the text of a release may still change.
EDITABLE_STATUSES: frozenset[str] = frozenset({ReleaseStatus.DRAFT, ReleaseStatus.CHANGES_REQUESTED})
# Statuses a release has once it has been public: published_at is set in both.
PUBLIC_ONCE_STATUSES: frozenset[str] = frozenset({ReleaseStatus.PUBLISHED, ReleaseStatus.WITHDRAWN})


class Tag(models.Model):
    """A subject label shared by releases («اشتغال», «بیمه»), stored in its folded spelling."""

    name = models.CharField(_("name"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def release_photo_path(instance: "Release", filename: str) -> str:
    """Photos live under the release's own folder; the service picks a random name with the extension of
    the detected image type, so a user-chosen name never reaches the disk."""
    return f"releases/{instance.uuid}/photo/{filename}"


def attachment_path(instance: "Attachment", filename: str) -> str:
    return f"releases/{instance.release.uuid}/attachments/{filename}"


class Release(models.Model):
    """A news release of one office. `version` counts saved edits and is the compare-and-set token that
    keeps two editors from silently overwriting each other."""

    uuid = models.UUIDField(_("key"), default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="releases"
    )
    title = models.CharField(_("title"), max_length=255)
    lead = models.TextField(_("lead"), blank=True)
    body_html = models.TextField(_("body"), blank=True)
    photo = models.ImageField(
        _("photo"), upload_to=release_photo_path, storage=scoped_file_storage, blank=True, max_length=255
    )
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="releases")
    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="releases",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ReleaseStatus.choices, default=ReleaseStatus.DRAFT, db_index=True
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("updated by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("release")
        verbose_name_plural = _("releases")
        ordering = ["-updated_at", "-id"]
        indexes = [
            models.Index(fields=["office", "status"]),
            models.Index(fields=["status", "-published_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status__in=sorted(PUBLIC_ONCE_STATUSES)) | models.Q(published_at__isnull=False),
                name="release_public_has_published_at",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        """The public page (defined by ayneh.public); the panel's page is `panel_url`."""
        return reverse("public:release", kwargs={"key": self.uuid})

    @property
    def panel_url(self) -> str:
        return reverse("newsroom:release-detail", kwargs={"key": self.uuid})

    @property
    def is_demo(self) -> bool:
        """Demo content is what the demo accounts of `ayneh demo` wrote; the interface marks it."""
        return self.created_by.is_demo

    @property
    def tag_names(self) -> list[str]:
        """Tag names in alphabetical order (uses prefetched tags when the selector prefetched them)."""
        return sorted(tag.name for tag in self.tags.all())

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES


class ReleaseRevision(models.Model):
    """The text of a release as one save left it: version N is what the release said after its Nth save."""

    release = models.ForeignKey(Release, verbose_name=_("release"), on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=255)
    lead = models.TextField(_("lead"), blank=True)
    body_html = models.TextField(_("body"), blank=True)
    tag_names = models.JSONField(_("tags"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("saved by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("saved at"), auto_now_add=True)

    class Meta:
        verbose_name = _("release revision")
        verbose_name_plural = _("release revisions")
        ordering = ["release", "-version"]
        constraints = [models.UniqueConstraint(fields=["release", "version"], name="release_revision_unique")]

    def __str__(self) -> str:
        return f"{self.release_id} v{self.version}"


class ReleaseTransition(models.Model):
    """One step of a release's review history: who moved it from which status to which, when, and why."""

    release = models.ForeignKey(
        Release, verbose_name=_("release"), on_delete=models.CASCADE, related_name="transitions"
    )
    from_status = models.CharField(_("from"), max_length=20, choices=ReleaseStatus.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=ReleaseStatus.choices)
    note = models.TextField(_("note"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("release transition")
        verbose_name_plural = _("release transitions")
        ordering = ["release", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.release_id}: {self.from_status} → {self.to_status}"


class Attachment(models.Model):
    """A supporting file of a release (a letter, a programme, more photos). Internal: only people who may
    view the release's office can download it."""

    uuid = models.UUIDField(_("key"), default=uuid.uuid4, unique=True, editable=False)
    release = models.ForeignKey(
        Release, verbose_name=_("release"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=attachment_path, storage=scoped_file_storage, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["release", "created_at", "id"]

    def __str__(self) -> str:
        return self.original_name
