"""The models' choices and the pure framework spec name sources, directions, units and periods alike."""

import pytest

from ayneh.evaluation import models, periods, spec


@pytest.mark.parametrize(
    ("choices", "enum"),
    [
        (models.Source, spec.Source),
        (models.Direction, spec.Direction),
        (models.Unit, spec.Unit),
        (models.TargetPeriod, spec.TargetPeriod),
        (models.PeriodKind, periods.PeriodKind),
    ],
)
def test_model_choices_and_spec_enums_have_the_same_values(choices, enum):
    assert set(choices.values) == {member.value for member in enum}
