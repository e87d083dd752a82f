"""The panel's pages over a period cost the same number of queries for 2 offices as for 20 (no query per
office or per rating)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ayneh.evaluation.services import evaluator_score_set, period_open
from ayneh.offices.models import Tier
from tests.evaluation.views_helpers import signed_in
from tests.factories import office_make


def _period(framework, evaluator, count, year):
    offices = [office_make(tier=Tier.PROVINCIAL_DG) for _ in range(count)]
    period = period_open(framework=framework, kind="year", year=year, offices=offices, actor=evaluator)
    for office in offices:
        for indicator in framework.indicators.filter(source="eval")[:2]:
            evaluator_score_set(
                period=period, office=office, indicator=indicator, rating=2, comment="بخشی", actor=evaluator
            )
    return period


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", ["evaluation:panel-scoring", "evaluation:panel-period"])
def test_period_pages_cost_the_same_for_few_and_many_offices(client, name, default_framework, ministry_evaluator):
    few = _period(default_framework, ministry_evaluator, 2, 1402)
    many = _period(default_framework, ministry_evaluator, 20, 1403)
    client = signed_in(client, ministry_evaluator)
    assert _queries(client, reverse(name, kwargs={"key": few.uuid})) == _queries(
        client, reverse(name, kwargs={"key": many.uuid})
    )


def test_the_panel_home_costs_the_same_for_one_period_and_three(client, default_framework, ministry_evaluator):
    client = signed_in(client, ministry_evaluator)
    _period(default_framework, ministry_evaluator, 2, 1401)
    one = _queries(client, reverse("evaluation:panel"))
    _period(default_framework, ministry_evaluator, 5, 1402)
    _period(default_framework, ministry_evaluator, 8, 1403)
    assert _queries(client, reverse("evaluation:panel")) == one
