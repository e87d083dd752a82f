"""Every write of the evaluation app: frameworks, periods, indicator values, evaluator scores, publication
and objections.

Each function is one durable transaction that writes one audit row (`ayneh.core.audit.audit_log`), and
checks the actor's right itself (a view checks first to answer 404, but a command must not skip it).

The period workflow:

    open ──review_begin──► review ──publish──► published ──publish (correction, reason required)──► published
                                                 revision 1                                       revision N+1

Publishing freezes a `RankingSnapshot`. A correction after publication never edits it: the evaluator
changes the values (a rating, a logged value, a recomputation) and publishes again, which writes revision
N+1 with the diff against N and the reason. Identical content is refused (nothing to correct).

Rights: evaluators (Action.EVALUATE on the offices concerned) manage frameworks and periods, rate, enter
survey results, publish and answer objections. An office's editors and head (Action.EDIT) log their
office's records while the period is open; its head (Action.REVIEW) files objections.
"""

import datetime as dt
import secrets
from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ayneh.core.audit import audit_log
from ayneh.core.jalali import MONTHS as JALALI_MONTHS
from ayneh.evaluation import selectors
from ayneh.evaluation.indicators.base import Scope
from ayneh.evaluation.indicators.registry import computer_get
from ayneh.evaluation.models import (
    Axis,
    EvaluatorScore,
    Framework,
    Indicator,
    IndicatorValue,
    Objection,
    ObjectionStatus,
    Period,
    PeriodStatus,
    RankingSnapshot,
    Source,
)
from ayneh.evaluation.periods import PeriodKind, jalali_period_bounds, period_code
from ayneh.evaluation.ranking import ranking_build
from ayneh.evaluation.scoring import indicator_score, rubric_score, scaled_target
from ayneh.evaluation.snapshots import content_hash, diff_is_empty, snapshot_diff
from ayneh.evaluation.spec import (
    Direction,
    FrameworkError,
    FrameworkSpec,
    TargetPeriod,
    default_framework_spec,
)
from ayneh.newsroom.uploads import attachment_kind
from ayneh.offices.access import offices_for_user, user_can
from ayneh.offices.models import Office
from ayneh.offices.roles import Action

QUARTER_NAMES = {1: _("spring"), 2: _("summer"), 3: _("autumn"), 4: _("winter")}


class EvaluationError(Exception):
    """A refused evaluation operation, with a message fit to show the user."""

    def __init__(self, message: str | Promise) -> None:
        super().__init__(str(message))
        self.message = message


class FrameworkFrozen(EvaluationError):
    """The framework is used by a period: copy it into a new version to change it."""


class PeriodStateError(EvaluationError):
    """The period is not in a status that allows the operation (or moved on while the actor looked)."""


class NothingChanged(EvaluationError):
    """A new revision would be identical to the published one."""


class ObjectionWindowClosed(EvaluationError):
    """Objections to this period can no longer be filed."""


# --- rights ---------------------------------------------------------------------------------------------


def _require(*, actor: Any, office: Office, action: Action) -> None:
    if not user_can(user=actor, office=office, action=action):
        raise PermissionDenied(f"{actor} may not {action} in office {office.code}")


def _require_evaluator_of_all(*, actor: Any, offices: Iterable[Office]) -> None:
    """The actor must be able to evaluate every one of `offices` (a period spans many)."""
    wanted = {office.pk for office in offices}
    allowed = set(
        offices_for_user(user=actor, action=Action.EVALUATE).filter(pk__in=wanted).values_list("pk", flat=True)
    )
    if wanted - allowed:
        raise PermissionDenied(f"{actor} may not evaluate {len(wanted - allowed)} of these offices")


def _require_evaluator(*, actor: Any) -> None:
    """Framework work needs the evaluator's right somewhere (frameworks belong to no office)."""
    if not offices_for_user(user=actor, action=Action.EVALUATE).exists():
        raise PermissionDenied(f"{actor} is not an evaluator")


