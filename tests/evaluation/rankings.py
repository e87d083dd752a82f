"""Builders for ranking tests: offices measured on the default framework with chosen scores."""

from collections.abc import Mapping

from ayneh.evaluation.ranking import Measurement, OfficeMeasurements
from ayneh.evaluation.spec import FrameworkSpec, default_framework_spec

SPEC: FrameworkSpec = default_framework_spec()
PERIOD = {"code": "1403-q1", "title": "بهار ۱۴۰۳", "starts_on": "2024-03-20", "ends_on": "2024-06-20"}


def measured_office(
    code: str,
    *,
    score: float | None = 1.0,
    overrides: Mapping[str, float | None] | None = None,
    tier: str = "provincial_dg",
    spec: FrameworkSpec = SPEC,
) -> OfficeMeasurements:
    """An office with `score` on every indicator (None = no data anywhere) except `overrides`; the actual
    is the score times a target of 100, so each measurement is internally consistent."""
    scores = {indicator.code: score for indicator in spec.indicators} | dict(overrides or {})
    return OfficeMeasurements(
        code=code,
        name=f"دفتر {code}",
        tier=tier,
        measurements={
            indicator_code: Measurement(actual=None if value is None else value * 100, target=100.0, score=value)
            for indicator_code, value in scores.items()
            if value is not None
        },
    )
