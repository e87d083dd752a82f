"""Half-up rounding on the printed decimal, with a fast path that must agree with the exact one."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ayneh.evaluation.scoring import round_half_up, round_half_up_exact


@pytest.mark.parametrize(
    ("value", "places", "rounded"),
    [(89.995, 2, 90.0), (89.994, 2, 89.99), (0.33335, 4, 0.3334), (2.5, 0, 3.0), (0.125, 2, 0.13), (45.0, 2, 45.0)],
)
def test_halves_round_up_on_the_printed_decimal(value, places, rounded):
    assert round_half_up(value, places) == rounded


@given(st.floats(min_value=0, max_value=1e7, allow_nan=False), st.sampled_from([0, 2, 4]))
def test_the_fast_path_agrees_with_the_exact_decimal_rounding(value, places):
    assert round_half_up(value, places) == round_half_up_exact(value, places)


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=9999))
def test_values_exactly_at_a_printed_half_round_up(whole, digits):
    value = float(f"{whole}.{digits:04d}5")
    assert round_half_up(value, 4) == round_half_up_exact(value, 4)
