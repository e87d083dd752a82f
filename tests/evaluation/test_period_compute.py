"""Computing a period's automatic indicators: targets by tier and length, "no data", recomputation."""

import datetime as dt

from ayneh.core.models import AuditEntry
from ayneh.evaluation.models import IndicatorValue
from ayneh.evaluation.services import period_compute
from ayneh.monitoring.models import OutletTier
from ayneh.newsroom.models import Release, ReleaseStatus
from tests.evaluation.newsroom_records import release_at
from tests.evaluation.pickup_records import outlet_of, pickup_of

IN_SPRING_1403 = dt.datetime(2024, 4, 10, 9, 0, tzinfo=dt.UTC)


def _value(period, office, code):
    return IndicatorValue.objects.get(period=period, office=office, indicator__code=code)


def test_it_stores_the_measured_values_of_every_office(spring_1403, ministry_evaluator, khuzestan, fars):
    written = period_compute(period=spring_1403, actor=ministry_evaluator)
    # With no releases or events, only news volume is measured (0 for each office); the rest has no data.
    assert written == 2
    stored = IndicatorValue.objects.filter(period=spring_1403)
    assert {(v.office, v.indicator.code, v.actual) for v in stored} == {
        (khuzestan, "news.volume", 0),
        (fars, "news.volume", 0),
    }


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


def test_indicators_without_data_have_no_value_and_no_score(spring_1403, ministry_evaluator, khuzestan):
    period_compute(period=spring_1403, actor=ministry_evaluator)
    assert not IndicatorValue.objects.filter(indicator__code="media.pickup_rate").exists()
    row = AuditEntry.objects.get(action="evaluation.period_computed")
    automatic = spring_1403.framework.indicators.filter(source="auto").count()
    assert (row.data["values"], row.data["no_data"]) == (2, automatic * 2 - 2)


def test_recomputing_replaces_values_and_is_audited_each_time(
    spring_1403, ministry_evaluator, khuzestan, khuzestan_editor
):
    period_compute(period=spring_1403, actor=ministry_evaluator)
    release_at(office=khuzestan, published_at=IN_SPRING_1403, author=khuzestan_editor)
    period_compute(period=spring_1403, actor=ministry_evaluator)
    assert _value(spring_1403, khuzestan, "news.volume").actual == 1
    assert IndicatorValue.objects.filter(period=spring_1403, indicator__code="news.volume").count() == 2
    assert AuditEntry.objects.filter(action="evaluation.period_computed").count() == 2


def test_a_value_that_lost_its_data_is_removed_on_recomputation(
    spring_1403, ministry_evaluator, khuzestan, khuzestan_editor
):
    release = release_at(office=khuzestan, published_at=IN_SPRING_1403, author=khuzestan_editor)
    period_compute(period=spring_1403, actor=ministry_evaluator)
    assert _value(spring_1403, khuzestan, "news.multimedia").actual == 0
    Release.objects.filter(pk=release.pk).update(status=ReleaseStatus.WITHDRAWN)
    period_compute(period=spring_1403, actor=ministry_evaluator)
    assert not IndicatorValue.objects.filter(office=khuzestan, indicator__code="news.multimedia").exists()


def test_pickup_indicators_are_stored_with_their_targets_and_the_pickups_counted(
    spring_1403, ministry_evaluator, khuzestan, fars, khuzestan_editor
):
    picked = release_at(office=khuzestan, published_at=IN_SPRING_1403, author=khuzestan_editor)
    release_at(office=khuzestan, published_at=IN_SPRING_1403, author=khuzestan_editor)
    credit = pickup_of(release=picked, outlet=outlet_of(tier=OutletTier.NATIONAL), credited=True)
    period_compute(period=spring_1403, actor=ministry_evaluator)
    rate = _value(spring_1403, khuzestan, "media.pickup_rate")
    assert (rate.actual, rate.target, rate.score) == (50, 60, 0.8333)
    assert rate.inputs["picked_up"] == [str(picked.uuid)]
    breadth = _value(spring_1403, khuzestan, "media.pickup_breadth")
    assert (breadth.actual, breadth.target, breadth.score) == (1.5, 3, 0.5)  # one national outlet (3) / 2
    attribution = _value(spring_1403, khuzestan, "media.attribution")
    assert (attribution.actual, attribution.score, attribution.inputs["credited"]) == (100, 1, [credit.pk])
    # Fars published nothing: no share to take, though the national outlet monitored it.
    assert not IndicatorValue.objects.filter(office=fars, indicator__code__startswith="media.").exists()
