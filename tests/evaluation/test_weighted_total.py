"""Totals: Σ wᵢ·sᵢ on 0–100, re-normalised over indicators with data and reported with coverage."""

import pytest

from ayneh.evaluation.scoring import weighted_total

WEIGHTS = {"a": 50.0, "b": 30.0, "c": 20.0}


def test_with_every_indicator_measured_it_is_the_plain_weighted_sum():
    result = weighted_total({"a": 1.0, "b": 0.5, "c": 0.25}, WEIGHTS)
    assert result.total == 50 + 15 + 5
    assert result.coverage == 1.0


def test_missing_data_is_left_out_and_the_rest_re_normalised():
    # b has no data: (50·1 + 20·0.25) / 70 of the weight → 78.57 on 0–100, coverage 0.7.
    result = weighted_total({"a": 1.0, "b": None, "c": 0.25}, WEIGHTS)
    assert result.total == 78.57
    assert result.coverage == 0.7


def test_an_indicator_absent_from_the_scores_counts_as_no_data():
    assert weighted_total({"a": 1.0, "c": 0.25}, WEIGHTS) == weighted_total({"a": 1.0, "b": None, "c": 0.25}, WEIGHTS)


def test_a_zero_score_is_data_and_pulls_the_total_down():
    result = weighted_total({"a": 1.0, "b": 0.0, "c": 0.25}, WEIGHTS)
    assert result.total == 55.0
    assert result.coverage == 1.0


def test_with_no_data_at_all_there_is_no_total():
    result = weighted_total({"a": None}, WEIGHTS)
    assert result.total is None
    assert result.coverage == 0.0


def test_it_refuses_a_score_for_an_indicator_without_weight():
    with pytest.raises(ValueError, match="without a weight"):
        weighted_total({"z": 1.0}, WEIGHTS)
