"""Evaluation records: frameworks of axes and indicators, periods, measured values, evaluator scores,
frozen ranking snapshots and objections.

Rows hold only their own invariants; every change goes through `ayneh.evaluation.services`, which also
enforces the rules that span rows (a framework used by a period is frozen; a snapshot is never edited).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ayneh.evaluation.periods import PeriodWindow, period_window
from ayneh.evaluation.scoring import MAX_RATING
from ayneh.evaluation.storage import evidence_path, evidence_storage


class Source(models.TextChoices):
    AUTO = "auto", _("Computed from Ayneh's data")
    LOG = "log", _("Logged by the office")
    SURVEY = "survey", _("Survey")
    EVAL = "eval", _("Evaluator's rubric")


class Direction(models.TextChoices):
    HIGHER = "higher", _("Higher is better")
    LOWER = "lower", _("Lower is better")


class Unit(models.TextChoices):
    COUNT = "count", _("count")
    PERCENT = "percent", _("percent")
    HOURS = "hours", _("hours")
    INDEX = "index", _("index")
    RUBRIC = "rubric", _("rubric rating (0–4)")


class TargetPeriod(models.TextChoices):
    MONTH = "month", _("per month")
    YEAR = "year", _("per year")


class Framework(models.Model):
    """A versioned set of axes and indicators with grade bands. Frozen once a period uses it: a change
    after that is a new version (`framework_copy`), so a published ranking always names the exact rules
    it was computed with."""

    uuid = models.UUIDField(_("key"), default=uuid.uuid4, unique=True, editable=False)
    code = models.SlugField(_("code"), max_length=64)
    version = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=255)
    is_default = models.BooleanField(_("default"), default=False)
    tiers = models.JSONField(_("tiers"), default=list, help_text=_("The office tiers the framework sets targets for."))
    bands = models.JSONField(_("grade bands"), default=list, help_text=_("Best first: code, name and minimum."))
    min_coverage = models.FloatField(
        _("minimum coverage"),
        default=0.5,
        help_text=_("The share of the weight that must have data for an office to be graded and ranked."),
    )
    notes = models.JSONField(_("notes"), default=list, blank=True)
    is_frozen = models.BooleanField(_("frozen"), default=False, editable=False)
    based_on = models.ForeignKey(
        "self",
        verbose_name=_("copied from"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="copies",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("framework")
        verbose_name_plural = _("frameworks")
        ordering = ["code", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="evaluation_framework_version_unique"),
            models.UniqueConstraint(
                fields=["is_default"], condition=models.Q(is_default=True), name="evaluation_one_default_framework"
            ),
            models.CheckConstraint(
                condition=models.Q(min_coverage__gte=0, min_coverage__lte=1), name="evaluation_min_coverage_share"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"


class Axis(models.Model):
    framework = models.ForeignKey(Framework, verbose_name=_("framework"), on_delete=models.CASCADE, related_name="axes")
    code = models.SlugField(_("code"), max_length=64)
    name = models.CharField(_("name"), max_length=255)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("axis")
        verbose_name_plural = _("axes")
        ordering = ["framework", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="evaluation_axis_code_unique")]

    def __str__(self) -> str:
        return self.name


class Indicator(models.Model):
    """One indicator of a framework. Automatic ones name a registered computer
    (`ayneh.evaluation.indicators`); evaluator ones carry a rubric of five texts for ratings 0–4."""

    framework = models.ForeignKey(
        Framework, verbose_name=_("framework"), on_delete=models.CASCADE, related_name="indicators"
    )
    axis = models.ForeignKey(Axis, verbose_name=_("axis"), on_delete=models.PROTECT, related_name="indicators")
    code = models.CharField(_("code"), max_length=64)
    name = models.CharField(_("name"), max_length=255)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices, default=Direction.HIGHER)
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices)
    target_period = models.CharField(
        _("target per"),
        max_length=10,
        choices=TargetPeriod.choices,
        blank=True,
        help_text=_("Empty: the target applies to any period as it is (shares, indices, hours)."),
    )
    targets = models.JSONField(_("targets per tier"), default=dict, blank=True)
    rubric = models.JSONField(_("rubric"), null=True, blank=True)
    computer = models.CharField(_("computer"), max_length=64, blank=True)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    formula = models.TextField(_("formula"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["framework", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="evaluation_indicator_code_unique"),
            models.CheckConstraint(
                condition=~models.Q(source="auto") | ~models.Q(computer=""), name="evaluation_auto_has_computer"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class PeriodKind(models.TextChoices):
    YEAR = "year", _("Year")
    QUARTER = "quarter", _("Quarter")
    MONTH = "month", _("Month")


class PeriodStatus(models.TextChoices):
    OPEN = "open", _("Open")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")


class Period(models.Model):
    """A Jalali year, quarter or month in which a set of offices is evaluated on one framework."""

    uuid = models.UUIDField(_("key"), default=uuid.uuid4, unique=True, editable=False)
    framework = models.ForeignKey(
        Framework, verbose_name=_("framework"), on_delete=models.PROTECT, related_name="periods"
    )
    code = models.CharField(_("code"), max_length=16, help_text=_("For example 1403, 1403-q2 or 1403-m07."))
    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=10, choices=PeriodKind.choices)
    jalali_year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveSmallIntegerField(_("quarter or month"), default=0, help_text=_("0 for a whole year."))
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    months = models.PositiveSmallIntegerField(_("months"))
    offices = models.ManyToManyField("offices.Office", verbose_name=_("offices"), related_name="evaluation_periods")
    status = models.CharField(
        _("status"), max_length=10, choices=PeriodStatus.choices, default=PeriodStatus.OPEN, db_index=True
    )
    objection_days = models.PositiveSmallIntegerField(
        _("objection window (days)"), default=14, help_text=_("Days after first publication to file an objection.")
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("opened by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("evaluation period")
        verbose_name_plural = _("evaluation periods")
        ordering = ["-starts_on", "kind", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "kind", "jalali_year", "number"], name="evaluation_period_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(kind="year", number=0)
                | models.Q(kind="quarter", number__gte=1, number__lte=4)
                | models.Q(kind="month", number__gte=1, number__lte=12),
                name="evaluation_period_number_fits_kind",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="evaluation_period_order"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def window(self) -> PeriodWindow:
        return period_window(starts_on=self.starts_on, ends_on=self.ends_on, months=self.months)


class IndicatorValue(models.Model):
    """One office's measured value of one indicator in one period, the target it was held to, its score,
    and what produced it: the computer's inputs (the releases and events counted), or the office's record
    and evidence, or the evaluator's rating. Actual and score are empty when there is no data."""

    period = models.ForeignKey(Period, verbose_name=_("period"), on_delete=models.PROTECT, related_name="values")
    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="indicator_values"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="values"
    )
    actual = models.FloatField(_("value"), null=True, blank=True)
    target = models.FloatField(_("target"), null=True, blank=True)
    score = models.FloatField(_("score"), null=True, blank=True)
    inputs = models.JSONField(_("inputs"), default=dict, blank=True)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    note = models.TextField(_("note"), blank=True)
    evidence = models.FileField(
        _("evidence"), upload_to=evidence_path, storage=evidence_storage, blank=True, max_length=255
    )
    evidence_name = models.CharField(_("evidence file name"), max_length=255, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["period", "office", "indicator__position"]
        constraints = [
            models.UniqueConstraint(fields=["period", "office", "indicator"], name="evaluation_value_unique"),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__gte=0, score__lte=1),
                name="evaluation_score_is_a_share",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.office} — {self.indicator}: {self.actual}"


