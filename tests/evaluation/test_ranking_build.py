"""The ranking document: totals, grades, national and tier ranks, axis and indicator ranks, the phrase."""

import pytest

from ayneh.evaluation.ranking import Measurement, OfficeMeasurements, ranking_build
from tests.evaluation.rankings import PERIOD, SPEC, measured_office


def _cards(*offices):
    document = ranking_build(framework=SPEC, period=PERIOD, offices=offices)
    return {card["code"]: card for card in document["offices"]}, document


def test_offices_are_ordered_by_national_rank_with_shared_ranks_for_equal_totals():
    _cards_by_code, document = _cards(
        measured_office("c", score=0.7), measured_office("a", score=0.95), measured_office("b", score=0.7)
    )
    assert [(card["code"], card["rank"], card["total"]) for card in document["offices"]] == [
        ("a", 1, 95.0),
        ("b", 2, 70.0),
        ("c", 2, 70.0),
    ]


def test_grades_follow_the_bands():
    cards, _ = _cards(measured_office("a", score=0.9), measured_office("b", score=0.8999))
    assert cards["a"]["band_name"] == "عالی"
    assert cards["b"]["band_name"] == "خیلی خوب"


def test_offices_are_also_ranked_within_their_tier():
    cards, _ = _cards(
        measured_office("dg", score=0.6),
        measured_office("hq-strong", score=0.9, tier="hq_unit"),
        measured_office("hq-weak", score=0.5, tier="hq_unit"),
    )
    assert (cards["dg"]["rank"], cards["dg"]["tier_rank"]) == (2, 1)
    assert (cards["hq-weak"]["rank"], cards["hq-weak"]["tier_rank"]) == (3, 2)


def test_an_office_below_the_coverage_threshold_shows_its_total_but_gets_no_grade_or_rank():
    # Data only on the news axis (20 of 100): below the default min_coverage of 0.5.
    news_only = {i.code: (1.0 if i.axis == "news" else None) for i in SPEC.indicators}
    cards, _ = _cards(measured_office("thin", score=None, overrides=news_only), measured_office("full", score=0.6))
    thin = cards["thin"]
    assert (thin["total"], thin["coverage"], thin["graded"]) == (100.0, 0.2, False)
    assert (thin["band"], thin["rank"], thin["tier_rank"], thin["superlative"]) == (None, None, None, False)
    assert cards["full"]["rank"] == 1
    # Its indicators are still ranked: they describe one dimension each.
    assert thin["indicators"]["news.volume"]["rank"] == 1


def test_every_indicator_appears_on_every_scorecard_and_no_data_has_no_rank():
    cards, _ = _cards(measured_office("a", overrides={"media.pickup_rate": None}))
    entry = cards["a"]["indicators"]["media.pickup_rate"]
    assert entry == {"actual": None, "target": None, "score": None, "rank": None}
    assert len(cards["a"]["indicators"]) == 28


def test_axis_scores_are_percentages_ranked_across_offices():
    cards, _ = _cards(
        measured_office("a", overrides={"news.volume": 0.5}),  # 4 of the news axis's 20 at half
        measured_office("b"),
    )
    assert cards["a"]["axes"]["news"] == {"score": 90.0, "coverage": 1.0, "rank": 2}
    assert cards["b"]["axes"]["news"]["rank"] == 1
    assert cards["a"]["axes"]["planning"]["rank"] == 1


def test_the_phrase_is_offered_to_an_excellent_office_first_everywhere():
    cards, _ = _cards(measured_office("best", score=1.0), measured_office("other", score=0.8))
    assert cards["best"]["superlative"] is True
    assert cards["other"]["superlative"] is False


def test_the_phrase_is_withheld_from_a_national_first_that_is_second_in_one_indicator():
    cards, _ = _cards(
        measured_office("best", overrides={"news.volume": 0.95}),
        measured_office("volume-champion", score=0.8, overrides={"news.volume": 1.0}),
    )
    assert cards["best"]["rank"] == 1
    assert cards["best"]["band_name"] == "عالی"
    assert cards["best"]["superlative"] is False


def test_two_perfect_offices_may_both_use_the_phrase():
    cards, _ = _cards(measured_office("a"), measured_office("b"))
    assert cards["a"]["superlative"]
    assert cards["b"]["superlative"]


def test_it_refuses_measurements_for_indicators_outside_the_framework():
    stray = OfficeMeasurements(
        code="a", name="الف", tier="provincial_dg", measurements={"made.up": Measurement(1, 1, 1)}
    )
    with pytest.raises(ValueError, match="unknown indicators"):
        ranking_build(framework=SPEC, period=PERIOD, offices=[stray])


def test_it_refuses_the_same_office_twice():
    with pytest.raises(ValueError, match="twice"):
        ranking_build(framework=SPEC, period=PERIOD, offices=[measured_office("a"), measured_office("a")])
