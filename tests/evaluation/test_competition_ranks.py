"""Ranks: standard competition ranking ("1, 2, 2, 4"), None for no data, and ranks within a tier."""

from hypothesis import given
from hypothesis import strategies as st

from ayneh.evaluation.scoring import competition_ranks, ranks_within_groups


def test_tied_values_share_a_rank_and_the_next_rank_is_skipped():
    ranks = competition_ranks({"a": 95.0, "b": 90.0, "c": 90.0, "d": 70.0})
    assert ranks == {"a": 1, "b": 2, "c": 2, "d": 4}


def test_a_tie_at_the_top_gives_two_first_places():
    assert competition_ranks({"a": 90.0, "b": 90.0, "c": 80.0}) == {"a": 1, "b": 1, "c": 3}


def test_offices_without_data_are_not_ranked_and_do_not_push_others_down():
    assert competition_ranks({"a": None, "b": 50.0, "c": 60.0}) == {"a": None, "b": 2, "c": 1}


def test_ranks_within_a_tier_ignore_the_other_tiers():
    values = {"dg-1": 80.0, "dg-2": 70.0, "hq-1": 75.0, "hq-2": 90.0}
    tiers = {"dg-1": "provincial_dg", "dg-2": "provincial_dg", "hq-1": "hq_unit", "hq-2": "hq_unit"}
    assert ranks_within_groups(values, tiers) == {"dg-1": 1, "dg-2": 2, "hq-1": 2, "hq-2": 1}


@given(st.dictionaries(st.text(min_size=1, max_size=3), st.one_of(st.none(), st.integers(0, 5).map(float))))
def test_a_rank_is_one_plus_the_number_of_strictly_better_values(values):
    ranks = competition_ranks(values)
    for key, value in values.items():
        if value is None:
            assert ranks[key] is None
        else:
            better = sum(1 for other in values.values() if other is not None and other > value)
            assert ranks[key] == better + 1
