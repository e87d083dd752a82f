"""Pickup indicators: what counts (statuses, the days after publication), breadth by outlet tier, credit,
and when a missing pickup is a zero and when it is "no data"."""

import datetime as dt

import pytest

from ayneh.evaluation.indicators.base import EVIDENCE_INPUTS, EvidenceKind, Scope
from ayneh.evaluation.indicators.pickups import attribution_rate, pickup_breadth, pickup_rate
from ayneh.monitoring.models import OutletTier, PickupStatus
from ayneh.newsroom.models import ReleaseStatus
from tests.evaluation.newsroom_records import release_at
from tests.evaluation.pickup_records import article_in, outlet_of, pickup_of
from tests.evaluation.test_newsroom_indicators import INSIDE, WINDOW

DAY = dt.timedelta(days=1)
PARAMS = {"days": 7}


def _compute(computer, offices, params=PARAMS):
    return computer(scope=Scope(offices=offices, window=WINDOW), params=params)


def _one(computer, office, params=PARAMS):
    """The computer's result for one office: its Computed, or None for no data."""
    return _compute(computer, [office], params).get(office.pk)


@pytest.fixture
def publish(khuzestan, khuzestan_editor):
    def make(published_at=INSIDE, **fields):
        return release_at(office=khuzestan, published_at=published_at, author=khuzestan_editor, **fields)

    return make


@pytest.fixture
def irna(db):
    return outlet_of(tier=OutletTier.NEWS_AGENCY)


def test_pickup_rate_is_the_share_of_releases_picked_up_by_at_least_one_outlet(khuzestan, publish, irna):
    picked, twice, unpicked, confirmed = publish(), publish(), publish(), publish()
    pickup_of(release=picked, outlet=irna)
    pickup_of(release=twice, outlet=irna)
    pickup_of(release=twice, outlet=outlet_of())
    pickup_of(release=confirmed, outlet=irna, status=PickupStatus.CONFIRMED)
    computed = _one(pickup_rate, khuzestan)
    assert computed.actual == 75
    assert computed.inputs["picked_up"] == [str(r.uuid) for r in (picked, twice, confirmed)]
    assert computed.inputs["not_picked_up"] == [str(unpicked.uuid)]
    assert computed.inputs["published"] == 4


def test_a_rejected_pickup_never_counts(khuzestan, publish, irna):
    release = publish()
    pickup_of(release=release, outlet=irna, status=PickupStatus.REJECTED)
    assert _one(pickup_rate, khuzestan).actual == 0
    assert _one(pickup_breadth, khuzestan).actual == 0
    assert _one(attribution_rate, khuzestan) is None


def test_only_pickups_within_the_days_after_publication_count(khuzestan, publish, irna):
    on_the_day = publish()
    too_late = publish()
    pickup_of(release=on_the_day, outlet=irna, after=7 * DAY)
    pickup_of(release=too_late, outlet=irna, after=7 * DAY + dt.timedelta(seconds=1))
    assert _one(pickup_rate, khuzestan).inputs["picked_up"] == [str(on_the_day.uuid)]
    assert _one(pickup_rate, khuzestan, {"days": 14}).actual == 100
    assert _one(pickup_rate, khuzestan, {"days": 1}).actual == 0


def test_an_article_just_before_its_release_counts_and_one_without_a_time_counts_by_its_fetch(khuzestan, publish, irna):
    early, undated = publish(), publish()
    pickup_of(release=early, outlet=irna, after=-dt.timedelta(minutes=30))  # the outlet's clock runs ahead
    pickup_of(release=undated, outlet=irna, seen_at=None, fetched_at=undated.published_at + 3 * DAY)
    assert _one(pickup_rate, khuzestan).actual == 100


def test_releases_outside_the_period_of_other_offices_or_withdrawn_are_not_counted(
    khuzestan, publish, irna, fars, fars_editor
):
    inside = publish()
    before = publish(published_at=WINDOW.start - dt.timedelta(seconds=1))
    withdrawn = publish(status=ReleaseStatus.WITHDRAWN)
    other = release_at(office=fars, published_at=INSIDE, author=fars_editor)
    for release in (before, withdrawn, other):
        pickup_of(release=release, outlet=irna)
    computed = _one(pickup_rate, khuzestan)
    assert (computed.actual, computed.inputs["not_picked_up"]) == (0, [str(inside.uuid)])


def test_without_any_monitoring_every_pickup_indicator_has_no_data(khuzestan, publish):
    publish()
    for computer in (pickup_rate, pickup_breadth, attribution_rate):
        assert _one(computer, khuzestan) is None


def test_monitored_but_not_picked_up_is_zero_not_no_data(khuzestan, publish, irna):
    publish()
    article_in(outlet=irna, seen_at=INSIDE + DAY)  # Ayneh read the agency during the period
    assert _one(pickup_rate, khuzestan).actual == 0
    assert _one(pickup_breadth, khuzestan).actual == 0
    assert _one(attribution_rate, khuzestan) is None  # a share of no pickups


