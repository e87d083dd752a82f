"""Grade bands at their boundaries, decided on the total as printed (two decimals)."""

import pytest

from ayneh.evaluation.scoring import band_for, round_half_up
from ayneh.evaluation.spec import default_framework_spec


@pytest.fixture(scope="module")
def spec():
    return default_framework_spec()


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (100, "عالی"),
        (90, "عالی"),
        (89.99, "خیلی خوب"),
        (89.9, "خیلی خوب"),
        (80, "خیلی خوب"),
        (79.9, "خوب"),
        (70, "خوب"),
        (69.9, "متوسط"),
        (60, "متوسط"),
        (59.9, "ضعیف"),
        (50, "ضعیف"),
        (49.99, "خیلی ضعیف"),
        (0, "خیلی ضعیف"),
    ],
)
def test_each_total_falls_in_the_band_the_design_gives_it(spec, total, band):
    assert band_for(total, spec.bands).name == band


def test_a_total_that_prints_as_ninety_is_graded_excellent(spec):
    # 89.995 is printed as 90.00 on the scorecard; the grade follows what is printed.
    assert round_half_up(89.995, 2) == 90.0
    assert band_for(round_half_up(89.995, 2), spec.bands).name == "عالی"
    assert band_for(round_half_up(89.994, 2), spec.bands).name == "خیلی خوب"


@pytest.mark.parametrize(
    ("total", "band"),
    [(95, "سرآمد"), (89.99, "فعال"), (70, "فعال"), (69.99, "نیمه‌فعال"), (50, "نیمه‌فعال"), (10, "غیرفعال")],
)
def test_the_four_level_preset_uses_the_same_kind_of_boundaries(spec, total, band):
    assert band_for(total, spec.band_presets["four_level"]).name == band


def test_no_total_has_no_band(spec):
    assert band_for(None, spec.bands) is None
