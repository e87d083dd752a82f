"""Coverage over time is counted in Jalali months and Saturday-to-Friday weeks of Iran's local time: an
article published half an hour after midnight on 1 Farvardin (still 19 March in UTC) counts in Farvardin."""

import datetime as dt

import pytest

from ayneh.accounts.models import User
from ayneh.monitoring.models import Outlet
from ayneh.monitoring.selectors import coverage_over_time, coverage_scope
from ayneh.monitoring.services import article_ingest
from tests.monitoring.coverage import MENTION_TEXT
from tests.monitoring.factories import incoming_make

pytestmark = pytest.mark.django_db

# Tehran is +03:30 in March 2024.
LAST_OF_ESFAND_2330 = dt.datetime(2024, 3, 19, 20, 0, tzinfo=dt.UTC)  # 1402/12/29 23:30
FIRST_OF_FARVARDIN_0030 = dt.datetime(2024, 3, 19, 21, 0, tzinfo=dt.UTC)  # 1403/01/01 00:30
FRIDAY_2330 = dt.datetime(2024, 3, 22, 20, 0, tzinfo=dt.UTC)  # Friday 1403/01/03 23:30
SATURDAY_0030 = dt.datetime(2024, 3, 22, 21, 0, tzinfo=dt.UTC)  # Saturday 1403/01/04 00:30
NOW = dt.datetime(2024, 4, 15, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def mentions(khuzestan_head: User, rah_baharestan: Outlet) -> None:
    for n, moment in enumerate((LAST_OF_ESFAND_2330, FIRST_OF_FARVARDIN_0030, FRIDAY_2330, SATURDAY_0030)):
        outcome = article_ingest(
            record=incoming_make(text=MENTION_TEXT + f" گزارش شماره {n + 1}.", published=moment), outlet=rah_baharestan
        )
        assert outcome.article is not None
        assert outcome.article.source_office is not None


def test_months_are_jalali_months_of_local_time(mentions: None, khuzestan_head: User) -> None:
    scope = coverage_scope(user=khuzestan_head, office=None, since=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))

    buckets = coverage_over_time(scope=scope, period="month", now=NOW)

    assert [b.start for b in buckets] == [
        dt.date(2023, 12, 22),  # 1 Dey 1402
        dt.date(2024, 1, 21),  # 1 Bahman
        dt.date(2024, 2, 20),  # 1 Esfand
        dt.date(2024, 3, 20),  # 1 Farvardin 1403
    ]
    assert [(b.count, b.unoriginated) for b in buckets] == [(0, 0), (0, 0), (0, 1), (0, 3)]


def test_weeks_run_from_saturday_to_friday_in_local_time(mentions: None, khuzestan_head: User) -> None:
    scope = coverage_scope(user=khuzestan_head, office=None, since=dt.datetime(2024, 3, 16, tzinfo=dt.UTC))

    buckets = {b.start: b.unoriginated for b in coverage_over_time(scope=scope, period="week", now=NOW)}

    assert buckets[dt.date(2024, 3, 16)] == 3  # Saturday 16 March: the Esfand/Farvardin pair and Friday
    assert buckets[dt.date(2024, 3, 23)] == 1  # Saturday 23 March, from half past midnight
    assert all(start.weekday() == 5 for start in buckets)


def test_another_province_sees_none_of_it(mentions: None, fars_head: User) -> None:
    scope = coverage_scope(user=fars_head, office=None, since=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))

    assert sum(b.unoriginated + b.count for b in coverage_over_time(scope=scope, period="month", now=NOW)) == 0