class EvaluatorScore(models.Model):
    """An evaluator's rubric rating (0–4) of one office on one indicator, with the required comment.
    Append-only: a change of mind is a new row, and the latest row is the one that counts."""

    period = models.ForeignKey(
        Period, verbose_name=_("period"), on_delete=models.PROTECT, related_name="evaluator_scores"
    )
    office = models.ForeignKey("offices.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+")
    indicator = models.ForeignKey(Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="+")
    rating = models.PositiveSmallIntegerField(_("rating"))
    comment = models.TextField(_("comment"))
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("evaluator"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("evaluator score")
        verbose_name_plural = _("evaluator scores")
        ordering = ["period", "office", "indicator", "-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(rating__lte=MAX_RATING), name="evaluation_rating_in_rubric"),
            models.CheckConstraint(condition=~models.Q(comment=""), name="evaluation_rating_has_comment"),
        ]

    def __str__(self) -> str:
        return f"{self.office} — {self.indicator}: {self.rating}"


class ImmutableQuerySet(models.QuerySet["RankingSnapshot"]):
    def update(self, **kwargs: object) -> int:
        raise PermissionError("A published ranking snapshot is never changed: publish a new revision.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("A published ranking snapshot is never deleted.")


class RankingSnapshot(models.Model):
    """A published ranking, frozen: the content (`ranking.ranking_build`), its SHA-256 and, from revision 2
    on, what changed since the previous revision and why. Never updated or deleted."""

    uuid = models.UUIDField(_("key"), default=uuid.uuid4, unique=True, editable=False)
    period = models.ForeignKey(Period, verbose_name=_("period"), on_delete=models.PROTECT, related_name="snapshots")
    revision = models.PositiveIntegerField(_("revision"))
    content = models.JSONField(_("content"))
    content_hash = models.CharField(_("content hash (SHA-256)"), max_length=64)
    diff = models.JSONField(_("changes since the previous revision"), default=dict, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("published by"), on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField(_("published at"))

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        verbose_name = _("ranking snapshot")
        verbose_name_plural = _("ranking snapshots")
        ordering = ["period", "-revision"]
        constraints = [
            models.UniqueConstraint(fields=["period", "revision"], name="evaluation_snapshot_revision_unique"),
            models.CheckConstraint(
                condition=models.Q(revision=1) | ~models.Q(reason=""), name="evaluation_revision_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.period} — {self.revision}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise PermissionError("A published ranking snapshot is never changed: publish a new revision.")
        super().save(*args, **kwargs)

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise PermissionError("A published ranking snapshot is never deleted.")


class ObjectionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class Objection(models.Model):
    """An office's objection to its score on one indicator of a published period, and the evaluator's
    answer (a reason is required either way)."""

    uuid = models.UUIDField(_("key"), default=uuid.uuid4, unique=True, editable=False)
    period = models.ForeignKey(Period, verbose_name=_("period"), on_delete=models.PROTECT, related_name="objections")
    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="evaluation_objections"
    )
    indicator = models.ForeignKey(Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="+")
    snapshot = models.ForeignKey(
        RankingSnapshot,
        verbose_name=_("objected revision"),
        on_delete=models.PROTECT,
        related_name="objections",
    )
    text = models.TextField(_("objection"))
    status = models.CharField(
        _("status"), max_length=10, choices=ObjectionStatus.choices, default=ObjectionStatus.OPEN, db_index=True
    )
    answer = models.TextField(_("answer"), blank=True)
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("filed by"), on_delete=models.PROTECT, related_name="+"
    )
    filed_at = models.DateTimeField(_("filed at"), auto_now_add=True)
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("objection")
        verbose_name_plural = _("objections")
        ordering = ["-filed_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(text=""), name="evaluation_objection_has_text"),
            models.CheckConstraint(
                condition=models.Q(status="open")
                | (~models.Q(answer="") & models.Q(evaluator__isnull=False, answered_at__isnull=False)),
                name="evaluation_objection_answer_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.office} — {self.indicator} ({self.get_status_display()})"
