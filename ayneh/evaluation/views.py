"""Published rankings and scorecards: the national ranking of a period, an office's scorecard that explains
every number, and the ranking as an Excel file.

Who sees what (issue 5): every signed-in user sees the published national ranking; an office's scorecard
is seen by the people of that office (Action.VIEW, which covers the offices below theirs) and by evaluators
and managers, whose ministry membership covers every office. Anything else — an unpublished period, an
office outside the user's scope or outside the period — is `refuse(...)`: a logged 404.

Numbers shown come from the latest published snapshot; the drill-down adds what produced them from the
period's stored indicator values (the releases and events counted, the rating and its comment).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ayneh.core.jalali import format_jalali
from ayneh.core.security import refuse
from ayneh.core.templatetags.persian import fa_digits
from ayneh.evaluation import services
from ayneh.evaluation.exports import (
    XLSX_CONTENT_TYPE,
    ranking_table,
    ranking_workbook,
    superlative_phrase,
    tier_label,
)
from ayneh.evaluation.forms import ObjectionForm
from ayneh.evaluation.indicators.base import EvidenceKind, evidence_kind
from ayneh.evaluation.models import (
    EvaluatorScore,
    Indicator,
    IndicatorValue,
    Objection,
    Period,
    PeriodStatus,
    RankingSnapshot,
    Source,
)
from ayneh.monitoring.models import OutletTier, Pickup
from ayneh.newsroom.models import Event, Release
from ayneh.offices.access import offices_for_user, user_can
from ayneh.offices.models import Office
from ayneh.offices.roles import Action


def _input_label(name: str) -> str:
    labels = {
        "releases": _("Releases counted"),
        "timely": _("Published in time"),
        "late": _("Published late"),
        "multimedia": _("Releases with photo or media"),
        "covered": _("Events covered by a release"),
        "uncovered": _("Events without a release"),
        "hours": _("Hours allowed after the event"),
        "published": _("Releases published"),
        "computer": _("Computed by"),
        "picked_up": _("Releases picked up by outlets"),
        "not_picked_up": _("Releases not picked up"),
        "pickups": _("Pickups counted"),
        "credited": _("Pickups that credit the office"),
        "uncredited": _("Pickups without credit to the office"),
        "days": _("Days allowed after publication"),
        "confirmed": _("Pickups confirmed by a person"),
        "suggested": _("Pickups suggested by the matcher"),
        "tier_weights": _("Weight per outlet tier"),
        "outlets_by_tier": _("Outlets per tier"),
        "weighted_outlets": _("Weighted outlets"),
    }
    return labels.get(name, name)


# --- scoped lookups -------------------------------------------------------------------------------------


def _published_periods() -> list[Period]:
    """Every published period, newest first (offices see the national ranking of each)."""
    return list(Period.objects.filter(status=PeriodStatus.PUBLISHED).order_by("-starts_on", "-id"))


def _published_period_or_refuse(request: HttpRequest, key: uuid.UUID) -> Period:
    period = Period.objects.filter(uuid=key, status=PeriodStatus.PUBLISHED).select_related("framework").first()
    if period is None:
        raise refuse(request, reason="period_unpublished", target=f"evaluation.period:{key}")
    return period


def _latest_snapshot_or_refuse(request: HttpRequest, period: Period) -> RankingSnapshot:
    snapshot = RankingSnapshot.objects.filter(period=period).order_by("-revision").first()
    if snapshot is None:  # a published period always has one; guard against a half-written database
        raise refuse(request, reason="period_without_snapshot", target=f"evaluation.period:{period.uuid}")
    return snapshot


def _scorecard_office_or_refuse(request: HttpRequest, period: Period, code: str) -> Office:
    """The office of the period with this code, if the user may read its internal data."""
    office = (
        offices_for_user(user=request.user, action=Action.VIEW).filter(code=code, evaluation_periods=period).first()
    )
    if office is None:
        raise refuse(
            request,
            reason="scorecard_office_scope",
            target=f"evaluation.scorecard:{period.uuid}:{code}",
            office=Office.objects.filter(code=code).first(),
        )
    return office


def _viewable_office_codes(user: Any) -> set[str]:
    return set(offices_for_user(user=user, action=Action.VIEW).values_list("code", flat=True))


# --- formatting ------------------------------------------------------------------------------------------


def _shown(value: Any, *, bands: Mapping[str, str]) -> str:
    """A before/after value of a revision's diff as a person reads it."""
    if value is None:
        return _("no data")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, str):
        return bands.get(value, value)
    return fa_digits(f"{value:g}" if isinstance(value, float) else value)