def test_monitoring_outside_the_period_is_no_monitoring(khuzestan, publish, irna):
    publish()
    article_in(outlet=irna, seen_at=WINDOW.start - DAY)
    article_in(outlet=irna, seen_at=WINDOW.end + 8 * DAY)
    assert _one(pickup_rate, khuzestan) is None


def test_a_provincial_outlet_monitors_its_own_province_only(khuzestan, fars, publish, fars_editor):
    publish()
    fars_release = release_at(office=fars, published_at=INSIDE, author=fars_editor)
    rah_baharestan = outlet_of(tier=OutletTier.PROVINCIAL, province="خوزستان")
    article_in(outlet=rah_baharestan, seen_at=INSIDE)
    rates = _compute(pickup_rate, [khuzestan, fars])
    assert rates[khuzestan.pk].actual == 0
    assert fars.pk not in rates  # no outlet of Fars, no national outlet: Ayneh was not looking
    pickup_of(release=fars_release, outlet=rah_baharestan)  # but a pickup found is a pickup
    assert _compute(pickup_rate, [khuzestan, fars])[fars.pk].actual == 100


def test_an_office_without_releases_has_no_rate_and_no_breadth(khuzestan, irna):
    article_in(outlet=irna, seen_at=INSIDE)
    assert _one(pickup_rate, khuzestan) is None
    assert _one(pickup_breadth, khuzestan) is None


def test_breadth_is_the_mean_weighted_count_of_distinct_outlets_per_release(khuzestan, publish, irna):
    first, second, unpicked = publish(), publish(), publish()
    provincial = outlet_of(tier=OutletTier.PROVINCIAL, province="خوزستان")
    local = outlet_of(tier=OutletTier.LOCAL, province="خوزستان")
    counted = [
        pickup_of(release=first, outlet=irna),  # 3
        pickup_of(release=first, outlet=provincial),  # 2
        pickup_of(release=second, outlet=local),  # 1
    ]
    again = pickup_of(release=first, outlet=irna, after=DAY)  # the same outlet again: once per release
    pickup_of(release=second, outlet=irna, status=PickupStatus.REJECTED)
    computed = _one(pickup_breadth, khuzestan)
    assert computed.actual == pytest.approx((3 + 2 + 1) / 3)
    assert computed.inputs["outlets_by_tier"] == {"local": 1, "news_agency": 1, "provincial": 1}
    assert computed.inputs["pickups"] == sorted(p.pk for p in [*counted, again])
    assert unpicked is not None


def test_breadth_with_equal_tier_weights_counts_distinct_outlets(khuzestan, publish, irna):
    release = publish()
    pickup_of(release=release, outlet=irna)
    pickup_of(release=release, outlet=outlet_of(tier=OutletTier.LOCAL))
    weights = dict.fromkeys(OutletTier.values, 1)
    assert _one(pickup_breadth, khuzestan, {"days": 7, "tier_weights": weights}).actual == 2


def test_attribution_is_the_share_of_counted_pickups_that_credit_the_office(khuzestan, publish, irna):
    release = publish()
    credited = pickup_of(release=release, outlet=irna, credited=True, status=PickupStatus.CONFIRMED)
    uncredited = [pickup_of(release=release, outlet=outlet_of()) for _ in range(3)]
    pickup_of(release=release, outlet=outlet_of(), credited=True, status=PickupStatus.REJECTED)
    pickup_of(release=release, outlet=outlet_of(), credited=True, after=8 * DAY)
    computed = _one(attribution_rate, khuzestan, {})  # the default framework gives no days: 7
    assert computed.actual == 25
    assert computed.inputs["credited"] == [credited.pk]
    assert computed.inputs["uncredited"] == [p.pk for p in uncredited]
    assert (computed.inputs["confirmed"], computed.inputs["suggested"]) == (1, 3)


def test_every_list_of_keys_the_pickup_indicators_give_names_its_kind(khuzestan, publish, irna):
    pickup_of(release=publish(), outlet=irna, credited=True)
    for computer in (pickup_rate, pickup_breadth, attribution_rate):
        for name, value in _one(computer, khuzestan).inputs.items():
            if isinstance(value, list):
                assert name in EVIDENCE_INPUTS, name
    assert EVIDENCE_INPUTS["credited"] == EvidenceKind.PICKUP
    assert EVIDENCE_INPUTS["picked_up"] == EvidenceKind.RELEASE


def test_the_three_indicators_read_the_database_three_times_for_any_number_of_offices(
    khuzestan, fars, publish, irna, fars_editor, django_assert_num_queries
):
    for _ in range(3):
        pickup_of(release=publish(), outlet=irna, credited=True)
        pickup_of(release=release_at(office=fars, published_at=INSIDE, author=fars_editor), outlet=irna)
    scope = Scope(offices=[khuzestan, fars], window=WINDOW)
    # published releases, counted pickups, outlets read in the period: shared by the three indicators
    with django_assert_num_queries(3):
        results = [computer(scope=scope, params=PARAMS) for computer in (pickup_rate, pickup_breadth)]
        results.append(attribution_rate(scope=scope, params={}))
    assert [len(result) for result in results] == [2, 2, 2]
