"""The coverage pages: the monitoring view (national or per office), a release's pickups with how each
outlet edited it, the head's confirm/reject decision, and CSV/Excel exports of every list.

Views parse the request, call selectors (reads) and services (writes), and render. A pickup or release
outside the person's offices is refused as "not found" (`ayneh.core.security.refuse`: logged and audited);
a person who may see a pickup but not decide on it gets 403, also logged.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from ayneh.core.jalali import format_jalali
from ayneh.core.security import refuse
from ayneh.monitoring import selectors, services
from ayneh.monitoring.editdiff import EditDiff, edit_diff
from ayneh.monitoring.exports import FORMATS, Column, export_response
from ayneh.monitoring.models import Article, Pickup, PickupStatus
from ayneh.monitoring.pickups import release_plain_text
from ayneh.newsroom import selectors as newsroom_selectors
from ayneh.newsroom.models import Release
from ayneh.offices.access import offices_for_user, user_can
from ayneh.offices.models import Office
from ayneh.offices.roles import Action

# How far back each view looks: twelve Jalali weeks, or twelve Jalali months.
PERIODS = {"week": 12, "month": 12}
MENTIONS_SHOWN = 20
RELEASES_SHOWN = 50


class CoverageFilterForm(forms.Form):
    """The monitoring view's filters (GET). An office outside the person's offices is a form error."""

    office = forms.ModelChoiceField(
        label=gettext_lazy("Office"),
        required=False,
        queryset=Office.objects.none(),
        to_field_name="code",
        empty_label=gettext_lazy("All my offices"),
    )
    period = forms.ChoiceField(
        label=gettext_lazy("Coverage per"),
        required=False,
        initial="month",
        choices=[("week", gettext_lazy("Week")), ("month", gettext_lazy("Month"))],
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["office"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 — declared just above
        field.queryset = offices_for_user(user=user, action=Action.VIEW).order_by("path")

    def chosen_office(self) -> Office | None:
        """The office chosen, or None for all (also when the choice was not one of the person's offices:
        the form then shows the error, and the page shows every office they may see)."""
        self.is_valid()
        return getattr(self, "cleaned_data", {}).get("office")

    def chosen_period(self) -> str:
        self.is_valid()
        return getattr(self, "cleaned_data", {}).get("period") or "month"


def _scope(request: HttpRequest) -> tuple[CoverageFilterForm, selectors.CoverageScope, str, dt.datetime]:
    form = CoverageFilterForm(request.GET or None, user=request.user)
    period = form.chosen_period()
    now = timezone.now()
    start = selectors.coverage_buckets_start(now=now, period=period, count=PERIODS[period])
    since = timezone.make_aware(dt.datetime.combine(start, dt.time.min))
    scope = selectors.coverage_scope(user=request.user, office=form.chosen_office(), since=since)
    return form, scope, period, now


# --- the chart ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Bar:
    """One stacked bar of the coverage chart (pickups below, coverage not from a release above), laid out
    in the SVG's own units as attribute strings: the strict CSP allows no inline styles, and numbers written
    here are never reformatted by a locale."""

    label: str  # «آبان ۱۴۰۵», «۱۵ آبان ۱۴۰۵» (the table)
    short: str  # «آبان», «۱۵ آبان» (under the bar, where room is short)
    count: int
    unoriginated: int
    total: int
    x: str
    width: str
    y: str  # top of the pickups part
    height: str
    other_y: str  # top of the part not from a release
    other_height: str
    label_x: str
    value_y: str


CHART_WIDTH = 720
CHART_HEIGHT = 220
CHART_TOP = 24  # room for the count above the tallest bar
CHART_BOTTOM = 40  # room for the labels under the bars


def chart_bars(buckets: Sequence[selectors.CoverageBucket], period: str) -> list[Bar]:
    """Bars from right to left, the oldest on the right, as a Persian reader expects time to run."""
    if not buckets:
        return []
    peak = max(bucket.total for bucket in buckets) or 1
    slot = CHART_WIDTH / len(buckets)
    usable = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM
    base = CHART_TOP + usable
    bars = []
    for index, bucket in enumerate(buckets):
        height = usable * bucket.count / peak
        other = usable * bucket.unoriginated / peak
        x = CHART_WIDTH - (index + 1) * slot + slot * 0.15
        label = _bucket_label(bucket.start, period)
        bars.append(
            Bar(
                label=label,
                short=label.rsplit(" ", 1)[0],
                count=bucket.count,
                unoriginated=bucket.unoriginated,
                total=bucket.total,
                x=f"{x:.1f}",
                width=f"{slot * 0.7:.1f}",
                y=f"{base - height:.1f}",
                height=f"{height:.1f}",
                other_y=f"{base - height - other:.1f}",
                other_height=f"{other:.1f}",
                label_x=f"{x + slot * 0.35:.1f}",
                value_y=f"{base - height - other - 6:.1f}",
            )
        )
    return bars


def _bucket_label(start: dt.date, period: str) -> str:
    if period == "week":
        return format_jalali(start, with_time=False)
    text = format_jalali(start, with_time=False)
    return text.split(" ", 1)[1]  # «۱ خرداد ۱۴۰۳» → «خرداد ۱۴۰۳»


# --- the monitoring view ---------------------------------------------------------------------------------


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    form, scope, period, now = _scope(request)
    buckets = selectors.coverage_over_time(scope=scope, period=period, now=now)
    offices = form.fields["office"].queryset  # type: ignore[attr-defined]
    mentions = selectors.unoriginated_mentions(scope=scope)
    releases = selectors.releases_with_pickups(scope=scope)
    context = {
        "form": form,
        "scope": scope,
        "period": period,
        "national": offices.count() > 1,
        "has_offices": offices.exists(),
        "buckets": buckets,
        "bars": chart_bars(buckets, period),
        "chart": {
            "width": CHART_WIDTH,
            "height": CHART_HEIGHT,
            "base": CHART_HEIGHT - CHART_BOTTOM,
            "label_y": CHART_HEIGHT - CHART_BOTTOM + 18,
        },
        "total": sum(bucket.count for bucket in buckets),
        "total_unoriginated": sum(bucket.unoriginated for bucket in buckets),
        "outlets": selectors.coverage_by_outlet(scope=scope),
        "tiers": selectors.coverage_by_tier(scope=scope),
        "speakers": selectors.top_speakers(scope=scope),
        "mentions": mentions[:MENTIONS_SHOWN],
        "mention_count": mentions.count(),
        "releases": releases[:RELEASES_SHOWN],
        "release_count": releases.count(),
        "query": request.GET.urlencode(),
    }
    return render(request, "monitoring/home.html", context)


# --- exports of the monitoring view's lists -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExportList:
    title: str
    columns: Callable[[], list[Column]]
    items: Callable[[selectors.CoverageScope, str, dt.datetime], Any]


def _coverage_columns() -> list[Column]:
    return [
        Column(_("Period starting"), lambda b: b.start),
        Column(_("Pickups"), lambda b: b.count),
        Column(_("Coverage not from a release"), lambda b: b.unoriginated),
    ]


def _outlet_columns() -> list[Column]:
    return [
        Column(_("Outlet"), lambda r: r.outlet.name),
        Column(_("Tier"), lambda r: r.outlet.get_tier_display()),
        Column(_("Province"), lambda r: r.outlet.province),
        Column(_("Pickups"), lambda r: r.pickups),
        Column(_("Releases carried"), lambda r: r.releases),
        Column(_("Credited the office"), lambda r: r.credited),
    ]


def _tier_columns() -> list[Column]:
    return [
        Column(_("Tier"), lambda r: r.label),
        Column(_("Outlets"), lambda r: r.outlets),
        Column(_("Pickups"), lambda r: r.pickups),
    ]


def _quote_columns() -> list[Column]:
    return [
        Column(_("Speaker"), lambda q: q.speaker),
        Column(_("Role"), lambda q: q.speaker_role),
        Column(_("Quote"), lambda q: q.text),
        Column(_("Outlet"), lambda q: q.article.outlet.name),
        Column(_("Article"), lambda q: q.article.title),
        Column(_("Published"), lambda q: q.article.published_at),
        Column(_("Address"), lambda q: q.article.url),
    ]


def _mention_columns() -> list[Column]:
    return [
        Column(_("Title"), lambda a: a.title),
        Column(_("Outlet"), lambda a: a.outlet.name),
        Column(_("How"), lambda a: _("credit") if a.credits_office else _("mention")),
        Column(_("Credited office"), lambda a: a.source_office.name if a.source_office else ""),
        Column(_("Credit line"), lambda a: a.attribution_text),
        Column(_("Office named"), lambda a: a.named_office_name or ""),
        Column(_("Name as written"), lambda a: a.named_text or ""),
        Column(_("Published"), lambda a: a.published_at),
        Column(_("Address"), lambda a: a.url),
    ]


def _release_columns() -> list[Column]:
    return [
        Column(_("Release"), lambda r: r.title),
        Column(_("Office"), lambda r: r.office.name),
        Column(_("Published"), lambda r: r.published_at),
        Column(_("Pickups"), lambda r: r.pickup_count),
        Column(_("Outlets"), lambda r: r.outlet_count),
        Column(_("Confirmed"), lambda r: r.confirmed_count),
        Column(_("Credited the office"), lambda r: r.credited_count),
    ]


EXPORT_LISTS: dict[str, ExportList] = {
    "coverage": ExportList(
        "coverage",
        _coverage_columns,
        lambda scope, period, now: selectors.coverage_over_time(scope=scope, period=period, now=now),
    ),
    "outlets": ExportList("outlets", _outlet_columns, lambda scope, _p, _n: selectors.coverage_by_outlet(scope=scope)),
    "tiers": ExportList("tiers", _tier_columns, lambda scope, _p, _n: selectors.coverage_by_tier(scope=scope)),
    "quotes": ExportList("quotes", _quote_columns, lambda scope, _p, _n: selectors.speaker_quotes(scope=scope)),
    "mentions": ExportList(
        "mentions", _mention_columns, lambda scope, _p, _n: selectors.unoriginated_mentions(scope=scope)
    ),
    "releases": ExportList(
        "releases", _release_columns, lambda scope, _p, _n: selectors.releases_with_pickups(scope=scope)
    ),
}


@require_GET
def coverage_export(request: HttpRequest, name: str, fmt: str) -> HttpResponse:
    """One list of the monitoring view, with the same filters, as CSV or Excel."""
    listing = EXPORT_LISTS.get(name)
    if listing is None or fmt not in FORMATS:
        raise Http404
    _form, scope, period, now = _scope(request)
    return export_response(
        fmt,
        name=f"monitoring-{name}",
        title=listing.title,
        columns=listing.columns(),
        items=listing.items(scope, period, now),
    )


# --- a release's pickups --------------------------------------------------------------------------------


def _release_or_refuse(request: HttpRequest, key: uuid.UUID) -> Release:
    try:
        return newsroom_selectors.release_get_for_user(user=request.user, key=key, action=Action.VIEW)
    except Release.DoesNotExist:
        raise refuse(
            request,
            reason="monitoring_release_view",
            target=f"newsroom.release:{key}",
            office=newsroom_selectors.release_office_for_audit(key=key),
        ) from None


@dataclass(frozen=True, slots=True)
class PickupView:
    """A pickup as the page shows it: the row, and how the outlet edited the release (headline and text)."""

    pickup: Pickup
    headline: EditDiff
    body: EditDiff


def _credit_span(article: Article) -> tuple[int, int] | None:
    if article.attribution_start is None or article.attribution_end is None:
        return None
    return (article.attribution_start, article.attribution_end)


def pickup_view(pickup: Pickup, release: Release) -> PickupView:
    release_body = release_plain_text(title="", lead=release.lead, body_html=release.body_html)
    article = pickup.article
    return PickupView(
        pickup=pickup,
        headline=edit_diff(release.title, article.title),
        body=edit_diff(release_body, article.text, credit=_credit_span(article)),
    )


@require_GET
def release_pickups(request: HttpRequest, key: uuid.UUID) -> HttpResponse:
    release = _release_or_refuse(request, key)
    pickups = selectors.release_pickups(release=release).select_related("decided_by")
    context = {
        "release": release,
        "items": [pickup_view(pickup, release) for pickup in pickups],
        "may_decide": user_can(user=request.user, office=release.office, action=Action.REVIEW),
    }
    return render(request, "monitoring/release_pickups.html", context)


def _pickup_columns() -> list[Column]:
    return [
        Column(_("Outlet"), lambda v: v.pickup.outlet.name),
        Column(_("Tier"), lambda v: v.pickup.outlet.get_tier_display()),
        Column(_("Article"), lambda v: v.pickup.article.title),
        Column(_("Published"), lambda v: v.pickup.article.published_at),
        Column(_("Similarity"), lambda v: round(v.pickup.similarity, 3)),
        Column(_("Share of the release kept"), lambda v: round(v.body.summary.kept_share, 3)),
        Column(_("Credited the office"), lambda v: v.pickup.attribution),
        Column(_("Credit line"), lambda v: v.pickup.article.attribution_text),
        Column(_("Status"), lambda v: v.pickup.get_status_display()),
        Column(_("Decided by"), lambda v: str(v.pickup.decided_by) if v.pickup.decided_by else ""),
        Column(_("Decided at"), lambda v: v.pickup.decided_at),
        Column(_("Address"), lambda v: v.pickup.article.url),
    ]


@require_GET
def release_pickups_export(request: HttpRequest, key: uuid.UUID, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    release = _release_or_refuse(request, key)
    pickups = selectors.release_pickups(release=release).select_related("decided_by")
    return export_response(
        fmt,
        name="release-pickups",
        title="pickups",
        columns=_pickup_columns(),
        items=(pickup_view(pickup, release) for pickup in pickups),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("confirm", "confirm"), ("reject", "reject")])
    # The status the head saw: a decision taken on a stale page is a conflict, not a silent overwrite.
    seen = forms.ChoiceField(choices=PickupStatus.choices)
    note = forms.CharField(required=False, max_length=1000)


@require_POST
def pickup_decide(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        pickup = selectors.pickup_get_for_user(user=request.user, pk=pk)
    except Pickup.DoesNotExist:
        raise refuse(
            request,
            reason="monitoring_pickup_view",
            target=f"monitoring.pickup:{pk}",
            office=selectors.pickup_office_for_audit(pk=pk),
        ) from None
    release = pickup.release
    back = redirect(f"{_release_pickups_url(release)}#pickup-{pickup.pk}")
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The decision could not be read. Please try again."))
        return back
    pickup.status = form.cleaned_data["seen"]
    decide = services.pickup_confirm if form.cleaned_data["decision"] == "confirm" else services.pickup_reject
    try:
        decide(pickup=pickup, actor=request.user, note=form.cleaned_data["note"])
    except PermissionDenied:
        refuse(request, reason="monitoring_pickup_decide", target=f"monitoring.pickup:{pk}", office=release.office)
        raise PermissionDenied(_("Only the head of the release's office may confirm or reject its pickups.")) from None
    except services.PickupConflict:
        messages.warning(
            request,
            _("Someone else decided on this pickup meanwhile. Their decision is shown below; nothing was changed."),
        )
        return back
    if form.cleaned_data["decision"] == "confirm":
        messages.success(request, _("The pickup by %(outlet)s was confirmed.") % {"outlet": pickup.outlet.name})
    else:
        messages.success(request, _("The pickup by %(outlet)s was rejected.") % {"outlet": pickup.outlet.name})
    return back


def _release_pickups_url(release: Release) -> str:
    return reverse("monitoring:release-pickups", kwargs={"key": release.uuid})
