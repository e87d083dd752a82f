"""Reads of evaluation data: frameworks as validated specs, a period's measurements, its snapshots.

Access scoping for the scorecard and ranking pages (issue 5's views) belongs here too; what exists now
serves the services and the tests.
"""

from typing import Any

from ayneh.evaluation.models import Framework, IndicatorValue, Period, RankingSnapshot
from ayneh.evaluation.ranking import Measurement, OfficeMeasurements
from ayneh.evaluation.spec import FrameworkSpec, framework_spec_from_dict

# The band preset name a stored framework's own bands are validated under.
STORED_BANDS = "framework"


def framework_default() -> Framework | None:
    return Framework.objects.filter(is_default=True).first()


def framework_document(*, framework: Framework) -> dict[str, Any]:
    """The framework's rows in the JSON document shape of `ayneh.evaluation.spec` (weights as numbers)."""
    axes = list(framework.axes.order_by("position", "id"))
    indicators = list(framework.indicators.select_related("axis").order_by("position", "id"))
    return {
        "schema": 1,
        "code": framework.code,
        "version": framework.version,
        "title": framework.title,
        "notes": framework.notes,
        "tiers": framework.tiers,
        "min_coverage": framework.min_coverage,
        "band_preset": STORED_BANDS,
        "band_presets": {STORED_BANDS: framework.bands},
        "axes": [{"code": a.code, "name": a.name, "weight": float(a.weight)} for a in axes],
        "indicators": [
            {
                "code": i.code,
                "axis": i.axis.code,
                "name": i.name,
                "weight": float(i.weight),
                "source": i.source,
                "direction": i.direction,
                "unit": i.unit,
                "target_period": i.target_period or None,
                "targets": i.targets,
                "computer": i.computer or None,
                "params": i.params,
                "formula": i.formula,
                "rubric": i.rubric,
            }
            for i in indicators
        ],
    }


def framework_spec(*, framework: Framework) -> FrameworkSpec:
    """The framework validated as a whole (weights summing to 100, bands covering 0–100, rubrics complete);
    raises `FrameworkError` when an edit left it inconsistent."""
    return framework_spec_from_dict(framework_document(framework=framework))


def period_identity(*, period: Period) -> dict[str, Any]:
    """What a ranking snapshot records about its period (JSON-ready, stable across recomputations)."""
    return {
        "key": str(period.uuid),
        "code": period.code,
        "title": period.title,
        "kind": period.kind,
        "starts_on": period.starts_on.isoformat(),
        "ends_on": period.ends_on.isoformat(),
        "months": period.months,
    }


def period_measurements(*, period: Period) -> list[OfficeMeasurements]:
    """Every office of the period with its indicator values (offices without any value have an empty
    scorecard: all "no data"). Two queries, whatever the number of offices."""
    by_office: dict[int, dict[str, Measurement]] = {}
    values = IndicatorValue.objects.filter(period=period).values_list(
        "office_id", "indicator__code", "actual", "target", "score"
    )
    for office_id, indicator_code, actual, target, score in values:
        by_office.setdefault(office_id, {})[indicator_code] = Measurement(actual=actual, target=target, score=score)
    return [
        OfficeMeasurements(
            code=office.code, name=office.name, tier=office.tier, measurements=by_office.get(office.pk, {})
        )
        for office in period.offices.order_by("code")
    ]


def snapshot_latest(*, period: Period) -> RankingSnapshot | None:
    return RankingSnapshot.objects.filter(period=period).order_by("-revision").first()


def snapshot_first(*, period: Period) -> RankingSnapshot | None:
    return RankingSnapshot.objects.filter(period=period).order_by("revision").first()
