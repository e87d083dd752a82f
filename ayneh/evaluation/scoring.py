"""The arithmetic of evaluation: indicator scores, weighted totals, grade bands and ranks.

Pure functions over plain numbers (no ORM), so every number a scorecard shows can be recomputed and
tested alone.

Scores
    An indicator's score s is in [0, 1]: min(actual / target, 1) when higher is better, min(target /
    actual, 1) when lower is better; an evaluator's rubric rating r (0–4) scores r / 4. Meeting the target
    is full marks: exceeding it earns nothing more, so one outstanding indicator cannot hide weak ones.

Missing data
    "No data" is `None`, never 0: an indicator Ayneh cannot measure yet (monitoring not installed, survey
    not run, evaluator not done) is shown as "no data", not as a failure of the office. The total is
    re-normalised over the indicators that have data — total = 100 · Σ wᵢsᵢ / Σ wᵢ over those — and reported
    with its coverage, Σ wᵢ (with data) / Σ wᵢ (all). With every indicator measured this is exactly
    Σ wᵢ·sᵢ on 0–100. Counting missing data as 0 was rejected: it would cap every office's total at the
    weight Ayneh can measure (59 of 100 in the default framework until monitoring and social media data
    exist), make every grade meaningless, and punish offices for gaps in Ayneh rather than in their work.
    The risk of re-normalising — a total resting on a few indicators — is bounded by the framework's
    `min_coverage`: below it an office gets no grade and no rank (`ranking.py`). What an office did *not*
    do is data: zero releases is actual 0, score 0; a missing evidence file is rated 0 by the evaluator.

Rounding
    Scores are kept to 4 decimals and totals to 2 (half up, on the decimal a person reads), and bands and
    ranks are decided on those rounded values, so what a report prints is what was graded: 89.995 prints as
    90.00 and is عالی; 89.99 is خیلی خوب. Two offices whose printed totals are equal share a rank.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ayneh.evaluation.spec import RUBRIC_LEVELS, BandSpec, Direction, TargetPeriod

SCORE_PLACES = 4
TOTAL_PLACES = 2
MONTHS_PER_YEAR = 12
MAX_RATING = RUBRIC_LEVELS - 1


_QUANTA = {places: Decimal(1).scaleb(-places) for places in range(10)}
_SCALES = {places: 10.0**places for places in range(10)}
# Away from a half, Python's round() and half-up rounding of the printed decimal agree; only values within
# this distance of a half (in units of the last kept place) take the exact, slower decimal path.
_NEAR_HALF = 1e-3


def round_half_up(value: float, places: int) -> float:
    """Round as a person would on the printed decimal (repr, not the binary expansion): 89.995 → 90.0."""
    scaled = value * _SCALES[places]
    if abs(scaled - math.floor(scaled) - 0.5) > _NEAR_HALF:
        return float(round(value, places))
    return float(Decimal(repr(value)).quantize(_QUANTA[places], rounding=ROUND_HALF_UP))


def round_half_up_exact(value: float, places: int) -> float:
    """The reference for `round_half_up`: always through the decimal module (tests compare the two)."""
    return float(Decimal(repr(value)).quantize(_QUANTA[places], rounding=ROUND_HALF_UP))


def scaled_target(target: float | None, *, per: TargetPeriod | None, months: int) -> float | None:
    """The target for a period of `months` months: per-month targets times the months, per-year targets
    times months / 12, others (shares, indices, hours) unchanged."""
    if target is None:
        return None
    if months < 1:
        raise ValueError("a period lasts at least one month")
    if per == TargetPeriod.MONTH:
        return target * months
    if per == TargetPeriod.YEAR:
        return target * months / MONTHS_PER_YEAR
    return target


def indicator_score(*, actual: float | None, target: float | None, direction: Direction) -> float | None:
    """s in [0, 1] for a measured indicator, or None when there is no actual value or no target.

    Higher is better: min(actual / target, 1); a target of 0 asks for nothing, so any actual meets it (1).
    Lower is better: min(target / actual, 1); an actual of 0 is the best possible (1), and a target of 0
    ("zero tolerance") scores 0 for any actual above 0.
    Negative actuals or targets are refused: every unit in a framework (counts, shares, hours, indices) is
    non-negative, so a negative number is a bug upstream, not a score.
    """
    if actual is None or target is None:
        return None
    if actual < 0 or target < 0:
        raise ValueError(f"actual and target must not be negative (actual={actual}, target={target})")
    if direction == Direction.HIGHER:
        score = 1.0 if target == 0 else min(actual / target, 1.0)
    else:
        score = 1.0 if actual == 0 else min(target / actual, 1.0)
    return round_half_up(score, SCORE_PLACES)


def rubric_score(rating: int | None) -> float | None:
    """An evaluator's rating 0–4 as a score r / 4; None when not rated yet."""
    if rating is None:
        return None
    if isinstance(rating, bool) or not isinstance(rating, int) or not 0 <= rating <= MAX_RATING:
        raise ValueError(f"a rubric rating is a whole number from 0 to {MAX_RATING}, not {rating!r}")
    return rating / MAX_RATING