def _field_label(name: str) -> str:
    labels = {
        "total": _("Total"),
        "coverage": _("Data coverage"),
        "graded": _("Graded"),
        "band": _("Grade"),
        "rank": _("National rank"),
        "tier_rank": _("Rank in tier"),
        "superlative": _("Superlative"),
        "score": _("Score"),
        "actual": _("Value"),
        "target": _("Target"),
    }
    return labels.get(name, name)


@dataclass(frozen=True, slots=True)
class Change:
    what: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class OfficeChanges:
    name: str
    changes: list[Change]


@dataclass(frozen=True, slots=True)
class RevisionEntry:
    snapshot: RankingSnapshot
    offices: list[OfficeChanges]
    offices_added: list[str]
    offices_removed: list[str]
    framework_changed: bool


def _revision_entry(snapshot: RankingSnapshot, *, content: Mapping[str, Any]) -> RevisionEntry:
    """A revision with its diff against the previous one in words (`content` names offices, axes,
    indicators and bands: the latest revision's framework summary)."""
    names = {card["code"]: card["name"] for card in content["offices"]}
    axes = {axis["code"]: axis["name"] for axis in content["framework"]["axes"]}
    indicators = {indicator["code"]: indicator["name"] for indicator in content["framework"]["indicators"]}
    bands = {band["code"]: band["name"] for band in content["framework"]["bands"]}
    diff = snapshot.diff or {}
    offices = []
    for code, delta in diff.get("offices", {}).items():
        changes = [
            Change(what=_field_label(name), before=_shown(pair[0], bands=bands), after=_shown(pair[1], bands=bands))
            for name, pair in delta.items()
            if name not in ("axes", "indicators")
        ]
        for group, labels in (("axes", axes), ("indicators", indicators)):
            for item, fields in delta.get(group, {}).items():
                changes.extend(
                    Change(
                        what=f"{labels.get(item, item)} — {_field_label(name)}",
                        before=_shown(pair[0], bands=bands),
                        after=_shown(pair[1], bands=bands),
                    )
                    for name, pair in fields.items()
                )
        offices.append(OfficeChanges(name=names.get(code, code), changes=changes))
    return RevisionEntry(
        snapshot=snapshot,
        offices=offices,
        offices_added=[names.get(code, code) for code in diff.get("offices_added", [])],
        offices_removed=list(diff.get("offices_removed", [])),
        framework_changed=bool(diff.get("framework_changed")),
    )


# --- the national ranking -------------------------------------------------------------------------------


@require_GET
def ranking(request: HttpRequest, key: uuid.UUID | None = None) -> HttpResponse:
    """The latest revision of a published period's national ranking (the newest period without `key`)."""
    periods = _published_periods()
    if key is None:
        if not periods:
            return render(request, "evaluation/ranking_empty.html", {})
        period = periods[0]
    else:
        period = _published_period_or_refuse(request, key)
    snapshot = _latest_snapshot_or_refuse(request, period)
    history = list(
        RankingSnapshot.objects.filter(period=period)
        .defer("content")
        .select_related("published_by")
        .order_by("-revision")
    )
    content = snapshot.content
    return render(
        request,
        "evaluation/ranking.html",
        {
            "period": period,
            "periods": periods,
            "snapshot": snapshot,
            "table": ranking_table(content),
            "framework": content["framework"],
            "history": [_revision_entry(entry, content=content) for entry in history],
            "viewable": _viewable_office_codes(request.user),
            "superlative_phrase": superlative_phrase(),
        },
    )


@require_GET
def ranking_xlsx(request: HttpRequest, key: uuid.UUID) -> HttpResponse:
    """The latest revision of the period's national ranking as an Excel workbook."""
    period = _published_period_or_refuse(request, key)
    snapshot = _latest_snapshot_or_refuse(request, period)
    response = HttpResponse(ranking_workbook(snapshot), content_type=XLSX_CONTENT_TYPE)
    filename = f"ayneh-ranking-{period.code}-r{snapshot.revision}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- the office scorecard -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    title: str
    url: str
    when: str
    outlet: str = ""  # pickups: the outlet that published the article
    external: bool = False  # pickups: the article on the outlet's site
    detail_url: str = ""  # pickups: the release's pickups page in monitoring


@dataclass(frozen=True, slots=True)
class EvidenceGroup:
    label: str
    kind: str
    items: list[EvidenceItem]
    missing: int  # keys counted whose record is no longer there (deleted since the computation)


@dataclass(slots=True)
class IndicatorLine:
    """One scorecard line: the published numbers and what produced them."""

    indicator: Indicator
    published: Mapping[str, Any]
    score_percent: float | None
    value: IndicatorValue | None
    rating: EvaluatorScore | None = None
    rubric_text: str = ""
    facts: list[tuple[str, str]] = field(default_factory=list)
    evidence: list[EvidenceGroup] = field(default_factory=list)

    @property
    def changed_since_publication(self) -> bool:
        """The stored value differs from the published one: a correction awaits the next revision."""
        current = self.value.actual if self.value is not None else None
        published = self.published.get("actual")
        if current is None or published is None:
            return current is not published
        return abs(current - published) > 1e-4


