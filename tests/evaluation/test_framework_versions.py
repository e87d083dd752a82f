"""A framework in use is frozen; evaluators change a copy, a new version, which must add up before use."""

import pytest
from django.core.exceptions import PermissionDenied

from ayneh.core.models import AuditEntry
from ayneh.evaluation.models import Framework
from ayneh.evaluation.services import EvaluationError, FrameworkFrozen, framework_copy, indicator_update, period_open


def test_opening_a_period_freezes_its_framework(spring_1403):
    assert Framework.objects.get(pk=spring_1403.framework_id).is_frozen


def test_a_frozen_framework_refuses_edits(spring_1403, ministry_evaluator):
    indicator = spring_1403.framework.indicators.get(code="news.volume")
    with pytest.raises(FrameworkFrozen):
        indicator_update(indicator=indicator, actor=ministry_evaluator, weight=10)
    indicator.refresh_from_db()
    assert indicator.weight == 4


def test_a_copy_is_the_next_version_and_editable(spring_1403, ministry_evaluator):
    copy = framework_copy(framework=spring_1403.framework, actor=ministry_evaluator, title="چارچوب ۱۴۰۴")
    assert (copy.code, copy.version, copy.based_on, copy.is_frozen, copy.is_default) == (
        "default",
        2,
        spring_1403.framework,
        False,
        False,
    )
    assert copy.indicators.count() == 28
    volume = copy.indicators.get(code="news.volume")
    indicator_update(
        indicator=volume,
        actor=ministry_evaluator,
        targets={"provincial_dg": 40, "hq_unit": 15, "affiliated": 25},
    )
    volume.refresh_from_db()
    assert volume.targets["provincial_dg"] == 40
    assert AuditEntry.objects.filter(action="evaluation.indicator_updated", target_id="news.volume").exists()
    # the original keeps its targets
    assert spring_1403.framework.indicators.get(code="news.volume").targets["provincial_dg"] == 30


def test_a_copy_whose_weights_no_longer_add_up_cannot_open_a_period(spring_1403, ministry_evaluator, khuzestan):
    copy = framework_copy(framework=spring_1403.framework, actor=ministry_evaluator)
    indicator_update(indicator=copy.indicators.get(code="news.volume"), actor=ministry_evaluator, weight=6)
    with pytest.raises(EvaluationError, match="weight"):
        period_open(framework=copy, kind="year", year=1404, offices=[khuzestan], actor=ministry_evaluator)
    copy.refresh_from_db()
    assert not copy.is_frozen


def test_only_evaluators_copy_frameworks(default_framework, khuzestan_head):
    with pytest.raises(PermissionDenied):
        framework_copy(framework=default_framework, actor=khuzestan_head)
