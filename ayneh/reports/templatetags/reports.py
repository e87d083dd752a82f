"""The charts on the scorecard page, inlined as SVG (styled by reports/charts.css: no inline style, so the
strict CSP holds) with their legend as HTML."""

from collections.abc import Mapping
from typing import Any

from django import template

from ayneh.evaluation.models import Period, RankingSnapshot
from ayneh.reports.charts import Labels
from ayneh.reports.figures import axes_radar, total_trend

register = template.Library()


@register.inclusion_tag("reports/_scorecard_charts.html")
def scorecard_charts(period: Period, snapshot: RankingSnapshot, card: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "radar": axes_radar(content=snapshot.content, card=card, mode=Labels.TEXT),
        "trend": total_trend(period=period, card=card, mode=Labels.TEXT),
    }