def _keys_in(values: Iterable[IndicatorValue], kind: EvidenceKind) -> set[str]:
    """Every key of `kind` the values' inputs list (as strings: pickup keys are integers in the inputs)."""
    return {
        str(key)
        for value in values
        for name, keys in value.inputs.items()
        if evidence_kind(name) == kind and isinstance(keys, list)
        for key in keys
    }


def _fact_text(name: str, item: Any) -> str:
    """A plain input as a person reads it: numbers in Persian digits, a mapping as «key: value» pairs."""
    if isinstance(item, str):
        return item
    if isinstance(item, Mapping):
        tiers = dict(OutletTier.choices)
        return "، ".join(f"{tiers.get(key, key)}: {fa_digits(_number(value))}" for key, value in item.items())
    return fa_digits(_number(item))


def _number(value: Any) -> Any:
    return f"{value:g}" if isinstance(value, float) else value


def _evidence_groups(
    value: IndicatorValue, *, lookups: Mapping[EvidenceKind, Mapping[str, EvidenceItem]]
) -> tuple[list[EvidenceGroup], list[tuple[str, str]]]:
    groups, facts = [], []
    for name, item in value.inputs.items():
        if name == "computer":
            # The registry name of the computer ("pickup_rate") is an internal identifier; the indicator's
            # title above already says what was computed, and evaluators see the name in the framework.
            continue
        kind = evidence_kind(name)
        if kind is None or not isinstance(item, list):
            facts.append((_input_label(name), _fact_text(name, item)))
            continue
        lookup = lookups.get(kind, {})
        found = [lookup[str(key)] for key in item if str(key) in lookup]
        groups.append(
            EvidenceGroup(label=_input_label(name), kind=str(kind), items=found, missing=len(item) - len(found))
        )
    return groups, facts


def _release_items(office: Office, keys: set[str]) -> dict[str, EvidenceItem]:
    rows = Release.objects.filter(office=office, uuid__in=keys).values_list("uuid", "title", "published_at")
    return {
        str(key): EvidenceItem(
            title=title,
            url=reverse("newsroom:release-detail", kwargs={"key": key}),
            when=format_jalali(published_at) if published_at else "",
        )
        for key, title, published_at in rows
    }


def _event_items(office: Office, keys: set[str]) -> dict[str, EvidenceItem]:
    rows = Event.objects.filter(office=office, uuid__in=keys).values_list("uuid", "title", "starts_at")
    return {
        str(key): EvidenceItem(
            title=title, url=reverse("newsroom:event-detail", kwargs={"key": key}), when=format_jalali(starts_at)
        )
        for key, title, starts_at in rows
    }


def _pickup_items(office: Office, keys: set[str]) -> dict[str, EvidenceItem]:
    """The pickups of the office's own releases among `keys`: outlet, article title and address, date."""
    numbers = [int(key) for key in keys if key.isdigit()]
    rows = Pickup.objects.filter(pk__in=numbers, release__office=office).values_list(
        "pk",
        "outlet__name",
        "article__title",
        "article__url",
        "article__published_at",
        "article__fetched_at",
        "release__uuid",
        "release__title",
    )
    return {
        str(pk): EvidenceItem(
            title=article_title or release_title,
            url=url,
            when=format_jalali(published_at or fetched_at),
            outlet=outlet,
            external=True,
            detail_url=reverse("monitoring:release-pickups", kwargs={"key": release_key}),
        )
        for pk, outlet, article_title, url, published_at, fetched_at, release_key, release_title in rows
    }


def _latest_ratings(period: Period, office: Office) -> dict[int, EvaluatorScore]:
    """The rating that counts (the latest) per indicator."""
    latest: dict[int, EvaluatorScore] = {}
    scores = (
        EvaluatorScore.objects.filter(period=period, office=office)
        .select_related("evaluator")
        .order_by("indicator_id", "-created_at", "-id")
    )
    for score in scores:
        latest.setdefault(score.indicator_id, score)
    return latest


