"""The charts of the evaluation pages and PDFs, from a published snapshot: an office's axes against the
national median (radar), its total and rank over the published periods (trend), and the offices per grade
band (bars). `mode` picks the browser's or WeasyPrint's labels (see charts.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from ayneh.core.jalali import persian_digits
from ayneh.evaluation.models import Period
from ayneh.reports.charts import Chart, Labels, TrendPoint, band_chart, radar_chart, trend_chart
from ayneh.reports.selectors import axis_medians, band_counts, office_history, ungraded_count


def axes_radar(*, content: Mapping[str, Any], card: Mapping[str, Any], mode: Labels) -> Chart:
    """The office's axes with data (an axis without is left out, not drawn as 0; the axes table beside the
    chart says «no data») against the national median of each."""
    medians = axis_medians(content)
    axes = [
        axis for axis in content["framework"]["axes"] if card["axes"].get(axis["code"], {}).get("score") is not None
    ]
    return radar_chart(
        title=_("Axis scores of %(office)s against the national median") % {"office": card["name"]},
        axes=[axis["name"] for axis in axes],
        series=[
            (card["name"], [card["axes"].get(axis["code"], {}).get("score") for axis in axes]),
            (_("National median"), [medians[axis["code"]] for axis in axes]),
        ],
        mode=mode,
    )


def total_trend(*, period: Period, card: Mapping[str, Any], mode: Labels) -> Chart:
    points = [
        TrendPoint(label=persian_digits(past.title), total=past_card["total"], rank=past_card["rank"])
        for past, past_card in office_history(period=period, office_code=card["code"])
    ]
    return trend_chart(
        title=_("Total score and national rank of %(office)s over the published periods") % {"office": card["name"]},
        points=points,
        total_name=_("Total (0–100)"),
        rank_name=_("National rank (right axis; 1 is best)"),
        mode=mode,
    )


def bands_bars(*, content: Mapping[str, Any], mode: Labels) -> Chart:
    bands = band_counts(content)
    ungraded = ungraded_count(content)
    if ungraded:
        bands.append((_("Not graded"), ungraded))
    return band_chart(title=_("Offices per grade band"), bands=bands, series_name=_("Number of offices"), mode=mode)