@dataclass(frozen=True, slots=True)
class WeightedTotal:
    """A weighted total on 0–100 (None when no indicator has data) and the share of weight behind it."""

    total: float | None
    coverage: float


def weighted_total(scores: Mapping[str, float | None], weights: Mapping[str, float]) -> WeightedTotal:
    """100 · Σ wᵢsᵢ / Σ wᵢ over the indicators in `weights` that have a score (see the module docstring).

    `scores` may omit indicators (no data); scores for indicators not in `weights` are an error, because a
    total silently ignoring one would not add up to what the scorecard shows.
    """
    unknown = set(scores) - set(weights)
    if unknown:
        raise ValueError(f"scores for indicators without a weight: {sorted(unknown)}")
    all_weight = sum(weights.values())
    measured = {code: score for code, score in scores.items() if score is not None}
    measured_weight = sum(weights[code] for code in measured)
    coverage = round_half_up(measured_weight / all_weight, SCORE_PLACES) if all_weight else 0.0
    if not measured_weight:
        return WeightedTotal(total=None, coverage=coverage)
    points = sum(weights[code] * score for code, score in measured.items())
    return WeightedTotal(total=round_half_up(100 * points / measured_weight, TOTAL_PLACES), coverage=coverage)


def band_for(total: float | None, bands: Sequence[BandSpec]) -> BandSpec | None:
    """The first band, best first, whose minimum the (already rounded) total reaches; None for no total."""
    if total is None:
        return None
    for band in bands:
        if total >= band.minimum:
            return band
    return None  # only for bands that do not reach down to 0, which spec validation refuses


def competition_ranks[K: Hashable](values: Mapping[K, float | None]) -> dict[K, int | None]:
    """Standard competition ranking, higher values first: equal values share a rank and the next rank
    skips ("1, 2, 2, 4"). Keys whose value is None are not ranked (None)."""
    ordered = sorted((value for value in values.values() if value is not None), reverse=True)
    first_position: dict[float, int] = {}
    for position, value in enumerate(ordered, start=1):
        first_position.setdefault(value, position)
    return {key: None if value is None else first_position[value] for key, value in values.items()}


def ranks_within_groups[K: Hashable](values: Mapping[K, float | None], groups: Mapping[K, str]) -> dict[K, int | None]:
    """Competition ranks computed separately inside each group (e.g. each tier)."""
    by_group: dict[str, dict[K, float | None]] = defaultdict(dict)
    for key, value in values.items():
        by_group[groups[key]][key] = value
    ranks: dict[K, int | None] = {}
    for members in by_group.values():
        ranks.update(competition_ranks(members))
    return ranks


def superlative_holds(
    *,
    band: BandSpec | None,
    top_band: BandSpec,
    national_rank: int | None,
    indicator_ranks: Mapping[str, int | None],
) -> bool:
    """Whether an office may truthfully write «رتبه عالی و برتر کشوری در همه شاخص‌ها».

    True exactly when: its grade is the framework's top band (عالی in the six-level preset); it is first
    nationally on the total (ties at 1 included); and it is first nationally (ties included) on every
    indicator for which it has data — of which there is at least one. Indicators without data for the
    office carry no rank and are not claimed; the coverage threshold that a grade already requires keeps
    the phrase from resting on a handful of indicators.
    """
    measured_ranks = [rank for rank in indicator_ranks.values() if rank is not None]
    return (
        band is not None
        and band.code == top_band.code
        and national_rank == 1
        and bool(measured_ranks)
        and all(rank == 1 for rank in measured_ranks)
    )