# --- frameworks -----------------------------------------------------------------------------------------


def _framework_write(
    *, spec: FrameworkSpec, version: int, title: str, actor: Any, is_default: bool, based_on: Framework | None
) -> Framework:
    """Create a framework and its axes and indicators from a validated spec (inside the caller's transaction)."""
    framework = Framework.objects.create(
        code=spec.code,
        version=version,
        title=title,
        is_default=is_default,
        tiers=list(spec.tiers),
        bands=[{"code": b.code, "name": b.name, "min": b.minimum} for b in spec.bands],
        min_coverage=spec.min_coverage,
        notes=list(spec.notes),
        based_on=based_on,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    axes = {
        axis.code: Axis.objects.create(
            framework=framework, code=axis.code, name=axis.name, weight=axis.weight, position=position
        )
        for position, axis in enumerate(spec.axes)
    }
    Indicator.objects.bulk_create(
        Indicator(
            framework=framework,
            axis=axes[indicator.axis],
            code=indicator.code,
            name=indicator.name,
            weight=indicator.weight,
            source=indicator.source,
            direction=indicator.direction,
            unit=indicator.unit,
            target_period=indicator.target_period or "",
            targets=dict(indicator.targets),
            rubric=list(indicator.rubric) if indicator.rubric is not None else None,
            computer=indicator.computer or "",
            params=dict(indicator.params),
            formula=indicator.formula,
            position=position,
        )
        for position, indicator in enumerate(spec.indicators)
    )
    return framework


def framework_load_default(*, actor: Any = None) -> Framework:
    """The shipped default framework (ayneh/data/frameworks/default.json) in the database, created on the
    first call and returned as it is on every later one (idempotent: an existing copy, edited or frozen, is
    never overwritten). It becomes the default unless another framework already is."""
    spec = default_framework_spec()
    existing = Framework.objects.filter(code=spec.code, version=spec.version).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        framework = _framework_write(
            spec=spec,
            version=spec.version,
            title=spec.title,
            actor=actor,
            is_default=not Framework.objects.filter(is_default=True).exists(),
            based_on=None,
        )
        audit_log(
            action="evaluation.framework_loaded",
            actor=actor,
            target=framework,
            data={"code": framework.code, "version": framework.version, "indicators": len(spec.indicators)},
        )
    return framework


def framework_copy(*, framework: Framework, actor: Any, title: str = "") -> Framework:
    """A new, editable version of `framework` (same code, next version number) with copies of its axes and
    indicators. The original stays as it is, frozen or not."""
    _require_evaluator(actor=actor)
    spec = selectors.framework_spec(framework=framework)
    with transaction.atomic():
        latest = Framework.objects.filter(code=framework.code).order_by("-version").values_list("version", flat=True)
        copy = _framework_write(
            spec=spec,
            version=latest[0] + 1,
            title=title.strip() or framework.title,
            actor=actor,
            is_default=False,
            based_on=framework,
        )
        audit_log(
            action="evaluation.framework_copied",
            actor=actor,
            target=copy,
            data={"code": copy.code, "from_version": framework.version, "version": copy.version},
        )
    return copy


def indicator_update(
    *,
    indicator: Indicator,
    actor: Any,
    weight: float | None = None,
    targets: Mapping[str, float | None] | None = None,
    rubric: list[str] | None = None,
    params: Mapping[str, Any] | None = None,
) -> Indicator:
    """Change an indicator of an unfrozen framework. Weights may pass through totals other than 100 while
    an evaluator edits several; the whole framework is validated when a period is opened on it."""
    _require_evaluator(actor=actor)
    changes: dict[str, Any] = {}
    if weight is not None:
        changes["weight"] = weight
    if targets is not None:
        changes["targets"] = dict(targets)
    if rubric is not None:
        changes["rubric"] = list(rubric)
    if params is not None:
        changes["params"] = dict(params)
    with transaction.atomic():
        # Compare-and-set on the framework's frozen flag: a period opened meanwhile wins.
        updated = Indicator.objects.filter(pk=indicator.pk, framework__is_frozen=False).update(**changes)
        if not updated:
            raise FrameworkFrozen(_("This framework is used by a period and cannot change; copy it to a new version."))
        audit_log(
            action="evaluation.indicator_updated",
            actor=actor,
            target=indicator,
            data={"framework": str(indicator.framework.uuid), "code": indicator.code, "changes": changes},
        )
    indicator.refresh_from_db()
    return indicator


# --- periods --------------------------------------------------------------------------------------------


def _period_title(*, kind: PeriodKind, year: int, number: int) -> str:
    """«بهار 1403», «سال 1403», «مهر 1403»: always in the site's language, whoever opens the period, because
    the title is stored and frozen into the period's snapshots."""
    with translation.override(settings.LANGUAGE_CODE):
        return _period_title_text(kind=kind, year=year, number=number)


def _period_title_text(*, kind: PeriodKind, year: int, number: int) -> str:
    if kind == PeriodKind.YEAR:
        return str(_("Year %(year)s") % {"year": year})
    if kind == PeriodKind.QUARTER:
        return str(_("%(season)s %(year)s") % {"season": QUARTER_NAMES[number], "year": year})
    return f"{JALALI_MONTHS[number - 1]} {year}"


def period_open(
    *,
    framework: Framework,
    kind: PeriodKind | str,
    year: int,
    offices: Iterable[Office],
    actor: Any,
    number: int = 0,
    objection_days: int = 14,
    is_demo: bool = False,
) -> Period:
    """Open an evaluation period (Jalali year, quarter 1–4 or month 1–12) for `offices` on `framework`,
    which must validate as a whole and is frozen from now on."""
    kind = PeriodKind(kind)
    offices = list(offices)
    if not offices:
        raise ValidationError({"offices": _("Choose at least one office.")})
    _require_evaluator_of_all(actor=actor, offices=offices)
    try:
        selectors.framework_spec(framework=framework)
    except FrameworkError as error:
        raise EvaluationError(_("The framework is not consistent: %(error)s") % {"error": error}) from error
    try:
        bounds = jalali_period_bounds(kind=kind, year=year, number=number)
    except ValueError as error:
        raise ValidationError({"number": str(error)}) from error
    with transaction.atomic():
        Framework.objects.filter(pk=framework.pk, is_frozen=False).update(is_frozen=True)
        period = Period.objects.create(
            framework=framework,
            code=period_code(kind=kind, year=year, number=number),
            title=_period_title(kind=kind, year=year, number=number),
            kind=kind,
            jalali_year=year,
            number=number,
            starts_on=bounds.starts_on,
            ends_on=bounds.ends_on,
            months=bounds.months,
            objection_days=objection_days,
            is_demo=is_demo,
            opened_by=actor,
        )
        period.offices.set(offices)
        audit_log(
            action="evaluation.period_opened",
            actor=actor,
            target=period,
            data={
                "key": str(period.uuid),
                "code": period.code,
                "framework": f"{framework.code} v{framework.version}",
                "offices": sorted(office.code for office in offices),
            },
        )
    framework.is_frozen = True
    return period


def _target_for(*, indicator: Indicator, office: Office, period: Period) -> float | None:
    base = indicator.targets.get(office.tier)
    per = TargetPeriod(indicator.target_period) if indicator.target_period else None
    return scaled_target(base, per=per, months=period.months)


# The columns `period_compute` writes, in order, then those it leaves blank (no note, evidence or author:
# the author column is nullable and left out) and the update time.
_COMPUTED_VALUE_FIELDS = ("period", "office", "indicator", "actual", "target", "score", "inputs", "source")
_BLANK_FIELDS = ("note", "evidence", "evidence_name")


def _computed_values_insert(rows: list[tuple[Any, ...]]) -> None:
    """Insert computed values: per row a tuple of `_COMPUTED_VALUE_FIELDS`, `_BLANK_FIELDS`, update time.

    One executemany of plain tuples: bulk_create built a model instance and ran Django's per-field
    preparation for every value (7,000 values with a million keys in their inputs: about a third of
    `period_compute`, measured with benchmarks/evaluation_period.py)."""
    names = (*_COMPUTED_VALUE_FIELDS, *_BLANK_FIELDS, "updated_at")
    by_name = {field.name: str(field.column) for field in IndicatorValue._meta.concrete_fields}
    quote = connection.ops.quote_name
    columns = ", ".join(quote(by_name[name]) for name in names)
    placeholders = ", ".join(["%s"] * len(names))
    table = quote(IndicatorValue._meta.db_table)
    with connection.cursor() as cursor:
        # Names from the model's metadata, every value a parameter.
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)  # noqa: S608


