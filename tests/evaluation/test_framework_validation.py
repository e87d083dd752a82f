"""A broken framework document is refused with a message that says where, never loaded half-right."""

import copy
from typing import Any

import pytest

from ayneh.evaluation.spec import FrameworkError, default_framework_document, framework_spec_from_dict


@pytest.fixture
def document() -> dict[str, Any]:
    return copy.deepcopy(default_framework_document())


def _indicator(document: dict[str, Any], code: str) -> dict[str, Any]:
    return next(item for item in document["indicators"] if item["code"] == code)


def test_it_refuses_indicator_weights_that_do_not_add_up_to_their_axis(document):
    _indicator(document, "news.volume")["weight"] = 5
    with pytest.raises(FrameworkError, match="axis news"):
        framework_spec_from_dict(document)


def test_it_refuses_axis_weights_that_do_not_sum_to_one_hundred(document):
    document["axes"][0]["weight"] = 11
    _indicator(document, "planning.annual_plan")["weight"] = 6
    with pytest.raises(FrameworkError, match="sum to 101"):
        framework_spec_from_dict(document)


def test_it_refuses_an_indicator_on_an_unknown_axis(document):
    _indicator(document, "news.volume")["axis"] = "sports"
    with pytest.raises(FrameworkError, match="unknown axis"):
        framework_spec_from_dict(document)


def test_it_refuses_an_evaluator_indicator_without_five_rubric_texts(document):
    _indicator(document, "news.quality")["rubric"] = ["بد", "خوب"]
    with pytest.raises(FrameworkError, match="rubric"):
        framework_spec_from_dict(document)


def test_it_refuses_an_automatic_indicator_without_a_computer(document):
    _indicator(document, "news.volume")["computer"] = None
    with pytest.raises(FrameworkError, match="computer"):
        framework_spec_from_dict(document)


def test_it_refuses_bands_that_leave_low_totals_without_a_grade(document):
    document["band_presets"]["six_level"][-1]["min"] = 10
    with pytest.raises(FrameworkError, match="start at 0"):
        framework_spec_from_dict(document)


def test_it_refuses_bands_out_of_order(document):
    bands = document["band_presets"]["six_level"]
    bands[0], bands[1] = bands[1], bands[0]
    with pytest.raises(FrameworkError, match="strictly decrease"):
        framework_spec_from_dict(document)


@pytest.mark.parametrize("bad", [-1, True, "30", float("nan")])
def test_it_refuses_targets_that_are_not_non_negative_numbers(document, bad):
    _indicator(document, "news.volume")["targets"]["provincial_dg"] = bad
    with pytest.raises(FrameworkError, match=r"news\.volume\.targets\.provincial_dg"):
        framework_spec_from_dict(document)


def test_it_refuses_targets_for_a_tier_the_framework_does_not_know(document):
    _indicator(document, "news.volume")["targets"]["ministry"] = 5
    with pytest.raises(FrameworkError, match="unknown tiers"):
        framework_spec_from_dict(document)
