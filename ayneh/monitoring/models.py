"""Media monitoring records: outlets and their sources, ingestion batches, articles stored once, the
pickups that tie articles to releases, and the people and quotes read from each article.

Rows hold only their own invariants (the unique keys that make "stored once" a database fact, the checks
that keep a source's address consistent with its kind). Everything that spans rows — deduplication,
analysis, near-duplicate groups, pickup matching, resumable batches — lives in `ayneh.monitoring.services`
and `ayneh.monitoring.pipeline`.
"""

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutletTier(models.TextChoices):
    NEWS_AGENCY = "news_agency", _("National news agency")
    NATIONAL = "national", _("National outlet")
    PROVINCIAL = "provincial", _("Provincial outlet")
    LOCAL = "local", _("Local outlet")


class Outlet(models.Model):
    """A news outlet whose articles Ayneh reads (an agency, a newspaper, a news site)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    site = models.URLField(_("website"), max_length=500, blank=True)
    tier = models.CharField(_("tier"), max_length=20, choices=OutletTier.choices)
    province = models.CharField(
        _("province"), max_length=60, blank=True, help_text=_("For provincial and local outlets.")
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("outlet")
        verbose_name_plural = _("outlets")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OutletAlias(models.Model):
    """Another written form of an outlet's name, as «به گزارش X» writes it (e.g. «خبرگزاری فارس»)."""

    outlet = models.ForeignKey(Outlet, verbose_name=_("outlet"), on_delete=models.CASCADE, related_name="aliases")
    # Unique over all outlets: one credit line must name one outlet.
    text = models.CharField(_("alias"), max_length=200, unique=True)

    class Meta:
        verbose_name = _("outlet alias")
        verbose_name_plural = _("outlet aliases")
        ordering = ["text"]

    def __str__(self) -> str:
        return self.text


class SourceKind(models.TextChoices):
    FEED = "feed", _("RSS or Atom feed")
    SITEMAP = "sitemap", _("Sitemap or listing page")
    JSONL = "jsonl", _("JSON Lines archive")
    HTML_FOLDER = "html_folder", _("Folder of saved HTML pages")


# Fetched over HTTP(S) by address; the others are read from the server's disk by path.
REMOTE_SOURCE_KINDS: frozenset[str] = frozenset({SourceKind.FEED, SourceKind.SITEMAP})
LOCAL_SOURCE_KINDS: frozenset[str] = frozenset({SourceKind.JSONL, SourceKind.HTML_FOLDER})