def period_compute(*, period: Period, actor: Any) -> int:
    """Compute every automatic indicator for every office of the period and store the measured values,
    replacing the period's earlier automatic values. "No data" is stored as no row: the scorecard shows a
    missing value as "no data", and an office that had data at the last computation and has none now does
    not keep its old value. Returns the number of values stored."""
    offices = list(period.offices.all())
    _require_evaluator_of_all(actor=actor, offices=offices)
    scope = Scope(offices=offices, window=period.window)
    indicators = list(period.framework.indicators.filter(source=Source.AUTO))
    ops = connection.ops
    updated_at = ops.adapt_datetimefield_value(timezone.now())
    rows: list[tuple[Any, ...]] = []
    for indicator in indicators:
        results = computer_get(indicator.computer)(scope=scope, params=indicator.params)
        direction = Direction(indicator.direction)
        for office in offices:
            computed = results.get(office.pk)
            if computed is None:
                continue
            target = _target_for(indicator=indicator, office=office, period=period)
            score = indicator_score(actual=computed.actual, target=target, direction=direction)
            inputs = ops.adapt_json_value({"computer": indicator.computer, **computed.inputs}, None)
            rows.append(
                (period.pk, office.pk, indicator.pk, computed.actual, target, score, inputs, Source.AUTO.value)
                + ("",) * len(_BLANK_FIELDS)
                + (updated_at,)
            )
    with transaction.atomic():
        IndicatorValue.objects.filter(period=period, source=Source.AUTO).delete()
        _computed_values_insert(rows)
        audit_log(
            action="evaluation.period_computed",
            actor=actor,
            target=period,
            data={
                "key": str(period.uuid),
                "values": len(rows),
                "no_data": len(indicators) * len(offices) - len(rows),
            },
        )
    return len(rows)


