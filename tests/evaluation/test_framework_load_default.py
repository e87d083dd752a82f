"""Loading the shipped default framework into the database: complete, faithful and idempotent."""

from ayneh.core.models import AuditEntry
from ayneh.evaluation import selectors
from ayneh.evaluation.models import Framework, Indicator
from ayneh.evaluation.services import framework_load_default
from ayneh.evaluation.spec import default_framework_spec


def test_it_creates_the_eight_axes_and_twenty_eight_indicators(db):
    framework = framework_load_default()
    assert framework.axes.count() == 8
    assert framework.indicators.count() == 28
    assert framework.is_default
    assert not framework.is_frozen


def test_the_stored_framework_reads_back_as_the_json_it_came_from(db):
    framework = framework_load_default()
    assert selectors.framework_spec(framework=framework).indicators == default_framework_spec().indicators


def test_loading_twice_changes_nothing_and_is_audited_once(db):
    first = framework_load_default()
    second = framework_load_default()
    assert first.pk == second.pk
    assert Framework.objects.count() == 1
    assert Indicator.objects.count() == 28
    assert AuditEntry.objects.filter(action="evaluation.framework_loaded").count() == 1


def test_automatic_indicators_name_their_computer_and_rubric_ones_keep_five_texts(db):
    framework = framework_load_default()
    volume = framework.indicators.get(code="news.volume")
    assert (volume.computer, volume.target_period, volume.targets["provincial_dg"]) == ("news_volume", "month", 30)
    plan = framework.indicators.get(code="planning.annual_plan")
    assert len(plan.rubric) == 5
    assert plan.computer == ""