def _scorecard_lines(period: Period, office: Office, card: Mapping[str, Any]) -> list[IndicatorLine]:
    indicators = list(period.framework.indicators.select_related("axis").order_by("position", "id"))
    values = {
        value.indicator_id: value
        for value in IndicatorValue.objects.filter(period=period, office=office).select_related("entered_by")
    }
    auto_values = [value for value in values.values() if value.source == Source.AUTO]
    lookups = {
        EvidenceKind.RELEASE: _release_items(office, _keys_in(auto_values, EvidenceKind.RELEASE)),
        EvidenceKind.EVENT: _event_items(office, _keys_in(auto_values, EvidenceKind.EVENT)),
        EvidenceKind.PICKUP: _pickup_items(office, _keys_in(auto_values, EvidenceKind.PICKUP)),
    }
    ratings = _latest_ratings(period, office)
    lines = []
    for indicator in indicators:
        published = card["indicators"].get(indicator.code, {})
        score = published.get("score")
        line = IndicatorLine(
            indicator=indicator,
            published=published,
            score_percent=None if score is None else round(score * 100, 2),
            value=values.get(indicator.pk),
            rating=ratings.get(indicator.pk),
        )
        if line.value is not None and line.value.source == Source.AUTO:
            line.evidence, line.facts = _evidence_groups(line.value, lookups=lookups)
        if line.rating is not None and indicator.rubric:
            line.rubric_text = indicator.rubric[line.rating.rating]
        lines.append(line)
    return lines


@require_GET
def scorecard(request: HttpRequest, key: uuid.UUID, code: str) -> HttpResponse:
    """One office's scorecard in the latest revision: totals, axes and every indicator with its evidence."""
    period = _published_period_or_refuse(request, key)
    office = _scorecard_office_or_refuse(request, period, code)
    return _scorecard_render(request, period, office)


def _scorecard_render(
    request: HttpRequest, period: Period, office: Office, form: ObjectionForm | None = None, status: int = 200
) -> HttpResponse:
    snapshot = _latest_snapshot_or_refuse(request, period)
    card = next((card for card in snapshot.content["offices"] if card["code"] == office.code), None)
    if card is None:  # the office joined the period after the latest revision
        raise refuse(
            request,
            reason="scorecard_not_ranked",
            target=f"evaluation.scorecard:{period.uuid}:{office.code}",
            office=office,
        )
    framework = snapshot.content["framework"]
    axes = [
        {"name": axis["name"], "weight": axis["weight"], **card["axes"].get(axis["code"], {})}
        for axis in framework["axes"]
    ]
    return render(
        request,
        "evaluation/scorecard.html",
        {
            "period": period,
            "office": office,
            "snapshot": snapshot,
            "card": card,
            "tier_label": tier_label(card["tier"]),
            "coverage_percent": round(card["coverage"] * 100, 2),
            "axes": axes,
            "lines": _scorecard_lines(period, office, card),
            "superlative_phrase": superlative_phrase(),
            **_objections_context(request, period, office, form),
        },
        status=status,
    )


# --- objections from the scorecard ----------------------------------------------------------------------


def _objections_context(
    request: HttpRequest, period: Period, office: Office, form: ObjectionForm | None = None
) -> dict[str, Any]:
    """The office's objections in this period, the window's deadline and, for the office's head while the
    window is open, the form to file one."""
    deadline = services.objection_deadline(period=period)
    window_open = deadline is not None and timezone.now() <= deadline
    may_object = window_open and user_can(user=request.user, office=office, action=Action.REVIEW)
    return {
        "objections": Objection.objects.filter(period=period, office=office)
        .select_related("indicator", "snapshot", "filed_by", "evaluator")
        .order_by("-filed_at", "-id"),
        "objection_deadline": deadline,
        "objection_window_open": window_open,
        # A refused objection comes back with its text and the reason, even when the window closed meanwhile.
        "objection_form": form if form is not None else ObjectionForm(period=period) if may_object else None,
    }


@require_POST
def objection_file(request: HttpRequest, key: uuid.UUID, code: str) -> HttpResponse:
    """The office's head objects to one indicator's score; back to the scorecard either way."""
    period = _published_period_or_refuse(request, key)
    office = _scorecard_office_or_refuse(request, period, code)
    if not user_can(user=request.user, office=office, action=Action.REVIEW):
        raise refuse(request, reason="objection_not_head", target=f"evaluation.objection:{key}:{code}", office=office)
    form = ObjectionForm(request.POST, period=period)
    url = reverse("evaluation:scorecard", kwargs={"key": period.uuid, "code": office.code})
    if form.is_valid():
        try:
            services.objection_file(
                period=period,
                office=office,
                indicator=form.cleaned_data["indicator"],
                text=form.cleaned_data["text"],
                actor=request.user,
            )
        except services.EvaluationError as refused:
            form.add_error(None, str(refused.message))
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        except PermissionDenied:
            raise refuse(
                request, reason="objection_file", target=f"evaluation.objection:{key}:{code}", office=office
            ) from None
        else:
            messages.success(request, _("Your objection was filed; the evaluators will answer it."))
            return redirect(f"{url}#objections")
    # The head's text stays in the form, with the reason it was not filed.
    return _scorecard_render(request, period, office, form=form, status=400)