def _check_membership(*, period: Period, office: Office, indicator: Indicator) -> None:
    if indicator.framework_id != period.framework_id:
        raise ValidationError({"indicator": _("This indicator is not part of the period's framework.")})
    if not period.offices.filter(pk=office.pk).exists():
        raise ValidationError({"office": _("This office is not evaluated in this period.")})


def _evidence_store(*, value: IndicatorValue, upload: UploadedFile) -> None:
    kind = attachment_kind(upload)
    upload.seek(0)
    value.evidence.save(f"{secrets.token_hex(16)}.{kind.extension}", upload, save=False)
    value.evidence_name = (upload.name or "")[:255]


def indicator_value_record(
    *,
    period: Period,
    office: Office,
    indicator: Indicator,
    actual: float,
    actor: Any,
    note: str = "",
    evidence: UploadedFile | None = None,
) -> IndicatorValue:
    """Record a logged or survey indicator's value for an office, with its evidence file (PDF or image).

    The office's own people may record logged values while the period is open; evaluators may record
    logged and survey values at any time (a change after publication shows in the next revision).
    """
    _check_membership(period=period, office=office, indicator=indicator)
    if indicator.source not in (Source.LOG, Source.SURVEY):
        raise ValidationError({"indicator": _("Only logged and survey indicators are entered by hand.")})
    if actual < 0:
        raise ValidationError({"actual": _("The value cannot be negative.")})
    is_evaluator = user_can(user=actor, office=office, action=Action.EVALUATE)
    if not is_evaluator:
        if indicator.source == Source.SURVEY:
            raise PermissionDenied(f"{actor} may not enter survey results")
        _require(actor=actor, office=office, action=Action.EDIT)
        if period.status != PeriodStatus.OPEN:
            raise PeriodStateError(_("The period is no longer open for the office's records."))
    target = _target_for(indicator=indicator, office=office, period=period)
    with transaction.atomic():
        value, _created = IndicatorValue.objects.select_for_update().get_or_create(
            period=period, office=office, indicator=indicator, defaults={"source": indicator.source}
        )
        before = value.actual
        value.actual = float(actual)
        value.target = target
        value.score = indicator_score(actual=value.actual, target=target, direction=Direction(indicator.direction))
        value.source = indicator.source
        value.note = note.strip()
        value.entered_by = actor
        if evidence is not None:
            _evidence_store(value=value, upload=evidence)
        value.inputs = {"entered_by": actor.get_username(), "evidence": value.evidence.name or None}
        value.save()
        audit_log(
            action="evaluation.value_recorded",
            actor=actor,
            office=office,
            target=value,
            data={"period": str(period.uuid), "indicator": indicator.code, "before": before, "after": value.actual},
        )
    return value


