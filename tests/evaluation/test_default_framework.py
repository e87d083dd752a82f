"""The shipped default framework is DESIGN.md's table: 8 axes, 28 indicators, weights summing to 100."""

from collections import Counter

from ayneh.evaluation.spec import Source, default_framework_spec

DESIGN_AXIS_WEIGHTS = {
    "planning": 10,
    "news": 20,
    "media": 20,
    "social": 10,
    "responsiveness": 15,
    "monitoring": 10,
    "outcomes": 10,
    "capacity": 5,
}
# Per axis, the sources of its indicators in DESIGN.md's order, with their weights.
DESIGN_INDICATORS = {
    "planning": [("eval", 5), ("log", 3), ("auto", 2)],
    "news": [("auto", 4), ("auto", 5), ("auto", 4), ("eval", 5), ("auto", 2)],
    "media": [("auto", 6), ("auto", 5), ("auto", 3), ("log", 4), ("auto", 2)],
    "social": [("auto", 3), ("auto", 4), ("log", 3)],
    "responsiveness": [("auto", 6), ("auto", 5), ("survey", 4)],
    "monitoring": [("auto", 3), ("eval", 4), ("eval", 3)],
    "outcomes": [("survey", 4), ("survey", 3), ("eval", 3)],
    "capacity": [("log", 2), ("eval", 1), ("auto", 2)],
}
TIERS = ("provincial_dg", "hq_unit", "affiliated")


def test_it_has_eight_axes_and_twenty_eight_indicators():
    spec = default_framework_spec()
    assert len(spec.axes) == 8
    assert len(spec.indicators) == 28


def test_its_weights_sum_to_one_hundred():
    spec = default_framework_spec()
    assert sum(indicator.weight for indicator in spec.indicators) == 100
    assert sum(axis.weight for axis in spec.axes) == 100


def test_its_axes_and_indicators_follow_the_design_table():
    spec = default_framework_spec()
    assert {axis.code: axis.weight for axis in spec.axes} == DESIGN_AXIS_WEIGHTS
    for axis_code, expected in DESIGN_INDICATORS.items():
        actual = [(str(i.source), i.weight) for i in spec.indicators_of(axis_code)]
        assert actual == expected, axis_code


def test_every_indicator_has_a_persian_name_a_formula_and_unique_code():
    spec = default_framework_spec()
    codes = Counter(indicator.code for indicator in spec.indicators)
    assert max(codes.values()) == 1
    for indicator in spec.indicators:
        assert any("\u0600" <= ch <= "\u06ff" for ch in indicator.name), indicator.code
        assert indicator.formula, indicator.code


def test_measured_indicators_have_a_target_for_every_tier_and_rubric_ones_have_five_texts():
    spec = default_framework_spec()
    for indicator in spec.indicators:
        if indicator.source == Source.EVAL:
            assert indicator.rubric is not None
            assert len(indicator.rubric) == 5
            assert all(indicator.targets[tier] is None for tier in TIERS)
        else:
            assert indicator.rubric is None
            assert all(indicator.targets[tier] is not None for tier in TIERS), indicator.code


def test_it_grades_with_the_six_bands_and_ships_the_four_level_preset():
    spec = default_framework_spec()
    assert [(b.name, b.minimum) for b in spec.bands] == [
        ("عالی", 90),
        ("خیلی خوب", 80),
        ("خوب", 70),
        ("متوسط", 60),
        ("ضعیف", 50),
        ("خیلی ضعیف", 0),
    ]
    four = spec.band_presets["four_level"]
    assert [b.name for b in four] == ["سرآمد", "فعال", "نیمه‌فعال", "غیرفعال"]
    # Every four-level boundary is a six-level boundary, so the presets never disagree across one.
    assert {b.minimum for b in four} <= {b.minimum for b in spec.bands}


def test_it_has_at_least_one_lower_is_better_indicator():
    spec = default_framework_spec()
    assert any(indicator.direction == "lower" for indicator in spec.indicators)
