"""The office's side of an evaluation period: its logged records (value, description, evidence file), the
evidence it uploads for the evaluators' ratings, and the evidence files themselves.

An office's editors and head record for their own office while the period is open; evaluators may
record at any time (the services decide). Evidence files are internal: served to whoever may view the
office (its people, evaluators, managers) and refused — logged — to anyone else.
"""

from __future__ import annotations

import mimetypes
import uuid
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ayneh.core.security import refuse
from ayneh.evaluation import services
from ayneh.evaluation.forms import EvidenceForm, RecordForm
from ayneh.evaluation.models import Indicator, IndicatorValue, Period, PeriodStatus, Source
from ayneh.evaluation.storage import evidence_storage
from ayneh.offices.access import offices_for_user, user_can
from ayneh.offices.models import Office
from ayneh.offices.roles import Action

# What offices fill in themselves: logged values, and evidence for the evaluators' rubrics.
OFFICE_SOURCES = (Source.LOG, Source.EVAL)


@dataclass(frozen=True, slots=True)
class PeriodOffice:
    period: Period
    office: Office
    recorded: int
    to_record: int


@require_GET
def records_home(request: HttpRequest) -> HttpResponse:
    """The periods in which the user's offices keep records: open ones first, then the rest."""
    offices = offices_for_user(user=request.user, action=Action.EDIT)
    pairs: list[PeriodOffice] = []
    periods = (
        Period.objects.filter(offices__in=offices)
        .distinct()
        .select_related("framework")
        .order_by("status", "-starts_on")
    )
    for period in periods:
        office_list = period.offices.filter(pk__in=offices.values("pk")).order_by("path")
        wanted = period.framework.indicators.filter(source__in=OFFICE_SOURCES).count()
        recorded = dict(
            # Filled in by the office: a logged value entered, or evidence uploaded for a rating.
            IndicatorValue.objects.filter(period=period, office__in=office_list)
            .filter(
                Q(indicator__source=Source.LOG, actual__isnull=False)
                | (Q(indicator__source=Source.EVAL) & ~Q(evidence=""))
            )
            .values("office_id")
            .annotate(n=Count("id"))
            .values_list("office_id", "n")
        )
        pairs.extend(
            PeriodOffice(period=period, office=office, recorded=recorded.get(office.pk, 0), to_record=wanted)
            for office in office_list
        )
    return render(request, "evaluation/records_home.html", {"pairs": pairs})


def _period_office_or_refuse(request: HttpRequest, key: uuid.UUID, code: str, action: Action) -> tuple[Period, Office]:
    office = offices_for_user(user=request.user, action=action).filter(code=code, evaluation_periods__uuid=key).first()
    period = Period.objects.filter(uuid=key).select_related("framework").first()
    if office is None or period is None:
        raise refuse(
            request,
            reason=f"records_{action}",
            target=f"evaluation.records:{key}:{code}",
            office=Office.objects.filter(code=code).first(),
        )
    return period, office


@dataclass(slots=True)
class RecordLine:
    indicator: Indicator
    value: IndicatorValue | None
    form: RecordForm | EvidenceForm


def _record_lines(
    period: Period, office: Office, bound: RecordForm | EvidenceForm | None, bound_code: str
) -> list[RecordLine]:
    indicators = period.framework.indicators.filter(source__in=OFFICE_SOURCES).select_related("axis")
    values = {
        value.indicator_id: value
        for value in IndicatorValue.objects.filter(period=period, office=office).select_related("entered_by")
    }
    lines = []
    for indicator in indicators.order_by("position"):
        value = values.get(indicator.pk)
        form: RecordForm | EvidenceForm
        if bound is not None and indicator.code == bound_code:
            form = bound
        elif indicator.source == Source.LOG:
            initial = {"actual": value.actual, "note": value.note} if value is not None else {}
            form = RecordForm(initial=initial, prefix=indicator.code)
        else:
            form = EvidenceForm(initial={"note": value.note} if value is not None else {}, prefix=indicator.code)
        lines.append(RecordLine(indicator=indicator, value=value, form=form))
    return lines