def evaluator_score_set(
    *, period: Period, office: Office, indicator: Indicator, rating: int, comment: str, actor: Any
) -> EvaluatorScore:
    """An evaluator rates an office 0–4 on an evaluator indicator against its rubric; the comment is
    required. Every rating is kept (the latest counts) and the office's indicator value follows it."""
    _check_membership(period=period, office=office, indicator=indicator)
    _require(actor=actor, office=office, action=Action.EVALUATE)
    if indicator.source != Source.EVAL:
        raise ValidationError({"indicator": _("Only evaluator indicators are rated on a rubric.")})
    comment = comment.strip()
    if not comment:
        raise ValidationError({"comment": _("Explain the rating: a comment is required.")})
    try:
        score = rubric_score(rating)
    except ValueError as error:
        raise ValidationError({"rating": _("Choose a rating from 0 to 4.")}) from error
    with transaction.atomic():
        previous = (
            EvaluatorScore.objects.filter(period=period, office=office, indicator=indicator)
            .order_by("-created_at", "-id")
            .values_list("rating", flat=True)
            .first()
        )
        scored = EvaluatorScore.objects.create(
            period=period, office=office, indicator=indicator, rating=rating, comment=comment, evaluator=actor
        )
        IndicatorValue.objects.update_or_create(
            period=period,
            office=office,
            indicator=indicator,
            defaults={
                "actual": float(rating),
                "target": None,
                "score": score,
                "source": Source.EVAL,
                "entered_by": actor,
                "inputs": {
                    "rating": rating,
                    "comment": comment,
                    "evaluator": actor.get_username(),
                    "scored_at": scored.created_at.isoformat(),
                    "evaluator_score": scored.pk,
                },
            },
        )
        audit_log(
            action="evaluation.score_set",
            actor=actor,
            office=office,
            target=scored,
            data={
                "period": str(period.uuid),
                "indicator": indicator.code,
                "before": previous,
                "after": rating,
                "comment": comment,
            },
        )
    return scored


def period_review_begin(*, period: Period, actor: Any) -> Period:
    """Close the period to the offices' own records and start the evaluators' review."""
    _require_evaluator_of_all(actor=actor, offices=period.offices.all())
    with transaction.atomic():
        if not Period.objects.filter(pk=period.pk, status=PeriodStatus.OPEN).update(status=PeriodStatus.REVIEW):
            raise PeriodStateError(_("Only an open period can go to review."))
        audit_log(action="evaluation.period_review", actor=actor, target=period, data={"key": str(period.uuid)})
    period.status = PeriodStatus.REVIEW
    return period


