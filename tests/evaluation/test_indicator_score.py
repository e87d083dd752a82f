"""Indicator scores: actual against target, capped at 1, inverted when lower is better, None for no data."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ayneh.evaluation.scoring import indicator_score
from ayneh.evaluation.spec import Direction

HIGHER = Direction.HIGHER
LOWER = Direction.LOWER


def test_it_scores_the_share_of_the_target_reached():
    assert indicator_score(actual=45, target=90, direction=HIGHER) == 0.5


def test_it_caps_the_score_at_one_when_the_target_is_exceeded():
    assert indicator_score(actual=400, target=90, direction=HIGHER) == 1.0


def test_it_inverts_the_ratio_when_lower_is_better():
    # A median of 96 hours against a 48-hour target is half the score.
    assert indicator_score(actual=96, target=48, direction=LOWER) == 0.5
    assert indicator_score(actual=12, target=48, direction=LOWER) == 1.0


def test_an_actual_of_zero_is_the_best_score_when_lower_is_better():
    assert indicator_score(actual=0, target=48, direction=LOWER) == 1.0


def test_a_zero_target_is_met_by_anything_when_higher_is_better():
    assert indicator_score(actual=0, target=0, direction=HIGHER) == 1.0


def test_a_zero_target_tolerates_nothing_when_lower_is_better():
    assert indicator_score(actual=3, target=0, direction=LOWER) == 0.0
    assert indicator_score(actual=0, target=0, direction=LOWER) == 1.0


def test_doing_nothing_scores_zero_not_no_data():
    assert indicator_score(actual=0, target=90, direction=HIGHER) == 0.0


@pytest.mark.parametrize(("actual", "target"), [(None, 90), (45, None), (None, None)])
def test_it_returns_none_when_there_is_no_data_or_no_target(actual, target):
    assert indicator_score(actual=actual, target=target, direction=HIGHER) is None


def test_it_refuses_negative_numbers():
    with pytest.raises(ValueError, match="negative"):
        indicator_score(actual=-1, target=10, direction=HIGHER)


def test_it_keeps_four_decimals():
    assert indicator_score(actual=1, target=3, direction=HIGHER) == 0.3333


@given(
    actual=st.floats(min_value=0, max_value=1e9, allow_nan=False),
    target=st.floats(min_value=0, max_value=1e9, allow_nan=False),
    direction=st.sampled_from(list(Direction)),
)
def test_every_score_lies_between_zero_and_one(actual, target, direction):
    score = indicator_score(actual=actual, target=target, direction=direction)
    assert score is not None
    assert 0.0 <= score <= 1.0


@given(
    target=st.floats(min_value=0.01, max_value=1e6, allow_nan=False),
    low=st.floats(min_value=0, max_value=1e6, allow_nan=False),
    high=st.floats(min_value=0, max_value=1e6, allow_nan=False),
)
def test_more_is_never_worse_when_higher_is_better_and_never_better_when_lower_is(target, low, high):
    low, high = sorted((low, high))
    assert indicator_score(actual=low, target=target, direction=HIGHER) <= indicator_score(
        actual=high, target=target, direction=HIGHER
    )
    assert indicator_score(actual=low, target=target, direction=LOWER) >= indicator_score(
        actual=high, target=target, direction=LOWER
    )
