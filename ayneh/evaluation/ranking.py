"""Assembling a period's ranking: every office's scorecard, grade and ranks as one JSON-ready document.

`ranking_build` is the content of a published snapshot. It is a pure function of the framework, the
period's identity and the measurements, and it contains nothing else — no publication time, no publisher,
no revision number (those live on the snapshot row) — so recomputing a period from the same data gives the
same document and the same content hash (`snapshots.content_hash`).

Who is ranked
    An office is *graded* when it has a total and the indicators with data carry at least the framework's
    `min_coverage` share of its weight. Only graded offices get a band, a national rank and a rank within
    their tier; an ungraded office's scorecard still shows its total and coverage. Ranks per axis and per
    indicator are over every office with data on that axis or indicator: they describe one dimension and
    do not depend on the rest of the scorecard.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ayneh.evaluation.scoring import (
    TOTAL_PLACES,
    band_for,
    competition_ranks,
    ranks_within_groups,
    round_half_up,
    superlative_holds,
    weighted_total,
)
from ayneh.evaluation.spec import FrameworkSpec

SNAPSHOT_FORMAT = 1
VALUE_PLACES = 4  # actuals and targets: enough for shares and hours, free of float noise in the JSON


@dataclass(frozen=True, slots=True)
class Measurement:
    """One indicator of one office: the measured value, the target it was held to and the score (all
    None where there is no data)."""

    actual: float | None
    target: float | None
    score: float | None


@dataclass(frozen=True, slots=True)
class OfficeMeasurements:
    code: str
    name: str
    tier: str
    measurements: Mapping[str, Measurement]


def _rounded(value: float | None, places: int = VALUE_PLACES) -> float | None:
    return None if value is None else round_half_up(value, places)


def _framework_summary(framework: FrameworkSpec) -> dict[str, Any]:
    return {
        "code": framework.code,
        "version": framework.version,
        "title": framework.title,
        "min_coverage": framework.min_coverage,
        "bands": [{"code": b.code, "name": b.name, "min": b.minimum} for b in framework.bands],
        "axes": [{"code": a.code, "name": a.name, "weight": a.weight} for a in framework.axes],
        "indicators": [
            {
                "code": i.code,
                "axis": i.axis,
                "name": i.name,
                "weight": i.weight,
                "source": str(i.source),
                "direction": str(i.direction),
                "unit": str(i.unit),
            }
            for i in framework.indicators
        ],
    }


def _check_offices(framework: FrameworkSpec, offices: Sequence[OfficeMeasurements]) -> None:
    codes = [office.code for office in offices]
    if len(set(codes)) != len(codes):
        raise ValueError("an office appears twice in one ranking")
    known = {indicator.code for indicator in framework.indicators}
    for office in offices:
        unknown = set(office.measurements) - known
        if unknown:
            raise ValueError(f"office {office.code}: measurements for unknown indicators {sorted(unknown)}")


def ranking_build(
    *, framework: FrameworkSpec, period: Mapping[str, Any], offices: Sequence[OfficeMeasurements]
) -> dict[str, Any]:
    """The ranking document for `offices` in `period` (a JSON-ready mapping identifying the period).

    Offices come out ordered by national rank (ungraded last), then by code. Every framework indicator
    appears on every scorecard; one without data has actual, score and rank None.
    """
    _check_offices(framework, offices)
    weights = {indicator.code: indicator.weight for indicator in framework.indicators}
    # Rounded once: ranked and totalled on the same numbers the scorecard prints.
    measured = {
        o.code: {
            code: Measurement(actual=_rounded(m.actual), target=_rounded(m.target), score=_rounded(m.score))
            for code, m in o.measurements.items()
        }
        for o in offices
    }
    scores = {code: {c: m.score for c, m in by_indicator.items()} for code, by_indicator in measured.items()}
    tiers = {office.code: office.tier for office in offices}

    totals = {code: weighted_total(office_scores, weights) for code, office_scores in scores.items()}
    graded = {code: t.total is not None and t.coverage >= framework.min_coverage for code, t in totals.items()}
    ranked_totals = {code: t.total if graded[code] else None for code, t in totals.items()}
    national_ranks = competition_ranks(ranked_totals)
    tier_ranks = ranks_within_groups(ranked_totals, tiers)

    indicator_ranks = {
        indicator.code: competition_ranks({o.code: scores[o.code].get(indicator.code) for o in offices})
        for indicator in framework.indicators
    }
    axis_weights = {
        axis.code: {i.code: i.weight for i in framework.indicators_of(axis.code)} for axis in framework.axes
    }
    axis_totals = {
        axis_code: {
            o.code: weighted_total({c: s for c, s in scores[o.code].items() if c in weights_of_axis}, weights_of_axis)
            for o in offices
        }
        for axis_code, weights_of_axis in axis_weights.items()
    }
    axis_ranks = {
        axis_code: competition_ranks({code: t.total for code, t in by_office.items()})
        for axis_code, by_office in axis_totals.items()
    }

    top_band = framework.bands[0]
    scorecards = []
    for office in offices:
        band = band_for(ranked_totals[office.code], framework.bands)
        own_indicator_ranks = {code: ranks[office.code] for code, ranks in indicator_ranks.items()}
        scorecards.append(
            {
                "code": office.code,
                "name": office.name,
                "tier": office.tier,
                "total": totals[office.code].total,
                "coverage": totals[office.code].coverage,
                "graded": graded[office.code],
                "band": band.code if band else None,
                "band_name": band.name if band else None,
                "rank": national_ranks[office.code],
                "tier_rank": tier_ranks[office.code],
                "superlative": superlative_holds(
                    band=band,
                    top_band=top_band,
                    national_rank=national_ranks[office.code],
                    indicator_ranks=own_indicator_ranks,
                ),
                "axes": {
                    axis_code: {
                        "score": by_office[office.code].total,
                        "coverage": by_office[office.code].coverage,
                        "rank": axis_ranks[axis_code][office.code],
                    }
                    for axis_code, by_office in axis_totals.items()
                },
                "indicators": {
                    indicator.code: _indicator_entry(
                        measured[office.code].get(indicator.code), own_indicator_ranks[indicator.code]
                    )
                    for indicator in framework.indicators
                },
            }
        )
    scorecards.sort(key=lambda card: (card["rank"] is None, card["rank"] or 0, card["code"]))
    return {
        "format": SNAPSHOT_FORMAT,
        "period": dict(period),
        "framework": _framework_summary(framework),
        "total_places": TOTAL_PLACES,
        "offices": scorecards,
    }


def _indicator_entry(measurement: Measurement | None, rank: int | None) -> dict[str, Any]:
    if measurement is None:
        return {"actual": None, "target": None, "score": None, "rank": None}
    return {"actual": measurement.actual, "target": measurement.target, "score": measurement.score, "rank": rank}