def period_publish(*, period: Period, actor: Any, reason: str = "") -> RankingSnapshot:
    """Freeze the period's ranking as a snapshot: revision 1 from review, or — for a correction after
    publication — revision N+1 with the reason (required) and the diff against revision N. Revision N is
    never touched; content identical to it is refused (`NothingChanged`)."""
    _require_evaluator_of_all(actor=actor, offices=period.offices.all())
    reason = reason.strip()
    spec = selectors.framework_spec(framework=period.framework)
    with transaction.atomic():
        # Re-read the status under the write lock: two evaluators publishing at once get revisions in turn
        # (and the unique (period, revision) constraint stops a duplicate on any database).
        status = Period.objects.select_for_update().filter(pk=period.pk).values_list("status", flat=True).get()
        previous = selectors.snapshot_latest(period=period)
        if previous is None and status != PeriodStatus.REVIEW:
            raise PeriodStateError(_("Begin the review before publishing the period."))
        if previous is not None and not reason:
            raise ValidationError({"reason": _("Say why the published ranking is corrected.")})
        content = ranking_build(
            framework=spec,
            period=selectors.period_identity(period=period),
            offices=selectors.period_measurements(period=period),
        )
        diff: dict[str, Any] = {}
        if previous is not None:
            diff = snapshot_diff(previous.content, content)
            if diff_is_empty(diff):
                raise NothingChanged(
                    _("Nothing changed since revision %(revision)s.") % {"revision": previous.revision}
                )
        snapshot = RankingSnapshot.objects.create(
            period=period,
            revision=previous.revision + 1 if previous else 1,
            content=content,
            content_hash=content_hash(content),
            diff=diff,
            reason=reason,
            published_by=actor,
            published_at=timezone.now(),
        )
        Period.objects.filter(pk=period.pk).update(status=PeriodStatus.PUBLISHED)
        audit_log(
            action="evaluation.period_published",
            actor=actor,
            target=period,
            data={
                "key": str(period.uuid),
                "revision": snapshot.revision,
                "content_hash": snapshot.content_hash,
                "reason": reason,
                "offices_changed": sorted(diff.get("offices", {})),
            },
        )
    period.status = PeriodStatus.PUBLISHED
    return snapshot


# --- objections -----------------------------------------------------------------------------------------


def objection_deadline(*, period: Period) -> dt.datetime | None:
    """When objections close: `objection_days` after the first publication; None before it."""
    first = selectors.snapshot_first(period=period)
    return None if first is None else first.published_at + dt.timedelta(days=period.objection_days)


def objection_file(*, period: Period, office: Office, indicator: Indicator, text: str, actor: Any) -> Objection:
    """The office's head objects to the office's score on one indicator of the published ranking, within
    the period's objection window."""
    _check_membership(period=period, office=office, indicator=indicator)
    _require(actor=actor, office=office, action=Action.REVIEW)
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Say what is wrong with the score.")})
    deadline = objection_deadline(period=period)
    latest = selectors.snapshot_latest(period=period)
    if deadline is None or latest is None:
        raise ObjectionWindowClosed(_("The period's ranking is not published yet."))
    if timezone.now() > deadline:
        raise ObjectionWindowClosed(_("The objection window of this period has closed."))
    with transaction.atomic():
        objection = Objection.objects.create(
            period=period,
            office=office,
            indicator=indicator,
            snapshot=latest,
            text=text,
            filed_by=actor,
        )
        audit_log(
            action="evaluation.objection_filed",
            actor=actor,
            office=office,
            target=objection,
            data={"period": str(period.uuid), "indicator": indicator.code, "text": text},
        )
    return objection


