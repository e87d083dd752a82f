"""The demo evaluation period for `ayneh demo`: the current Jalali year over every office, computed from the
demo newsroom, with a few offices rated and their logged and survey records filled in, then published.

Made through the same services an evaluator uses (so the audit log and the snapshot are real) and marked
`is_demo`, which the ranking, the scorecard and the Excel file show. The made-up values are derived from a
checksum of the office and indicator codes: the same on every machine and every run, different between
offices, so the ranking has something to rank. Safe to re-run: each step is skipped once done, and a
period that is published is left as it is.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils import timezone

from ayneh.accounts.models import User
from ayneh.core.jalali import to_jalali
from ayneh.evaluation.models import EvaluatorScore, Framework, Indicator, IndicatorValue, Period, PeriodStatus, Source
from ayneh.evaluation.periods import PeriodKind
from ayneh.evaluation.scoring import MAX_RATING, scaled_target
from ayneh.evaluation.services import (
    evaluator_score_set,
    framework_load_default,
    indicator_value_record,
    period_compute,
    period_open,
    period_publish,
    period_review_begin,
)
from ayneh.evaluation.spec import TargetPeriod
from ayneh.offices.access import offices_for_user
from ayneh.offices.models import Office, Tier
from ayneh.offices.roles import Action

# The offices the demo evaluator rates and fills in (those of the demo newsroom first), and how many more.
DEMO_RATED_CODES = ("dg-khuzestan", "dg-fars")
DEMO_EXTRA_RATED = 4
# A made-up record reaches between 55% and 125% of its target.
_LOW_SHARE, _SHARE_SPREAD = 55, 71

DEMO_COMMENTS = {
    2: "مستندات بارگذاری‌شده بخشی از الزامات را پوشش می‌دهد؛ زمان‌بندی و مسئولان مشخص نیست. (داده نمایشی)",
    3: "بیشتر الزامات با مستندات کافی برآورده شده است؛ منابع برخی برنامه‌ها روشن نیست. (داده نمایشی)",
    4: "همه الزامات سنجه با مستندات کامل و به‌موقع برآورده شده است. (داده نمایشی)",
}
DEMO_NOTE = "داده نمایشی برای آشنایی با سامانه"


@dataclass(frozen=True, slots=True)
class DemoEvaluation:
    period: Period
    created: bool  # False when the period was already there (a re-run)


def _checksum_share(*parts: str) -> int:
    """A stable number in [0, 100) from `parts`: the same on every run and machine."""
    return zlib.crc32("|".join(parts).encode()) % 100


def _demo_rating(office: Office, indicator: Indicator) -> int:
    return 2 + _checksum_share(office.code, indicator.code) % (MAX_RATING - 1)


def _demo_actual(office: Office, indicator: Indicator, period: Period) -> float | None:
    per = TargetPeriod(indicator.target_period) if indicator.target_period else None
    target = scaled_target(indicator.targets.get(office.tier), per=per, months=period.months)
    if target is None:
        return None
    share = (_LOW_SHARE + _checksum_share(office.code, indicator.code) * _SHARE_SPREAD // 100) / 100
    actual = target * share if indicator.direction == "higher" else target / share
    return round(actual, 1)


def _rated_offices(period: Period) -> list[Office]:
    offices = list(period.offices.order_by("code"))
    chosen = [office for office in offices if office.code in DEMO_RATED_CODES]
    others = [o for o in offices if o.code not in DEMO_RATED_CODES and o.tier == Tier.PROVINCIAL_DG]
    return chosen + others[:DEMO_EXTRA_RATED]


def _fill_in(period: Period, evaluator: User) -> None:
    """Ratings with comments, logged and survey values for the rated offices (skipping what exists)."""
    indicators = list(period.framework.indicators.exclude(source=Source.AUTO).order_by("position"))
    for office in _rated_offices(period):
        rated = set(EvaluatorScore.objects.filter(period=period, office=office).values_list("indicator_id", flat=True))
        recorded = set(
            IndicatorValue.objects.filter(
                period=period, office=office, source__in=[Source.LOG, Source.SURVEY]
            ).values_list("indicator_id", flat=True)
        )
        for indicator in indicators:
            if indicator.source == Source.EVAL and indicator.pk not in rated:
                rating = _demo_rating(office, indicator)
                evaluator_score_set(
                    period=period,
                    office=office,
                    indicator=indicator,
                    rating=rating,
                    comment=DEMO_COMMENTS[rating],
                    actor=evaluator,
                )
            elif indicator.source != Source.EVAL and indicator.pk not in recorded:
                actual = _demo_actual(office, indicator, period)
                if actual is not None:
                    indicator_value_record(
                        period=period,
                        office=office,
                        indicator=indicator,
                        actual=actual,
                        actor=evaluator,
                        note=DEMO_NOTE,
                    )


def evaluation_demo_ensure(*, evaluator: User, offices: Sequence[Office] | None = None) -> DemoEvaluation:
    """The published demo period of the current Jalali year on the default framework, over `offices`
    (default: every office the evaluator evaluates, the ministry itself excepted). Creates and publishes
    it on the first call; later calls finish an interrupted run or return it unchanged."""
    framework: Framework = framework_load_default(actor=evaluator)
    year = to_jalali(timezone.now()).year
    period = Period.objects.filter(framework=framework, kind=PeriodKind.YEAR, jalali_year=year, number=0).first()
    created = period is None
    if period is None:
        if offices is None:
            offices = list(offices_for_user(user=evaluator, action=Action.EVALUATE).exclude(tier=Tier.MINISTRY))
        period = period_open(
            framework=framework, kind=PeriodKind.YEAR, year=year, offices=offices, actor=evaluator, is_demo=True
        )
    if not period.is_demo:  # a real period of this year exists: never touch it
        return DemoEvaluation(period=period, created=False)
    if period.status == PeriodStatus.OPEN:
        period_compute(period=period, actor=evaluator)
        _fill_in(period, evaluator)
        period_review_begin(period=period, actor=evaluator)
    if period.status == PeriodStatus.REVIEW:
        period_publish(period=period, actor=evaluator)
    return DemoEvaluation(period=period, created=created)
