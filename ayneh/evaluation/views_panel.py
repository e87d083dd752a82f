"""The evaluators' panel: frameworks (copy, weights, targets, rubrics), periods (open, compute, review,
publish), the rating screen of evaluator indicators, and the answers to offices' objections.

Only evaluators come in: a user without the evaluator's right on any office, or reaching for a period
with offices outside their scope, gets `refuse(...)` — a logged 404. The services check the same rights
again; the views parse, call one service and redirect (post/redirect/get), so a reload never repeats a
write.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ayneh.core.jalali import persian_digits
from ayneh.core.security import refuse
from ayneh.core.templatetags.persian import fa_digits
from ayneh.evaluation import services, spec
from ayneh.evaluation.forms import (
    ACCEPT,
    AxisWeightForm,
    ConfirmForm,
    CorrectionForm,
    FrameworkCopyForm,
    IndicatorForm,
    ObjectionAnswerForm,
    PeriodOpenForm,
    RatingForm,
)
from ayneh.evaluation.models import (
    Axis,
    EvaluatorScore,
    Framework,
    Indicator,
    IndicatorValue,
    Objection,
    ObjectionStatus,
    Period,
    RankingSnapshot,
    Source,
)
from ayneh.offices.access import offices_for_user
from ayneh.offices.models import Office
from ayneh.offices.roles import Action

# The spec's own total and tolerance (as decimals, like the weight fields), so the panel never calls
# weights consistent that opening a period refuses.
TOTAL_WEIGHT = Decimal(str(spec.TOTAL_WEIGHT))
WEIGHT_TOLERANCE = Decimal(str(spec.WEIGHT_TOLERANCE))


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


# --- scoped lookups -------------------------------------------------------------------------------------


def _evaluated_offices_or_refuse(request: HttpRequest, target: str) -> QuerySet[Office]:
    """The offices the user evaluates; a user who evaluates none is refused (and logged)."""
    offices = offices_for_user(user=request.user, action=Action.EVALUATE)
    if not offices.exists():
        raise refuse(request, reason="not_evaluator", target=target)
    return offices


def _framework_or_refuse(request: HttpRequest, key: uuid.UUID) -> Framework:
    _evaluated_offices_or_refuse(request, f"evaluation.framework:{key}")
    framework = Framework.objects.filter(uuid=key).first()
    if framework is None:
        raise refuse(request, reason="framework_unknown", target=f"evaluation.framework:{key}")
    return framework


def _period_or_refuse(request: HttpRequest, key: uuid.UUID) -> Period:
    """A period every office of which the user evaluates (the services' rule for period work)."""
    offices = _evaluated_offices_or_refuse(request, f"evaluation.period:{key}")
    period = Period.objects.filter(uuid=key).select_related("framework").first()
    if period is None or period.offices.exclude(pk__in=offices.values("pk")).exists():
        raise refuse(request, reason="period_scope", target=f"evaluation.period:{key}")
    return period


def _period_office_or_refuse(request: HttpRequest, period: Period, code: str) -> Office:
    office = period.offices.filter(code=code).first()
    if office is None:
        raise refuse(request, reason="period_office", target=f"evaluation.period:{period.uuid}:{code}")
    return office


def _indicator_or_refuse(request: HttpRequest, framework: Framework, code: str) -> Indicator:
    indicator = framework.indicators.filter(code=code).select_related("axis", "framework").first()
    if indicator is None:
        raise refuse(request, reason="indicator_unknown", target=f"evaluation.indicator:{framework.uuid}:{code}")
    return indicator


# --- weights --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class AxisWeights:
    axis: Axis
    indicators: list[Indicator]
    indicator_sum: Decimal

    @property
    def consistent(self) -> bool:
        return abs(self.indicator_sum - self.axis.weight) <= WEIGHT_TOLERANCE


@dataclass(slots=True)
class WeightCheck:
    """The framework's weights as an evaluator reads them: each axis with its indicators' sum, the total
    of the axes, and what keeps a period from opening on it, in words."""

    axes: list[AxisWeights]
    total: Decimal
    problems: list[str] = field(default_factory=list)

    @property
    def consistent(self) -> bool:
        return not self.problems


def weight_check(framework: Framework) -> WeightCheck:
    indicators = list(framework.indicators.order_by("position", "id"))
    axes = []
    for axis in framework.axes.order_by("position", "id"):
        own = [indicator for indicator in indicators if indicator.axis_id == axis.pk]
        axes.append(AxisWeights(axis=axis, indicators=own, indicator_sum=sum((i.weight for i in own), Decimal(0))))
    total = sum((entry.axis.weight for entry in axes), Decimal(0))
    check = WeightCheck(axes=axes, total=total)
    for entry in axes:
        if not entry.consistent:
            check.problems.append(
                _("The indicators of “%(axis)s” weigh %(sum)s together, but the axis weighs %(weight)s.")
                % {
                    "axis": entry.axis.name,
                    "sum": fa_digits(f"{entry.indicator_sum.normalize():f}"),
                    "weight": fa_digits(f"{entry.axis.weight.normalize():f}"),
                }
            )
    if abs(total - TOTAL_WEIGHT) > WEIGHT_TOLERANCE:
        check.problems.append(
            _("The axes weigh %(sum)s together; they must weigh 100.") % {"sum": fa_digits(f"{total.normalize():f}")}
        )
    return check


# --- home -----------------------------------------------------------------------------------------------


@require_GET
def panel_home(request: HttpRequest) -> HttpResponse:
    offices = _evaluated_offices_or_refuse(request, "evaluation.panel")
    frameworks = Framework.objects.annotate(period_count=Count("periods")).select_related("based_on")
    periods = (
        Period.objects.filter(offices__in=offices)
        .distinct()
        .select_related("framework")
        .annotate(office_count=Count("offices", distinct=True))
        .order_by("-starts_on", "-id")
    )
    open_objections = Objection.objects.filter(status=ObjectionStatus.OPEN, office__in=offices).count()
    return render(
        request,
        "evaluation/panel_home.html",
        {
            "frameworks": frameworks,
            "periods": periods,
            "open_objections": open_objections,
            "has_default": Framework.objects.filter(is_default=True).exists(),
        },
    )


@require_POST
def framework_default_load(request: HttpRequest) -> HttpResponse:
    _evaluated_offices_or_refuse(request, "evaluation.framework:default")
    framework = services.framework_load_default(actor=request.user)
    messages.success(request, _("The default framework is loaded."))
    return redirect("evaluation:panel-framework", key=framework.uuid)


# --- frameworks -----------------------------------------------------------------------------------------


@require_GET
def framework_detail(request: HttpRequest, key: uuid.UUID) -> HttpResponse:
    framework = _framework_or_refuse(request, key)
    return render(
        request,
        "evaluation/panel_framework.html",
        {
            "framework": framework,
            "weights": weight_check(framework),
            "copy_form": FrameworkCopyForm(),
            "periods": framework.periods.order_by("-starts_on"),
        },
    )


@require_POST
def framework_copy(request: HttpRequest, key: uuid.UUID) -> HttpResponse:
    framework = _framework_or_refuse(request, key)
    form = FrameworkCopyForm(request.POST)
    form.is_valid()
    copy = services.framework_copy(framework=framework, actor=request.user, title=form.cleaned_data.get("title", ""))
    messages.success(
        request,
        _("Version %(version)s was made from version %(from)s; you can edit it now.")
        % {"version": persian_digits(copy.version), "from": persian_digits(framework.version)},
    )
    return redirect("evaluation:panel-framework", key=copy.uuid)


def _frozen_redirect(request: HttpRequest, framework: Framework) -> HttpResponse:
    messages.error(request, _("This framework is used by a period and cannot change; copy it to a new version."))
    return redirect("evaluation:panel-framework", key=framework.uuid)


@require_http_methods(["GET", "POST"])
def axis_edit(request: HttpRequest, key: uuid.UUID, code: str) -> HttpResponse:
    framework = _framework_or_refuse(request, key)
    axis = framework.axes.filter(code=code).first()
    if axis is None:
        raise refuse(request, reason="axis_unknown", target=f"evaluation.axis:{key}:{code}")
    if framework.is_frozen:
        return _frozen_redirect(request, framework)
    form = AxisWeightForm(request.POST or None, initial={"weight": float(axis.weight)})
    if request.method == "POST" and form.is_valid():
        try:
            services.axis_update(axis=axis, actor=request.user, weight=form.cleaned_data["weight"])
        except services.FrameworkFrozen:
            return _frozen_redirect(request, framework)
        messages.success(request, _("The weight of “%(axis)s” was saved.") % {"axis": axis.name})
        return redirect("evaluation:panel-framework", key=framework.uuid)
    return render(request, "evaluation/panel_axis_form.html", {"framework": framework, "axis": axis, "form": form})


@require_http_methods(["GET", "POST"])
def indicator_edit(request: HttpRequest, key: uuid.UUID, code: str) -> HttpResponse:
    framework = _framework_or_refuse(request, key)
    indicator = _indicator_or_refuse(request, framework, code)
    if framework.is_frozen:
        return _frozen_redirect(request, framework)
    form = IndicatorForm(request.POST or None, indicator=indicator, initial=IndicatorForm.initial_for(indicator))
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_update(indicator=indicator, actor=request.user, **form.changes())
        except services.FrameworkFrozen:
            return _frozen_redirect(request, framework)
        messages.success(request, _("“%(indicator)s” was saved.") % {"indicator": indicator.name})
        return redirect(reverse("evaluation:panel-framework", kwargs={"key": framework.uuid}) + "#weights")
    return render(
        request,
        "evaluation/panel_indicator_form.html",
        {"framework": framework, "indicator": indicator, "form": form, "weights": weight_check(framework)},
    )


# --- periods --------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def period_open(request: HttpRequest) -> HttpResponse:
    offices = _evaluated_offices_or_refuse(request, "evaluation.period:new")
    initial = {}
    framework_key = request.GET.get("framework")
    if framework_key:
        initial["framework"] = Framework.objects.filter(uuid__iexact=framework_key).first()
    form = PeriodOpenForm(request.POST or None, offices=offices, initial=initial)
    if request.method == "POST" and form.is_valid():
        framework = form.cleaned_data["framework"]
        check = weight_check(framework)
        if not check.consistent:
            form.add_error(None, _("A period cannot open on this framework until its weights add up:"))
            for problem in check.problems:
                form.add_error(None, problem)
        else:
            try:
                period = services.period_open(
                    framework=framework,
                    kind=form.cleaned_data["kind"],
                    year=form.cleaned_data["year"],
                    number=form.number(),
                    offices=form.chosen_offices(),
                    objection_days=form.cleaned_data["objection_days"],
                    actor=request.user,
                )
            except services.EvaluationError as refused:
                form.add_error(None, str(refused.message))
            except ValidationError as error:
                form.add_error(None, " ".join(error.messages))
            except IntegrityError:  # opened by someone else between the form's check and the write
                form.add_error(None, _("A period of this kind and date is already open on this framework."))
            else:
                messages.success(request, _("The period “%(period)s” is open.") % {"period": period.title})
                return redirect("evaluation:panel-period", key=period.uuid)
    return render(request, "evaluation/panel_period_form.html", {"form": form})


@dataclass(frozen=True, slots=True)
class PeriodProgress:
    offices: int
    auto_values: int
    auto_possible: int
    records: int
    ratings: int
    ratings_needed: int


def _period_progress(period: Period) -> PeriodProgress:
    offices = period.offices.count()
    by_source = Counter(
        dict(period.framework.indicators.values("source").annotate(n=Count("id")).values_list("source", "n"))
    )
    values = Counter(
        dict(
            IndicatorValue.objects.filter(period=period, score__isnull=False)
            .values("source")
            .annotate(n=Count("id"))
            .values_list("source", "n")
        )
    )
    return PeriodProgress(
        offices=offices,
        auto_values=values[Source.AUTO],
        auto_possible=by_source[Source.AUTO] * offices,
        records=values[Source.LOG] + values[Source.SURVEY],
        ratings=values[Source.EVAL],
        ratings_needed=by_source[Source.EVAL] * offices,
    )


@require_GET
def period_detail(request: HttpRequest, key: uuid.UUID) -> HttpResponse:
    period = _period_or_refuse(request, key)
    snapshots = list(RankingSnapshot.objects.filter(period=period).defer("content").order_by("-revision"))
    return render(
        request,
        "evaluation/panel_period.html",
        {
            "period": period,
            "progress": _period_progress(period),
            "snapshots": snapshots,
            "offices": period.offices.order_by("path"),
            "confirm_form": ConfirmForm(),
            "correction_form": CorrectionForm(),
            "deadline": services.objection_deadline(period=period),
            "open_objections": period.objections.filter(status=ObjectionStatus.OPEN).count(),
        },
    )


@require_POST
def period_compute(request: HttpRequest, key: uuid.UUID) -> HttpResponse:
    period = _period_or_refuse(request, key)
    stored = services.period_compute(period=period, actor=request.user)
    messages.success(
        request, _("The automatic indicators were computed: %(count)s values.") % {"count": persian_digits(stored)}
    )
    return redirect("evaluation:panel-period", key=period.uuid)


@require_POST
def period_review(request: HttpRequest, key: uuid.UUID) -> HttpResponse:
    period = _period_or_refuse(request, key)
    try:
        services.period_review_begin(period=period, actor=request.user)
    except services.EvaluationError as refused:
        messages.error(request, str(refused.message))
    else:
        messages.success(request, _("The review has begun: offices can no longer change their records."))
    return redirect("evaluation:panel-period", key=period.uuid)


@require_POST
def period_publish(request: HttpRequest, key: uuid.UUID) -> HttpResponse:
    """Revision 1 needs the confirmation box ticked; a correction needs its reason."""
    period = _period_or_refuse(request, key)
    correcting = period.snapshots.exists()
    form: ConfirmForm | CorrectionForm = CorrectionForm(request.POST) if correcting else ConfirmForm(request.POST)
    if not form.is_valid():
        for message in form.errors.values():
            messages.error(request, " ".join(str(text) for text in message))
        return redirect("evaluation:panel-period", key=period.uuid)
    try:
        snapshot = services.period_publish(
            period=period, actor=request.user, reason=form.cleaned_data.get("reason", "")
        )
    except services.EvaluationError as refused:
        messages.error(request, str(refused.message))
        return redirect("evaluation:panel-period", key=period.uuid)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("evaluation:panel-period", key=period.uuid)
    messages.success(
        request,
        _("Revision %(revision)s of the ranking is published.") % {"revision": persian_digits(snapshot.revision)},
    )
    return redirect("evaluation:period-ranking", key=period.uuid)


# --- rating evaluator indicators ------------------------------------------------------------------------


def _eval_indicators(period: Period) -> list[Indicator]:
    return list(period.framework.indicators.filter(source=Source.EVAL).select_related("axis").order_by("position"))


def _latest_ratings(period: Period, offices: list[Office] | None = None) -> dict[tuple[int, int], EvaluatorScore]:
    """The rating that counts (the latest) per (office, indicator)."""
    scores = EvaluatorScore.objects.filter(period=period).select_related("evaluator")
    if offices is not None:
        scores = scores.filter(office__in=offices)
    latest: dict[tuple[int, int], EvaluatorScore] = {}
    for score in scores.order_by("office_id", "indicator_id", "-created_at", "-id"):
        latest.setdefault((score.office_id, score.indicator_id), score)
    return latest


@dataclass(frozen=True, slots=True)
class RatingCell:
    indicator: Indicator
    rating: EvaluatorScore | None
    has_evidence: bool


@dataclass(frozen=True, slots=True)
class RatingRow:
    office: Office
    cells: list[RatingCell]

    @property
    def rated(self) -> int:
        return sum(1 for cell in self.cells if cell.rating is not None)


@require_GET
def period_scoring(request: HttpRequest, key: uuid.UUID) -> HttpResponse:
    """Every office × evaluator indicator of the period: rated or not, evidence uploaded or not."""
    period = _period_or_refuse(request, key)
    indicators = _eval_indicators(period)
    offices = list(period.offices.order_by("path"))
    ratings = _latest_ratings(period)
    evidence = set(
        IndicatorValue.objects.filter(period=period, indicator__in=indicators)
        .exclude(evidence="")
        .values_list("office_id", "indicator_id")
    )
    rows = [
        RatingRow(
            office=office,
            cells=[
                RatingCell(
                    indicator=indicator,
                    rating=ratings.get((office.pk, indicator.pk)),
                    has_evidence=(office.pk, indicator.pk) in evidence,
                )
                for indicator in indicators
            ],
        )
        for office in offices
    ]
    return render(request, "evaluation/panel_scoring.html", {"period": period, "indicators": indicators, "rows": rows})


@dataclass(slots=True)
class RatingCard:
    """One evaluator indicator of one office: the rubric, the office's evidence and the rating form."""

    indicator: Indicator
    value: IndicatorValue | None
    rating: EvaluatorScore | None
    form: RatingForm
    history: list[EvaluatorScore]

    @property
    def choices(self) -> list[tuple[Any, str]]:
        """Each 0–4 radio button with the rubric text of its level, so the choice reads as the rubric."""
        texts = list(self.indicator.rubric or [])
        buttons = list(self.form["rating"])
        return [(button, texts[level] if level < len(texts) else "") for level, button in enumerate(buttons)]


def _office_rating_cards(period: Period, office: Office, bound: RatingForm | None, bound_code: str) -> list[RatingCard]:
    indicators = _eval_indicators(period)
    values = {
        value.indicator_id: value
        for value in IndicatorValue.objects.filter(period=period, office=office, indicator__in=indicators)
    }
    history: dict[int, list[EvaluatorScore]] = {}
    for score in (
        EvaluatorScore.objects.filter(period=period, office=office)
        .select_related("evaluator")
        .order_by("-created_at", "-id")
    ):
        history.setdefault(score.indicator_id, []).append(score)
    cards = []
    for indicator in indicators:
        latest = history.get(indicator.pk, [None])[0]
        if bound is not None and indicator.code == bound_code:
            form = bound
        else:
            initial = {"rating": latest.rating, "comment": latest.comment} if latest else {}
            form = RatingForm(initial=initial, prefix=indicator.code)
        cards.append(
            RatingCard(
                indicator=indicator,
                value=values.get(indicator.pk),
                rating=latest,
                form=form,
                history=history.get(indicator.pk, []),
            )
        )
    return cards


@require_http_methods(["GET", "POST"])
def office_scoring(request: HttpRequest, key: uuid.UUID, code: str) -> HttpResponse:
    """Rate one office on the period's evaluator indicators; each indicator's form posts on its own."""
    period = _period_or_refuse(request, key)
    office = _period_office_or_refuse(request, period, code)
    bound, bound_code, status = None, "", 200
    if request.method == "POST":
        bound_code = request.POST.get("indicator", "")
        indicator = _indicator_or_refuse(request, period.framework, bound_code)
        bound = RatingForm(request.POST, prefix=indicator.code)
        if bound.is_valid():
            try:
                services.evaluator_score_set(
                    period=period,
                    office=office,
                    indicator=indicator,
                    rating=bound.cleaned_data["rating"],
                    comment=bound.cleaned_data["comment"],
                    actor=request.user,
                )
            except ValidationError as error:
                bound.add_error(None, " ".join(error.messages))
            except PermissionDenied:
                raise refuse(
                    request, reason="rating_scope", target=f"evaluation.period:{key}:{code}", office=office
                ) from None
            else:
                messages.success(
                    request,
                    _("“%(indicator)s” of %(office)s was rated %(rating)s.")
                    % {
                        "indicator": indicator.name,
                        "office": office.name,
                        "rating": persian_digits(bound.cleaned_data["rating"]),
                    },
                )
                url = reverse("evaluation:panel-office-scoring", kwargs={"key": period.uuid, "code": office.code})
                return redirect(f"{url}#rate-{indicator.pk}")
        status = 400
    offices = list(period.offices.order_by("path").values_list("code", "name"))
    position = next((i for i, (c, _name) in enumerate(offices) if c == office.code), 0)
    return render(
        request,
        "evaluation/panel_office_scoring.html",
        {
            "period": period,
            "office": office,
            "cards": _office_rating_cards(period, office, bound, bound_code),
            "previous_office": offices[position - 1][0] if position > 0 else None,
            "next_office": offices[position + 1][0] if position + 1 < len(offices) else None,
        },
        status=status,
    )


# --- objections -----------------------------------------------------------------------------------------


@require_GET
def objection_list(request: HttpRequest) -> HttpResponse:
    offices = _evaluated_offices_or_refuse(request, "evaluation.objections")
    objections = Objection.objects.filter(office__in=offices).select_related(
        "period", "office", "indicator", "snapshot", "filed_by", "evaluator"
    )
    return render(
        request,
        "evaluation/panel_objections.html",
        {
            "open": objections.filter(status=ObjectionStatus.OPEN).order_by("filed_at"),
            "answered": objections.exclude(status=ObjectionStatus.OPEN).order_by("-answered_at")[:50],
        },
    )


def _objection_or_refuse(request: HttpRequest, key: uuid.UUID) -> Objection:
    offices = _evaluated_offices_or_refuse(request, f"evaluation.objection:{key}")
    objection = (
        Objection.objects.filter(uuid=key, office__in=offices)
        .select_related("period__framework", "office", "indicator", "snapshot", "filed_by", "evaluator")
        .first()
    )
    if objection is None:
        raise refuse(request, reason="objection_scope", target=f"evaluation.objection:{key}")
    return objection


def _correction_differs(objection: Objection, form: ObjectionAnswerForm) -> bool:
    """Whether the accepted correction changes the stored value (an identical one would publish nothing)."""
    value = IndicatorValue.objects.filter(
        period=objection.period, office=objection.office, indicator=objection.indicator
    ).first()
    current = value.actual if value is not None else None
    if "rating" in form.fields:
        return current is None or float(form.cleaned_data["rating"]) != current
    if "actual" in form.fields:
        return current is None or abs(float(form.cleaned_data["actual"]) - current) > 1e-9
    return True  # an automatic indicator: the recomputation decides


def _correct(objection: Objection, form: ObjectionAnswerForm, actor: Any) -> None:
    period, office, indicator = objection.period, objection.office, objection.indicator
    if "rating" in form.fields:
        services.evaluator_score_set(
            period=period,
            office=office,
            indicator=indicator,
            rating=form.cleaned_data["rating"],
            comment=form.cleaned_data["answer"],
            actor=actor,
        )
    elif "actual" in form.fields:
        services.indicator_value_record(
            period=period,
            office=office,
            indicator=indicator,
            actual=form.cleaned_data["actual"],
            note=form.cleaned_data["answer"],
            actor=actor,
        )
    else:
        services.period_compute(period=period, actor=actor)


def _current_line(objection: Objection) -> dict[str, Any]:
    """The published numbers of the objected indicator and the value stored now."""
    card: dict[str, Any] = next(
        (c for c in objection.snapshot.content["offices"] if c["code"] == objection.office.code),
        {"indicators": {}},
    )
    return {
        "published": card["indicators"].get(objection.indicator.code, {}),
        "value": IndicatorValue.objects.filter(
            period=objection.period, office=objection.office, indicator=objection.indicator
        ).first(),
        "rating": EvaluatorScore.objects.filter(
            period=objection.period, office=objection.office, indicator=objection.indicator
        )
        .order_by("-created_at", "-id")
        .first(),
    }


@require_http_methods(["GET", "POST"])
def objection_answer(request: HttpRequest, key: uuid.UUID) -> HttpResponse:
    """Accept (correct the value, then publish revision N+1 with the answer as its reason) or reject."""
    objection = _objection_or_refuse(request, key)
    form = ObjectionAnswerForm(request.POST or None, indicator=objection.indicator)
    status = 200
    if request.method == "POST" and objection.status != ObjectionStatus.OPEN:
        messages.error(request, _("This objection has already been answered."))
        return redirect("evaluation:panel-objection", key=objection.uuid)
    if request.method == "POST" and form.is_valid():
        accept = form.cleaned_data["decision"] == ACCEPT
        if accept and not _correction_differs(objection, form):
            form.add_error(None, _("The corrected value is the value already stored: nothing would change."))
        else:
            try:
                services.objection_answer(
                    objection=objection, accept=accept, answer=form.cleaned_data["answer"], actor=request.user
                )
            except services.EvaluationError as refused:
                messages.error(request, str(refused.message))
                return redirect("evaluation:panel-objection", key=objection.uuid)
            if not accept:
                messages.success(request, _("The objection was rejected; the office sees your reason."))
                return redirect("evaluation:panel-objections")
            return _publish_correction(request, objection, form)
    if request.method == "POST":
        status = 400
    return render(
        request,
        "evaluation/panel_objection.html",
        {"objection": objection, "form": form, **_current_line(objection)},
        status=status,
    )


def _publish_correction(request: HttpRequest, objection: Objection, form: ObjectionAnswerForm) -> HttpResponse:
    period = objection.period
    reason = _("Objection of %(office)s on “%(indicator)s” accepted: %(answer)s") % {
        "office": objection.office.name,
        "indicator": objection.indicator.name,
        "answer": form.cleaned_data["answer"],
    }
    try:
        _correct(objection, form, request.user)
        snapshot = services.period_publish(period=period, actor=request.user, reason=reason)
    except services.NothingChanged:
        messages.warning(
            request, _("The objection was accepted, but the correction changed nothing in the published ranking.")
        )
        return redirect("evaluation:panel-objections")
    except (services.EvaluationError, ValidationError) as error:
        text = str(error.message) if isinstance(error, services.EvaluationError) else _error_text(error)
        messages.error(request, _("The objection was accepted, but the correction failed: %(error)s") % {"error": text})
        return redirect("evaluation:panel-period", key=period.uuid)
    messages.success(
        request,
        _("The objection was accepted and revision %(revision)s of the ranking is published.")
        % {"revision": persian_digits(snapshot.revision)},
    )
    return redirect(reverse("evaluation:period-ranking", kwargs={"key": period.uuid}) + "#history-title")