def objection_answer(*, objection: Objection, accept: bool, answer: str, actor: Any) -> Objection:
    """The evaluator accepts or rejects an open objection, with a reason either way. Accepting records the
    decision; the correction itself is a changed value followed by `period_publish` (a new revision)."""
    _require(actor=actor, office=objection.office, action=Action.EVALUATE)
    answer = answer.strip()
    if not answer:
        raise ValidationError({"answer": _("Give the reason for the decision.")})
    status = ObjectionStatus.ACCEPTED if accept else ObjectionStatus.REJECTED
    now = timezone.now()
    with transaction.atomic():
        answered = Objection.objects.filter(pk=objection.pk, status=ObjectionStatus.OPEN).update(
            status=status, answer=answer, evaluator=actor, answered_at=now
        )
        if not answered:
            raise PeriodStateError(_("This objection has already been answered."))
        audit_log(
            action=f"evaluation.objection_{status}",
            actor=actor,
            office=objection.office,
            target=objection,
            data={"period": str(objection.period.uuid), "indicator": objection.indicator.code, "answer": answer},
        )
    objection.refresh_from_db()
    return objection


# --- additions for the evaluation panel (issue 5's user interface) --------------------------------------


def axis_update(*, axis: Axis, actor: Any, weight: float) -> Axis:
    """Change an axis's weight in an unfrozen framework, so an evaluator can move weight between axes. As
    with `indicator_update`, totals may pass through other values than 100 while editing; `period_open`
    validates the framework as a whole."""
    _require_evaluator(actor=actor)
    if weight < 0:
        raise ValidationError({"weight": _("A weight cannot be negative.")})
    with transaction.atomic():
        before = Axis.objects.filter(pk=axis.pk).values_list("weight", flat=True).first()
        if not Axis.objects.filter(pk=axis.pk, framework__is_frozen=False).update(weight=weight):
            raise FrameworkFrozen(_("This framework is used by a period and cannot change; copy it to a new version."))
        audit_log(
            action="evaluation.axis_updated",
            actor=actor,
            target=axis,
            data={
                "framework": str(axis.framework.uuid),
                "code": axis.code,
                "before": None if before is None else float(before),
                "after": weight,
            },
        )
    axis.refresh_from_db()
    return axis


def indicator_evidence_attach(
    *, period: Period, office: Office, indicator: Indicator, evidence: UploadedFile, actor: Any, note: str = ""
) -> IndicatorValue:
    """The office uploads its evidence for an evaluator indicator (its annual plan, its reports) for the
    evaluators to rate against the rubric. Same rights as logged values: the office's editors and head
    while the period is open, evaluators at any time. The file sits on the office's value of the
    indicator, which stays without a score until an evaluator rates it (`evaluator_score_set` keeps the
    file); a new upload replaces the previous file."""
    _check_membership(period=period, office=office, indicator=indicator)
    if indicator.source != Source.EVAL:
        raise ValidationError({"indicator": _("Evidence for a rating is attached to evaluator indicators only.")})
    if not user_can(user=actor, office=office, action=Action.EVALUATE):
        _require(actor=actor, office=office, action=Action.EDIT)
        if period.status != PeriodStatus.OPEN:
            raise PeriodStateError(_("The period is no longer open for the office's records."))
    with transaction.atomic():
        value, _created = IndicatorValue.objects.select_for_update().get_or_create(
            period=period, office=office, indicator=indicator, defaults={"source": Source.EVAL}
        )
        before = value.evidence_name
        _evidence_store(value=value, upload=evidence)
        if note.strip():
            value.note = note.strip()
        value.save(update_fields=["evidence", "evidence_name", "note", "updated_at"])
        audit_log(
            action="evaluation.evidence_attached",
            actor=actor,
            office=office,
            target=value,
            data={
                "period": str(period.uuid),
                "indicator": indicator.code,
                "before": before or None,
                "after": value.evidence_name,
                "file": value.evidence.name,
            },
        )
    return value
