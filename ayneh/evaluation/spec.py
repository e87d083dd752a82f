"""An indicator framework as plain, validated data: axes, indicators, targets per tier, grade bands.

The shipped default lives in ``ayneh/data/frameworks/default.json``; its shape::

    {"schema": 1, "code": "default", "version": 1, "title": "...", "notes": ["..."],
     "tiers": ["provincial_dg", "hq_unit", "affiliated"], "min_coverage": 0.5,
     "band_preset": "six_level", "band_presets": {"six_level": [{"code", "name", "min"}, ...], ...},
     "axes": [{"code", "name", "weight"}, ...],
     "indicators": [{"code", "axis", "name", "weight", "source": "auto|log|survey|eval",
                     "direction": "higher|lower", "unit": "count|percent|hours|index|rubric",
                     "target_period": null|"month"|"year", "targets": {tier: number|null},
                     "computer": null|"registered_name", "params": {}, "formula": "...",
                     "rubric": null|[five texts, for ratings 0 to 4]}, ...]}

`framework_spec_from_dict` checks the whole document and raises `FrameworkError` naming the offending
part, so an edited file fails loudly rather than producing rankings from broken weights. Pure Python: no
Django, so the scoring code and its tests use it without a database.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

DEFAULT_FRAMEWORK_PATH = Path(__file__).resolve().parent.parent / "data" / "frameworks" / "default.json"
SUPPORTED_SCHEMA = 1
TOTAL_WEIGHT = 100.0
RUBRIC_LEVELS = 5  # ratings 0, 1, 2, 3, 4
# Weights are given to two decimals at most; sums are compared with this tolerance.
WEIGHT_TOLERANCE = 1e-6


class Source(StrEnum):
    AUTO = "auto"  # computed from Ayneh's own data by a registered computer
    LOG = "log"  # logged by the office as records with evidence
    SURVEY = "survey"  # a survey result entered with its report as evidence
    EVAL = "eval"  # an evaluator's rubric rating 0–4 with a required comment


class Direction(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"


class Unit(StrEnum):
    COUNT = "count"
    PERCENT = "percent"
    HOURS = "hours"
    INDEX = "index"
    RUBRIC = "rubric"


class TargetPeriod(StrEnum):
    MONTH = "month"  # the target is per month: multiplied by the period's months
    YEAR = "year"  # the target is per year: multiplied by months / 12


class FrameworkError(ValueError):
    """The framework document breaks the schema; the message says where and why."""


@dataclass(frozen=True, slots=True)
class BandSpec:
    """A grade band: totals at or above `minimum` (and below the next band up) get this band."""

    code: str
    name: str
    minimum: float


@dataclass(frozen=True, slots=True)
class AxisSpec:
    code: str
    name: str
    weight: float


@dataclass(frozen=True, slots=True)
class IndicatorSpec:
    code: str
    axis: str
    name: str
    weight: float
    source: Source
    direction: Direction
    unit: Unit
    targets: Mapping[str, float | None]
    target_period: TargetPeriod | None = None
    computer: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    formula: str = ""
    rubric: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class FrameworkSpec:
    code: str
    version: int
    title: str
    tiers: tuple[str, ...]
    min_coverage: float
    bands: tuple[BandSpec, ...]
    band_presets: Mapping[str, tuple[BandSpec, ...]]
    axes: tuple[AxisSpec, ...]
    indicators: tuple[IndicatorSpec, ...]
    notes: tuple[str, ...] = ()

    def indicators_of(self, axis_code: str) -> tuple[IndicatorSpec, ...]:
        return tuple(indicator for indicator in self.indicators if indicator.axis == axis_code)


def _require(mapping: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in mapping:
        raise FrameworkError(f"{where}: missing {key!r}")
    return mapping[key]


def _number(value: Any, where: str) -> float:
    """A finite, non-negative number (weights, targets and thresholds are never negative)."""
    # bool is an int in Python; a weight of `true` is a typo, not 1.
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise FrameworkError(f"{where}: {value!r} is not a finite number")
    if value < 0:
        raise FrameworkError(f"{where}: {value!r} is negative")
    return float(value)


def _optional_number(value: Any, where: str) -> float | None:
    return None if value is None else _number(value, where)


def _enum[E: StrEnum](enum: type[E], value: Any, where: str) -> E:
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        raise FrameworkError(f"{where}: {value!r} is not one of {allowed}") from None


def bands_from_list(raw: Sequence[Mapping[str, Any]], where: str = "bands") -> tuple[BandSpec, ...]:
    """Bands ordered from the best down; minimums strictly decreasing and the last one 0, so that every
    total from 0 to 100 falls in exactly one band."""
    if not raw:
        raise FrameworkError(f"{where}: no bands")
    bands = tuple(
        BandSpec(
            code=str(_require(item, "code", f"{where}[{i}]")),
            name=str(_require(item, "name", f"{where}[{i}]")),
            minimum=_number(_require(item, "min", f"{where}[{i}]"), f"{where}[{i}].min"),
        )
        for i, item in enumerate(raw)
    )
    minimums = [band.minimum for band in bands]
    if any(later >= earlier for earlier, later in itertools.pairwise(minimums)):
        raise FrameworkError(f"{where}: minimums must strictly decrease from the best band down")
    if minimums[-1] != 0:
        raise FrameworkError(f"{where}: the lowest band must start at 0")
    if len({band.code for band in bands}) != len(bands):
        raise FrameworkError(f"{where}: band codes repeat")
    return bands


def _indicator_from_dict(raw: Mapping[str, Any], tiers: Sequence[str], axis_codes: set[str]) -> IndicatorSpec:
    code = str(_require(raw, "code", "indicator"))
    where = f"indicator {code}"
    axis = _require(raw, "axis", where)
    if axis not in axis_codes:
        raise FrameworkError(f"{where}: unknown axis {axis!r}")
    source = _enum(Source, _require(raw, "source", where), f"{where}.source")
    raw_targets = raw.get("targets") or {}
    unknown_tiers = set(raw_targets) - set(tiers)
    if unknown_tiers:
        raise FrameworkError(f"{where}: targets for unknown tiers {sorted(unknown_tiers)}")
    targets = {tier: _optional_number(raw_targets.get(tier), f"{where}.targets.{tier}") for tier in tiers}
    rubric = raw.get("rubric")
    if source == Source.EVAL:
        if not isinstance(rubric, list) or len(rubric) != RUBRIC_LEVELS or not all(rubric):
            raise FrameworkError(f"{where}: an evaluator indicator needs {RUBRIC_LEVELS} rubric texts (0–4)")
        if any(target is not None for target in targets.values()):
            raise FrameworkError(f"{where}: an evaluator indicator is scored by its rubric, not a target")
    elif rubric is not None:
        raise FrameworkError(f"{where}: only evaluator indicators have a rubric")
    computer = raw.get("computer")
    if (source == Source.AUTO) != bool(computer):
        raise FrameworkError(f"{where}: automatic indicators, and only they, name a computer")
    target_period = raw.get("target_period")
    return IndicatorSpec(
        code=code,
        axis=axis,
        name=str(_require(raw, "name", where)),
        weight=_number(_require(raw, "weight", where), f"{where}.weight"),
        source=source,
        direction=_enum(Direction, raw.get("direction", Direction.HIGHER), f"{where}.direction"),
        unit=_enum(Unit, _require(raw, "unit", where), f"{where}.unit"),
        targets=targets,
        target_period=None if target_period is None else _enum(TargetPeriod, target_period, f"{where}.target_period"),
        computer=computer or None,
        params=dict(raw.get("params") or {}),
        formula=str(raw.get("formula", "")),
        rubric=tuple(rubric) if rubric is not None else None,
    )


def framework_spec_from_dict(raw: Mapping[str, Any]) -> FrameworkSpec:
    """Validate a framework document: known schema, unique codes, every indicator on a known axis,
    indicator weights summing to their axis's weight and all weights to 100, bands covering 0–100."""
    if raw.get("schema") != SUPPORTED_SCHEMA:
        raise FrameworkError(f"unsupported schema {raw.get('schema')!r} (expected {SUPPORTED_SCHEMA})")
    tiers = tuple(_require(raw, "tiers", "framework"))
    axes = tuple(
        AxisSpec(
            code=str(_require(item, "code", "axis")),
            name=str(_require(item, "name", "axis")),
            weight=_number(_require(item, "weight", "axis"), f"axis {item.get('code')}.weight"),
        )
        for item in _require(raw, "axes", "framework")
    )
    axis_codes = {axis.code for axis in axes}
    if len(axis_codes) != len(axes):
        raise FrameworkError("axis codes repeat")
    indicators = tuple(
        _indicator_from_dict(item, tiers, axis_codes) for item in _require(raw, "indicators", "framework")
    )
    if len({indicator.code for indicator in indicators}) != len(indicators):
        raise FrameworkError("indicator codes repeat")
    for axis in axes:
        indicator_weight = sum(indicator.weight for indicator in indicators if indicator.axis == axis.code)
        if abs(indicator_weight - axis.weight) > WEIGHT_TOLERANCE:
            raise FrameworkError(
                f"axis {axis.code}: indicator weights sum to {indicator_weight:g}, the axis weighs {axis.weight:g}"
            )
    total = sum(axis.weight for axis in axes)
    if abs(total - TOTAL_WEIGHT) > WEIGHT_TOLERANCE:
        raise FrameworkError(f"weights sum to {total:g}, not {TOTAL_WEIGHT:g}")
    presets = {
        name: bands_from_list(items, f"band_presets.{name}")
        for name, items in _require(raw, "band_presets", "framework").items()
    }
    preset = _require(raw, "band_preset", "framework")
    if preset not in presets:
        raise FrameworkError(f"band_preset {preset!r} is not among band_presets")
    min_coverage = _number(_require(raw, "min_coverage", "framework"), "min_coverage")
    if min_coverage > 1:
        raise FrameworkError("min_coverage is a share of the weight: between 0 and 1")
    return FrameworkSpec(
        code=str(_require(raw, "code", "framework")),
        version=int(_require(raw, "version", "framework")),
        title=str(_require(raw, "title", "framework")),
        tiers=tiers,
        min_coverage=min_coverage,
        bands=presets[preset],
        band_presets=presets,
        axes=axes,
        indicators=indicators,
        notes=tuple(raw.get("notes", ())),
    )


def default_framework_document(path: Path = DEFAULT_FRAMEWORK_PATH) -> dict[str, Any]:
    """The shipped default framework as parsed JSON (validate it with `framework_spec_from_dict`)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise FrameworkError(f"{path}: {error}") from error


def default_framework_spec(path: Path = DEFAULT_FRAMEWORK_PATH) -> FrameworkSpec:
    return framework_spec_from_dict(default_framework_document(path))