@require_http_methods(["GET", "POST"])
def office_records(request: HttpRequest, key: uuid.UUID, code: str) -> HttpResponseBase:
    """The office's logged values and evidence for one period; each indicator's form posts on its own."""
    period, office = _period_office_or_refuse(request, key, code, Action.VIEW)
    may_record = user_can(user=request.user, office=office, action=Action.EVALUATE) or (
        period.status == PeriodStatus.OPEN and user_can(user=request.user, office=office, action=Action.EDIT)
    )
    bound: RecordForm | EvidenceForm | None = None
    bound_code, status = "", 200
    if request.method == "POST":
        may_write = user_can(user=request.user, office=office, action=Action.EDIT) or user_can(
            user=request.user, office=office, action=Action.EVALUATE
        )
        if not may_write:  # a manager or another office's person: the service would refuse too
            raise refuse(request, reason="records_edit", target=f"evaluation.records:{key}:{code}", office=office)
        bound_code = request.POST.get("indicator", "")
        indicator = period.framework.indicators.filter(code=bound_code, source__in=OFFICE_SOURCES).first()
        if indicator is None:
            raise refuse(request, reason="records_indicator", target=f"evaluation.records:{key}:{code}:{bound_code}")
        saved = _save(request, period, office, indicator)
        if isinstance(saved, HttpResponseBase):
            return saved
        bound, status = saved, 400
    return render(
        request,
        "evaluation/records_office.html",
        {
            "period": period,
            "office": office,
            "lines": _record_lines(period, office, bound, bound_code),
            "may_record": may_record,
        },
        status=status,
    )


def _save(
    request: HttpRequest, period: Period, office: Office, indicator: Indicator
) -> HttpResponseBase | RecordForm | EvidenceForm:
    """Save one indicator's record; the redirect on success, or the form with its errors."""
    form: RecordForm | EvidenceForm
    if indicator.source == Source.LOG:
        form = RecordForm(request.POST, request.FILES, prefix=indicator.code)
    else:
        form = EvidenceForm(request.POST, request.FILES, prefix=indicator.code)
    if not form.is_valid():
        return form
    try:
        if isinstance(form, RecordForm):
            services.indicator_value_record(
                period=period,
                office=office,
                indicator=indicator,
                actual=form.cleaned_data["actual"],
                note=form.cleaned_data["note"],
                evidence=form.cleaned_data["evidence"],
                actor=request.user,
            )
        else:
            services.indicator_evidence_attach(
                period=period,
                office=office,
                indicator=indicator,
                evidence=form.cleaned_data["evidence"],
                note=form.cleaned_data["note"],
                actor=request.user,
            )
    except services.EvaluationError as refused:
        form.add_error(None, str(refused.message))
        return form
    except ValidationError as error:
        form.add_error(None, " ".join(error.messages))
        return form
    except PermissionDenied:
        raise refuse(
            request, reason="records_edit", target=f"evaluation.records:{period.uuid}:{office.code}", office=office
        ) from None
    messages.success(request, _("“%(indicator)s” was saved.") % {"indicator": indicator.name})
    url = reverse("evaluation:office-records", kwargs={"key": period.uuid, "code": office.code})
    return redirect(f"{url}#record-{indicator.pk}")


@require_GET
def evidence_file(request: HttpRequest, key: uuid.UUID, code: str, indicator: str) -> HttpResponseBase:
    """An evidence file, to whoever may view the office's internal data."""
    office = offices_for_user(user=request.user, action=Action.VIEW).filter(code=code).first()
    value = (
        IndicatorValue.objects.filter(period__uuid=key, office=office, indicator__code=indicator)
        .exclude(evidence="")
        .first()
        if office is not None
        else None
    )
    if value is None:
        raise refuse(
            request,
            reason="evidence_view",
            target=f"evaluation.evidence:{key}:{code}:{indicator}",
            office=Office.objects.filter(code=code).first(),
        )
    storage, name = evidence_storage(), value.evidence.name or ""
    if not name or not storage.exists(name):
        raise Http404
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(
        storage.open(name, "rb"),
        content_type=content_type,
        as_attachment=True,
        filename=value.evidence_name or name.rsplit("/", 1)[-1],
    )
    response["Cache-Control"] = "private, no-store"
    return response
