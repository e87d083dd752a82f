"""Rubric ratings 0–4 score r/4; per-month and per-year targets scale with the period's length."""

import pytest

from ayneh.evaluation.scoring import rubric_score, scaled_target
from ayneh.evaluation.spec import TargetPeriod


@pytest.mark.parametrize(("rating", "score"), [(0, 0.0), (1, 0.25), (2, 0.5), (3, 0.75), (4, 1.0)])
def test_a_rubric_rating_scores_a_quarter_per_level(rating, score):
    assert rubric_score(rating) == score


def test_an_unrated_rubric_indicator_has_no_score():
    assert rubric_score(None) is None


@pytest.mark.parametrize("rating", [-1, 5, 2.5, True])
def test_it_refuses_ratings_outside_the_rubric(rating):
    with pytest.raises(ValueError, match="rubric rating"):
        rubric_score(rating)


def test_a_monthly_target_is_multiplied_by_the_months_of_the_period():
    assert scaled_target(30, per=TargetPeriod.MONTH, months=3) == 90
    assert scaled_target(30, per=TargetPeriod.MONTH, months=12) == 360


def test_a_yearly_target_is_prorated_over_the_months_of_the_period():
    assert scaled_target(40, per=TargetPeriod.YEAR, months=3) == 10
    assert scaled_target(40, per=TargetPeriod.YEAR, months=12) == 40


def test_a_share_target_does_not_depend_on_the_period():
    assert scaled_target(80, per=None, months=1) == 80
    assert scaled_target(80, per=None, months=12) == 80


def test_no_target_stays_no_target():
    assert scaled_target(None, per=TargetPeriod.MONTH, months=3) is None
