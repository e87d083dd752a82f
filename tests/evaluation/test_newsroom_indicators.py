"""Automatic indicators computed from the newsroom: what they count, at the period's edges, and "no data"."""

import datetime as dt

import pytest

from ayneh.evaluation.indicators.base import Scope
from ayneh.evaluation.indicators.newsroom import event_coverage, multimedia_share, news_timeliness, news_volume
from ayneh.evaluation.periods import PeriodKind, jalali_period_bounds, period_window
from ayneh.newsroom.models import ReleaseStatus
from tests.evaluation.newsroom_records import attachment_on, event_at, release_at

BOUNDS = jalali_period_bounds(kind=PeriodKind.QUARTER, year=1403, number=1)
WINDOW = period_window(starts_on=BOUNDS.starts_on, ends_on=BOUNDS.ends_on, months=BOUNDS.months)
INSIDE = dt.datetime(2024, 5, 1, 8, 0, tzinfo=dt.UTC)
HOUR = dt.timedelta(hours=1)


def _one(computer, office, params):
    """The computer's result for one office: its Computed, or None for no data."""
    return computer(scope=Scope(offices=[office], window=WINDOW), params=params).get(office.pk)


@pytest.fixture
def publish(khuzestan, khuzestan_editor):
    def make(published_at=INSIDE, **fields):
        return release_at(office=khuzestan, published_at=published_at, author=khuzestan_editor, **fields)

    return make


@pytest.fixture
def event(khuzestan, khuzestan_editor):
    def make(starts_at=INSIDE):
        return event_at(office=khuzestan, starts_at=starts_at, author=khuzestan_editor)

    return make


def test_news_volume_counts_releases_published_inside_the_period(khuzestan, publish, fars, fars_editor):
    counted = [
        publish(),
        publish(published_at=WINDOW.start),
        publish(published_at=WINDOW.end - dt.timedelta(seconds=1)),
    ]
    publish(published_at=WINDOW.end)  # 00:00 Tehran time after the last day
    publish(published_at=WINDOW.start - dt.timedelta(seconds=1))
    publish(status=ReleaseStatus.WITHDRAWN)
    publish(status=ReleaseStatus.IN_REVIEW, published_at=None)
    release_at(office=fars, published_at=INSIDE, author=fars_editor)
    computed = _one(news_volume, khuzestan, {})
    assert computed.actual == 3
    assert computed.inputs["releases"] == [str(r.uuid) for r in sorted(counted, key=lambda r: r.published_at)]


def test_news_volume_of_a_silent_office_is_zero_not_no_data(khuzestan):
    assert _one(news_volume, khuzestan, {}).actual == 0


def test_timeliness_is_the_share_of_event_releases_within_the_hours_after_the_event(khuzestan, publish, event):
    meeting = event(starts_at=INSIDE - 30 * HOUR)
    late = publish(event=meeting)  # 30 hours after
    timely = publish(event=meeting, published_at=INSIDE - 7 * HOUR)  # 23 hours after
    at_the_limit = publish(event=meeting, published_at=INSIDE - 6 * HOUR)  # exactly 24 hours
    publish()  # not linked to an event: not counted
    computed = _one(news_timeliness, khuzestan, {"hours": 24})
    assert computed.actual == pytest.approx(200 / 3)
    assert sorted(computed.inputs["timely"]) == sorted([str(timely.uuid), str(at_the_limit.uuid)])
    assert computed.inputs["late"] == [str(late.uuid)]


def test_timeliness_follows_the_hours_parameter(khuzestan, publish, event):
    publish(event=event(starts_at=INSIDE - 30 * HOUR))
    assert _one(news_timeliness, khuzestan, {"hours": 48}).actual == 100


def test_timeliness_without_event_releases_is_no_data(khuzestan, publish):
    publish()
    assert _one(news_timeliness, khuzestan, {"hours": 24}) is None


def test_event_coverage_is_the_share_of_the_periods_events_with_a_published_release(khuzestan, publish, event):
    covered, uncovered, drafted = event(), event(), event()
    publish(event=covered)
    publish(event=drafted, status=ReleaseStatus.DRAFT, published_at=None)
    event(starts_at=WINDOW.end + HOUR)  # next period's event
    computed = _one(event_coverage, khuzestan, {})
    assert computed.actual == pytest.approx(100 / 3)
    assert computed.inputs["covered"] == [str(covered.uuid)]
    assert sorted(computed.inputs["uncovered"]) == sorted([str(uncovered.uuid), str(drafted.uuid)])


def test_an_event_covered_only_after_the_period_ended_counts_as_uncovered(khuzestan, publish, event):
    last_day = event(starts_at=WINDOW.end - HOUR)
    publish(event=last_day, published_at=WINDOW.end + HOUR)
    assert _one(event_coverage, khuzestan, {}).actual == 0


def test_event_coverage_without_events_is_no_data(khuzestan):
    assert _one(event_coverage, khuzestan, {}) is None


def test_multimedia_share_counts_photos_and_image_attachments_not_pdfs(khuzestan, khuzestan_editor, publish):
    with_photo = publish(photo=True)
    with_image = publish()
    attachment_on(release=with_image, content_type="image/png", author=khuzestan_editor)
    with_pdf = publish()
    attachment_on(release=with_pdf, content_type="application/pdf", author=khuzestan_editor)
    publish()
    computed = _one(multimedia_share, khuzestan, {})
    assert computed.actual == 50
    assert sorted(computed.inputs["multimedia"]) == sorted([str(with_photo.uuid), str(with_image.uuid)])


def test_multimedia_share_without_releases_is_no_data(khuzestan):
    assert _one(multimedia_share, khuzestan, {}) is None


def test_one_call_measures_every_office_on_its_own_records(khuzestan, fars, khuzestan_editor, fars_editor, event):
    meeting = event()
    release_at(office=khuzestan, published_at=INSIDE, author=khuzestan_editor, event=meeting)
    release_at(office=fars, published_at=INSIDE, author=fars_editor, photo=True)
    release_at(office=fars, published_at=INSIDE, author=fars_editor)
    scope = Scope(offices=[khuzestan, fars], window=WINDOW)
    volume = news_volume(scope=scope, params={})
    assert (volume[khuzestan.pk].actual, volume[fars.pk].actual) == (1, 2)
    media = multimedia_share(scope=scope, params={})
    assert (media[khuzestan.pk].actual, media[fars.pk].actual) == (0, 50)
    coverage = event_coverage(scope=scope, params={})
    assert coverage[khuzestan.pk].actual == 100
    assert fars.pk not in coverage  # Fars held no event: no data


def test_the_computers_of_one_scope_read_the_releases_once(khuzestan, publish, django_assert_num_queries):
    publish()
    scope = Scope(offices=[khuzestan], window=WINDOW)
    with django_assert_num_queries(1):
        news_volume(scope=scope, params={})
        news_timeliness(scope=scope, params={})
        multimedia_share(scope=scope, params={})
    with django_assert_num_queries(1):  # its events
        event_coverage(scope=scope, params={})
