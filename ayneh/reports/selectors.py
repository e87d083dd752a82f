"""What the charts and PDFs read: numbers taken from published snapshots as they were frozen, never
recomputed from the live measurements (a report and the ranking page always agree)."""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from typing import Any

from django.db.models import OuterRef, Subquery

from ayneh.evaluation.models import Period, PeriodStatus, RankingSnapshot


def axis_medians(content: Mapping[str, Any]) -> dict[str, float | None]:
    """The national median of each axis score in a snapshot, over the offices with data on that axis (the
    same offices the axis ranks are over); None where no office has data."""
    medians: dict[str, float | None] = {}
    for axis in content["framework"]["axes"]:
        scores = [
            card["axes"][axis["code"]]["score"]
            for card in content["offices"]
            if card["axes"].get(axis["code"], {}).get("score") is not None
        ]
        medians[axis["code"]] = statistics.median(scores) if scores else None
    return medians


def band_counts(content: Mapping[str, Any]) -> list[tuple[str, int]]:
    """How many graded offices each band holds, best band first; the band names as published."""
    counts = {band["code"]: 0 for band in content["framework"]["bands"]}
    for card in content["offices"]:
        if card["graded"] and card["band"] in counts:
            counts[card["band"]] += 1
    return [(band["name"], counts[band["code"]]) for band in content["framework"]["bands"]]


def ungraded_count(content: Mapping[str, Any]) -> int:
    return sum(not card["graded"] for card in content["offices"])


def office_history(*, period: Period, office_code: str) -> list[tuple[Period, Mapping[str, Any]]]:
    """The office's card in the latest revision of every published period of the same kind (years with
    years, quarters with quarters) up to and including `period`, oldest first; periods the office was not
    ranked in are left out."""
    periods = Period.objects.filter(
        status=PeriodStatus.PUBLISHED, kind=period.kind, starts_on__lte=period.starts_on, offices__code=office_code
    )
    latest_revision = (
        RankingSnapshot.objects.filter(period=OuterRef("period")).order_by("-revision").values("revision")[:1]
    )
    snapshots = (
        RankingSnapshot.objects.filter(period__in=periods, revision=Subquery(latest_revision))
        .select_related("period")
        .order_by("period__starts_on", "period__id")
    )
    history = []
    for snapshot in snapshots:
        card = next((card for card in snapshot.content["offices"] if card["code"] == office_code), None)
        if card is not None:
            history.append((snapshot.period, card))
    return history
