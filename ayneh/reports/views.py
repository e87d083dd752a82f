"""The evaluation PDFs: a published period's national ranking and an office's scorecard.

Who may download what is exactly what the pages allow, by the same lookups (imported from the evaluation
views): the ranking PDF for any signed-in user once the period is published, an office's scorecard PDF for
the people who may open that scorecard page; anything else is the same logged 404.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from ayneh.core.security import refuse
from ayneh.evaluation.exports import ranking_table, superlative_phrase, tier_label
from ayneh.evaluation.models import Period, RankingSnapshot, Unit
from ayneh.evaluation.views import (
    _latest_snapshot_or_refuse,
    _published_period_or_refuse,
    _scorecard_office_or_refuse,
)
from ayneh.reports.charts import Labels
from ayneh.reports.figures import axes_radar, bands_bars, total_trend
from ayneh.reports.pdf import PDF_CONTENT_TYPE, pdf_render


@dataclass(frozen=True, slots=True)
class ScorecardLine:
    """One indicator of the scorecard PDF, as published (score as a percentage)."""

    name: str
    axis: str
    unit: str
    actual: float | None
    target: float | None
    score_percent: float | None
    rank: int | None


# A ranking PDF takes seconds of CPU (about 2 s for the 54-office demo, benchmarks/reports_pdf.py) and is the
# same for every reader of a revision, which never changes: rendered once, then served from the cache (Redis
# when scaled out). Bounded in time so that a new release's layout shows within hours after an upgrade.
RANKING_PDF_CACHE_SECONDS = 6 * 3600


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=PDF_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def ranking_pdf_bytes(*, period: Period, snapshot: RankingSnapshot) -> bytes:
    """The national ranking of the snapshot as a PDF: the table and the offices per grade band."""
    content = snapshot.content
    bands = bands_bars(content=content, mode=Labels.KEYED)
    return pdf_render(
        template="reports/ranking_pdf.html",
        context={
            "period": period,
            "snapshot": snapshot,
            "framework": content["framework"],
            "table": ranking_table(content),
            "bands": bands,
            "superlative_phrase": superlative_phrase(),
            "printed_at": timezone.now(),
        },
        charts={"bands": bands.svg},
    )


def ranking_pdf_cache_key(*, period: Period, snapshot: RankingSnapshot) -> str:
    """Everything the ranking PDF shows that is not in the frozen snapshot: the period's title, dates and
    demo flag, and the language."""
    parts = (snapshot.uuid, period.title, period.starts_on, period.ends_on, period.is_demo, get_language())
    return "reports:ranking-pdf:" + hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()


def ranking_pdf_cached(*, period: Period, snapshot: RankingSnapshot) -> bytes:
    key = ranking_pdf_cache_key(period=period, snapshot=snapshot)
    content = cache.get(key)
    if not isinstance(content, bytes):
        content = ranking_pdf_bytes(period=period, snapshot=snapshot)
        cache.set(key, content, RANKING_PDF_CACHE_SECONDS)
    return content


def _scorecard_lines(content: Mapping[str, Any], card: Mapping[str, Any]) -> list[ScorecardLine]:
    axes = {axis["code"]: axis["name"] for axis in content["framework"]["axes"]}
    units = dict(Unit.choices)
    lines = []
    for indicator in content["framework"]["indicators"]:
        published = card["indicators"].get(indicator["code"], {})
        score = published.get("score")
        lines.append(
            ScorecardLine(
                name=indicator["name"],
                axis=axes.get(indicator["axis"], indicator["axis"]),
                unit=str(units.get(indicator["unit"], indicator["unit"])),
                actual=published.get("actual"),
                target=published.get("target"),
                score_percent=None if score is None else round(score * 100, 2),
                rank=published.get("rank"),
            )
        )
    return lines


def scorecard_pdf_bytes(*, period: Period, snapshot: RankingSnapshot, card: Mapping[str, Any]) -> bytes:
    """One office's scorecard in the snapshot as a PDF: totals, axes against the national median, the trend
    over published periods and every indicator's value, target, score and rank."""
    content = snapshot.content
    radar = axes_radar(content=content, card=card, mode=Labels.KEYED)
    trend = total_trend(period=period, card=card, mode=Labels.KEYED)
    axes = [
        {"name": axis["name"], "weight": axis["weight"], **card["axes"].get(axis["code"], {})}
        for axis in content["framework"]["axes"]
    ]
    return pdf_render(
        template="reports/scorecard_pdf.html",
        context={
            "period": period,
            "snapshot": snapshot,
            "card": card,
            "tier_label": tier_label(card["tier"]),
            "coverage_percent": round(card["coverage"] * 100, 2),
            "axes": axes,
            "lines": _scorecard_lines(content, card),
            "radar": radar,
            "trend": trend,
            "superlative_phrase": superlative_phrase(),
            "printed_at": timezone.now(),
        },
        charts={"radar": radar.svg, "trend": trend.svg},
    )


@require_GET
def ranking_pdf(request: HttpRequest, key: uuid.UUID) -> HttpResponse:
    """The latest revision of a published period's national ranking as a PDF."""
    period = _published_period_or_refuse(request, key)
    snapshot = _latest_snapshot_or_refuse(request, period)
    return _pdf_response(
        ranking_pdf_cached(period=period, snapshot=snapshot), f"ayneh-ranking-{period.code}-r{snapshot.revision}.pdf"
    )


@require_GET
def scorecard_pdf(request: HttpRequest, key: uuid.UUID, code: str) -> HttpResponse:
    """An office's scorecard in the latest revision as a PDF (who may see the scorecard page may download it)."""
    period = _published_period_or_refuse(request, key)
    office = _scorecard_office_or_refuse(request, period, code)
    snapshot = _latest_snapshot_or_refuse(request, period)
    card = next((card for card in snapshot.content["offices"] if card["code"] == office.code), None)
    if card is None:  # the office joined the period after the latest revision, as on the page
        raise refuse(request, reason="scorecard_not_ranked", target=f"evaluation.scorecard:{key}:{code}", office=office)
    return _pdf_response(
        scorecard_pdf_bytes(period=period, snapshot=snapshot, card=card),
        f"ayneh-scorecard-{period.code}-{office.code}-r{snapshot.revision}.pdf",
    )
