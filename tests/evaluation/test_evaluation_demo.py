"""`ayneh demo`'s evaluation: one published demo period of the current Jalali year, graded offices with
ratings and comments, and a re-run that creates nothing."""

from django.utils import timezone

from ayneh.core.jalali import to_jalali
from ayneh.core.models import AuditEntry
from ayneh.evaluation.demo import evaluation_demo_ensure
from ayneh.evaluation.models import EvaluatorScore, IndicatorValue, Period, PeriodStatus, RankingSnapshot
from tests.evaluation.newsroom_records import release_at


def _counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count() for model in (Period, RankingSnapshot, EvaluatorScore, IndicatorValue, AuditEntry)
    )


def test_the_demo_publishes_a_marked_period_of_this_year_with_graded_offices(
    ministry_evaluator, khuzestan, fars, khuzestan_editor, fars_editor
):
    # With a release each, the newsroom indicators add enough measured weight to the rated ones.
    release_at(office=khuzestan, published_at=timezone.now(), author=khuzestan_editor)
    release_at(office=fars, published_at=timezone.now(), author=fars_editor)
    outcome = evaluation_demo_ensure(evaluator=ministry_evaluator)
    period = outcome.period
    assert outcome.created
    assert period.is_demo
    assert period.status == PeriodStatus.PUBLISHED
    assert period.jalali_year == to_jalali(timezone.now()).year
    assert set(period.offices.values_list("code", flat=True)) == {"dg-khuzestan", "dg-fars"}  # not the ministry
    content = RankingSnapshot.objects.get(period=period).content
    assert all(card["graded"] for card in content["offices"])
    assert EvaluatorScore.objects.filter(period=period).exclude(comment="").count() > 0


def test_running_the_demo_again_creates_nothing(ministry_evaluator, khuzestan, fars):
    first = evaluation_demo_ensure(evaluator=ministry_evaluator).period
    before = _counts()
    again = evaluation_demo_ensure(evaluator=ministry_evaluator)
    assert again.period == first
    assert not again.created
    assert _counts() == before
