"""Evaluators rate offices 0–4 against the rubric, with a required comment; every rating is kept and audited."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ayneh.core.models import AuditEntry
from ayneh.evaluation.models import EvaluatorScore, IndicatorValue
from ayneh.evaluation.services import evaluator_score_set


@pytest.fixture
def annual_plan(spring_1403):
    return spring_1403.framework.indicators.get(code="planning.annual_plan")


def _rate(period, office, indicator, actor, rating=3, comment="اهداف سنجش‌پذیرند؛ منابع مشخص نیست."):
    return evaluator_score_set(
        period=period, office=office, indicator=indicator, rating=rating, comment=comment, actor=actor
    )


def test_a_rating_sets_the_offices_value_to_a_quarter_per_level(
    spring_1403, khuzestan, annual_plan, ministry_evaluator
):
    _rate(spring_1403, khuzestan, annual_plan, ministry_evaluator, rating=3)
    value = IndicatorValue.objects.get(period=spring_1403, office=khuzestan, indicator=annual_plan)
    assert (value.actual, value.score, value.source) == (3, 0.75, "eval")
    assert value.inputs["comment"] == "اهداف سنجش‌پذیرند؛ منابع مشخص نیست."
    assert value.inputs["evaluator"] == "ministry_evaluator"


def test_a_new_rating_is_kept_beside_the_old_and_the_latest_counts(
    spring_1403, khuzestan, annual_plan, ministry_evaluator
):
    _rate(spring_1403, khuzestan, annual_plan, ministry_evaluator, rating=2)
    _rate(spring_1403, khuzestan, annual_plan, ministry_evaluator, rating=4, comment="برنامه اصلاح‌شده کامل است.")
    assert list(EvaluatorScore.objects.values_list("rating", flat=True)) == [4, 2]
    assert IndicatorValue.objects.get(office=khuzestan, indicator=annual_plan).score == 1.0
    row = AuditEntry.objects.filter(action="evaluation.score_set").first()
    assert (row.actor, row.office, row.data["before"], row.data["after"]) == (ministry_evaluator, khuzestan, 2, 4)


@pytest.mark.parametrize("comment", ["", "   "])
def test_a_rating_without_a_comment_is_refused(spring_1403, khuzestan, annual_plan, ministry_evaluator, comment):
    with pytest.raises(ValidationError, match="comment"):
        _rate(spring_1403, khuzestan, annual_plan, ministry_evaluator, comment=comment)
    assert not EvaluatorScore.objects.exists()


@pytest.mark.parametrize("rating", [-1, 5])
def test_a_rating_outside_the_rubric_is_refused(spring_1403, khuzestan, annual_plan, ministry_evaluator, rating):
    with pytest.raises(ValidationError, match="rating"):
        _rate(spring_1403, khuzestan, annual_plan, ministry_evaluator, rating=rating)


def test_an_office_head_cannot_rate_even_their_own_office(spring_1403, khuzestan, annual_plan, khuzestan_head):
    with pytest.raises(PermissionDenied):
        _rate(spring_1403, khuzestan, annual_plan, khuzestan_head)


def test_a_measured_indicator_cannot_be_rated_on_a_rubric(spring_1403, khuzestan, ministry_evaluator):
    volume = spring_1403.framework.indicators.get(code="news.volume")
    with pytest.raises(ValidationError, match="indicator"):
        _rate(spring_1403, khuzestan, volume, ministry_evaluator)