class Source(models.Model):
    """Where an outlet's articles come from: a feed or listing fetched on a schedule, or an archive read
    once. Its health fields say when it last worked and why it last failed."""

    outlet = models.ForeignKey(Outlet, verbose_name=_("outlet"), on_delete=models.PROTECT, related_name="sources")
    kind = models.CharField(_("kind"), max_length=20, choices=SourceKind.choices)
    url = models.URLField(_("address"), max_length=2000, blank=True, help_text=_("For feeds and listing pages."))
    path = models.CharField(
        _("path"), max_length=1024, blank=True, help_text=_("For archives and folders on the server.")
    )
    fetch_interval = models.DurationField(
        _("fetch interval"), default=dt.timedelta(minutes=30), help_text=_("How often a feed is fetched.")
    )
    enabled = models.BooleanField(_("enabled"), default=True)
    # Conditional GET: what the server said last time, sent back so an unchanged feed costs one 304.
    etag = models.CharField(_("ETag"), max_length=255, blank=True)
    last_modified = models.CharField(_("Last-Modified"), max_length=64, blank=True)
    next_fetch_at = models.DateTimeField(_("next fetch"), null=True, blank=True, db_index=True)
    last_success_at = models.DateTimeField(_("last success"), null=True, blank=True)
    last_error_at = models.DateTimeField(_("last error"), null=True, blank=True)
    last_error = models.TextField(_("last error reason"), blank=True)
    items_per_day = models.FloatField(_("items per day"), default=0.0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["outlet__name", "id"]
        constraints = [
            # A remote source has an address and no path, a local one a path and no address: a feed's URL
            # must never be opened as a file, nor a path fetched.
            models.CheckConstraint(
                condition=(
                    models.Q(kind__in=sorted(REMOTE_SOURCE_KINDS), path="") & ~models.Q(url="")
                    | models.Q(kind__in=sorted(LOCAL_SOURCE_KINDS), url="") & ~models.Q(path="")
                ),
                name="source_address_matches_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.outlet} — {self.get_kind_display()} — {self.url or self.path}"


class BatchStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Running")
    CANCELLED = "cancelled", _("Cancelled")
    COMPLETED = "completed", _("Completed")
    FAILED = "failed", _("Failed")


# A batch in these states may be (re)started: it continues from its cursor.
RESUMABLE_BATCH_STATUSES: frozenset[str] = frozenset(
    {BatchStatus.PENDING, BatchStatus.RUNNING, BatchStatus.CANCELLED, BatchStatus.FAILED}
)


class IngestBatch(models.Model):
    """One run over a source's items or an uploaded archive.

    `cursor` is the number of records already handled (stored, found duplicate or recorded as failed); it is
    committed in the same transaction as those records, so a batch restarted after a crash continues
    exactly where the last committed chunk ended.
    """

    uuid = models.UUIDField(_("key"), default=uuid.uuid4, unique=True, editable=False)
    source = models.ForeignKey(
        Source, verbose_name=_("source"), null=True, blank=True, on_delete=models.SET_NULL, related_name="batches"
    )
    outlet = models.ForeignKey(
        Outlet,
        verbose_name=_("default outlet"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="batches",
        help_text=_("The outlet of records that name none."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=SourceKind.choices)
    location = models.CharField(_("file or address"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=20, choices=BatchStatus.choices, default=BatchStatus.PENDING, db_index=True
    )
    cancel_requested = models.BooleanField(_("cancel requested"), default=False)
    cursor = models.PositiveIntegerField(_("records handled"), default=0)
    total = models.PositiveIntegerField(_("records expected"), null=True, blank=True)
    created_count = models.PositiveIntegerField(_("articles stored"), default=0)
    duplicate_count = models.PositiveIntegerField(_("duplicates"), default=0)
    failed_count = models.PositiveIntegerField(_("failed records"), default=0)
    pickup_count = models.PositiveIntegerField(_("pickups found"), default=0)
    error = models.TextField(_("error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("last progress"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("ingestion batch")
        verbose_name_plural = _("ingestion batches")
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_kind_display()} {self.location}"

    @property
    def progress(self) -> float | None:
        """The share of records handled, from 0 to 1, when the total is known."""
        if not self.total:
            return None
        return min(self.cursor / self.total, 1.0)


class Article(models.Model):
    """One article of one outlet, stored once: its canonical address is unique, and one outlet's text is
    stored once whatever address or feed it came through (see `content_hash`)."""

    outlet = models.ForeignKey(Outlet, verbose_name=_("outlet"), on_delete=models.PROTECT, related_name="articles")
    source = models.ForeignKey(
        Source, verbose_name=_("source"), null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    batch = models.ForeignKey(
        IngestBatch,
        verbose_name=_("batch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    url = models.URLField(_("address"), max_length=2000)
    canonical_url = models.URLField(_("canonical address"), max_length=2000)
    # SHA-256 of the canonical address: the unique key (a unique index on the address itself would break
    # PostgreSQL's index row limit for long percent-encoded Persian addresses).
    url_key = models.CharField(_("address key"), max_length=64, unique=True, editable=False)
    # SHA-256 of the text folded for comparison (letters, digits, ZWNJ and spacing unified): the same text
    # arriving through two feeds or two addresses of one outlet is stored once.
    content_hash = models.CharField(_("content hash"), max_length=64, editable=False)
    title = models.CharField(_("title"), max_length=500, blank=True)
    text = models.TextField(_("text"))
    text_normalized = models.TextField(_("normalised text"))
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    fetched_at = models.DateTimeField(_("fetched"), default=timezone.now)
    analysis = models.JSONField(_("analysis"), default=dict, blank=True)
    source_office = models.ForeignKey(
        "offices.Office",
        verbose_name=_("credited office"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="monitored_articles",
    )
    # The credit line as written («به گزارش ... به نقل از روابط عمومی ...»), as offsets into `text`.
    attribution_text = models.TextField(_("attribution"), blank=True)
    attribution_start = models.PositiveIntegerField(_("attribution start"), null=True, blank=True)
    attribution_end = models.PositiveIntegerField(_("attribution end"), null=True, blank=True)
    version_group = models.UUIDField(
        _("version group"), db_index=True, help_text=_("Articles that are versions of one story share it.")
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    # The near-duplicate sketch of the article's matching text (ayneh.monitoring.versions.sketch_pack, about
    # 0.7 KB): other workers and a restarted process index the article from it without sketching its text
    # again. Empty for articles stored before it was kept (they are sketched from their text when loaded).
    sketch = models.BinaryField(_("near-duplicate sketch"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["outlet", "content_hash"], name="article_outlet_content_unique"),
        ]
        indexes = [
            models.Index(fields=["outlet", "-published_at"]),
            models.Index(fields=["source_office", "-published_at"]),
        ]

    def __str__(self) -> str:
        return self.title or self.canonical_url

    @property
    def seen_at(self) -> dt.datetime:
        """When the article appeared: its publication time, or when it was fetched if it gives none."""
        return self.published_at or self.fetched_at


class ArticleFailure(models.Model):
    """A record that could not be stored, and why. The batch goes on without it."""

    batch = models.ForeignKey(
        IngestBatch,
        verbose_name=_("batch"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="failures",
    )
    source = models.ForeignKey(
        Source, verbose_name=_("source"), null=True, blank=True, on_delete=models.SET_NULL, related_name="failures"
    )
    position = models.PositiveIntegerField(_("position"), null=True, blank=True)
    url = models.CharField(_("address"), max_length=2000, blank=True)
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("failed record")
        verbose_name_plural = _("failed records")
        ordering = ["batch", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["batch", "position"],
                condition=models.Q(batch__isnull=False, position__isnull=False),
                name="article_failure_once_per_position",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.url or self.position}: {self.reason}"


class PickupStatus(models.TextChoices):
    SUGGESTED = "suggested", _("Suggested")
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Rejected")


class Pickup(models.Model):
    """An article that carried a release: found by text similarity, attribution to the release's office,
    or both. An office head's confirmation or rejection is kept as a label for measuring the matcher."""

    release = models.ForeignKey(
        "newsroom.Release", verbose_name=_("release"), on_delete=models.CASCADE, related_name="pickups"
    )
    article = models.ForeignKey(Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="pickups")
    outlet = models.ForeignKey(Outlet, verbose_name=_("outlet"), on_delete=models.PROTECT, related_name="pickups")
    similarity = models.FloatField(_("similarity"))
    attribution = models.BooleanField(_("credits the office"), default=False)
    evidence = models.JSONField(_("evidence"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=PickupStatus.choices, default=PickupStatus.SUGGESTED, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)
    created_at = models.DateTimeField(_("found"), auto_now_add=True)

    class Meta:
        verbose_name = _("pickup")
        verbose_name_plural = _("pickups")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["release", "article"], name="pickup_once_per_release_article"),
        ]
        indexes = [models.Index(fields=["release", "status"])]

    def __str__(self) -> str:
        return f"{self.release} ← {self.outlet}"


class Mention(models.Model):
    """A person named in an article, with the role the article gives them (first mention)."""

    article = models.ForeignKey(Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="mentions")
    name = models.CharField(_("name"), max_length=200, db_index=True)
    role = models.CharField(_("role"), max_length=300, blank=True)
    start = models.PositiveIntegerField(_("start"))
    end = models.PositiveIntegerField(_("end"))

    class Meta:
        verbose_name = _("person mention")
        verbose_name_plural = _("person mentions")
        ordering = ["article", "start"]

    def __str__(self) -> str:
        return self.name


class Quote(models.Model):
    """What someone said in an article («چه کسی چه گفت»): the speaker as named, their role, the words."""

    article = models.ForeignKey(Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="quotes")
    speaker = models.CharField(_("speaker"), max_length=300, blank=True, db_index=True)
    speaker_role = models.CharField(_("speaker's role"), max_length=300, blank=True)
    text = models.TextField(_("quote"))
    verb = models.CharField(_("speech verb"), max_length=60, blank=True)
    start = models.PositiveIntegerField(_("start"))
    end = models.PositiveIntegerField(_("end"))

    class Meta:
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        ordering = ["article", "start"]

    def __str__(self) -> str:
        return f"{self.speaker}: {self.text[:60]}"


class OfficeMention(models.Model):
    """An office named in an article's text («اداره کل تعاون، کار و رفاه اجتماعی استان خوزستان اعلام
    کرد ...»), credited or not: one row per article and office, for its first mention. `text` is the name as
    the article writes it, `text[start:end]` of the article; when the text does not spell a name out (the
    analysis read a canonical form), `text` is that form and `start`/`end` are None."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="office_mentions"
    )
    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.CASCADE, related_name="article_mentions"
    )
    text = models.CharField(_("name"), max_length=300)
    start = models.PositiveIntegerField(_("start"), null=True, blank=True)
    end = models.PositiveIntegerField(_("end"), null=True, blank=True)

    class Meta:
        verbose_name = _("office mention")
        verbose_name_plural = _("office mentions")
        ordering = ["article", "start"]
        constraints = [
            models.UniqueConstraint(fields=["article", "office"], name="office_mention_article_office_unique"),
        ]
        indexes = [models.Index(fields=["office", "article"])]

    def __str__(self) -> str:
        return self.text
