"""Computing a period's automatic indicators: targets by tier and length, "no data", recomputation."""

import datetime as dt

from ayneh.core.models import AuditEntry
from ayneh.evaluation.models import IndicatorValue
from ayneh.evaluation.services import period_compute
from tests.evaluation.newsroom_records import release_at

IN_SPRING_1403 = dt.datetime(2024, 4, 10, 9, 0, tzinfo=dt.UTC)


def _value(period, office, code):
    return IndicatorValue.objects.get(period=period, office=office, indicator__code=code)


def test_it_stores_a_value_for_every_automatic_indicator_and_office(spring_1403, ministry_evaluator):
    written = period_compute(period=spring_1403, actor=ministry_evaluator)
    automatic = spring_1403.framework.indicators.filter(source="auto").count()
    assert written == automatic * 2
    assert IndicatorValue.objects.filter(period=spring_1403).count() == written


def test_news_volume_is_held_to_the_tiers_monthly_target_times_the_quarters_months(
    spring_1403, ministry_evaluator, khuzestan, khuzestan_editor
):
    for _ in range(45):
        release_at(office=khuzestan, published_at=IN_SPRING_1403, author=khuzestan_editor)
    period_compute(period=spring_1403, actor=ministry_evaluator)
    volume = _value(spring_1403, khuzestan, "news.volume")
    assert (volume.actual, volume.target, volume.score) == (45, 90, 0.5)
    assert len(volume.inputs["releases"]) == 45
    assert volume.inputs["computer"] == "news_volume"


def test_indicators_without_data_are_stored_as_no_data_not_zero(spring_1403, ministry_evaluator, khuzestan):
    period_compute(period=spring_1403, actor=ministry_evaluator)
    pickups = _value(spring_1403, khuzestan, "media.pickup_rate")
    assert (pickups.actual, pickups.score) == (None, None)
    assert pickups.target == 60
    assert pickups.inputs == {"computer": "pickup_rate", "no_data": True}


def test_recomputing_replaces_values_and_is_audited_each_time(
    spring_1403, ministry_evaluator, khuzestan, khuzestan_editor
):
    period_compute(period=spring_1403, actor=ministry_evaluator)
    release_at(office=khuzestan, published_at=IN_SPRING_1403, author=khuzestan_editor)
    period_compute(period=spring_1403, actor=ministry_evaluator)
    assert _value(spring_1403, khuzestan, "news.volume").actual == 1
    assert IndicatorValue.objects.filter(period=spring_1403, indicator__code="news.volume").count() == 2
    assert AuditEntry.objects.filter(action="evaluation.period_computed").count() == 2
