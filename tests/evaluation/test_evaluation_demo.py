"""`ayneh demo`'s evaluation: one published demo period of the current Jalali year, demo newsroom activity
for every office, graded offices of every tier with ratings and comments, some left for the evaluator,
the superlative phrase only where it holds, and a re-run that creates nothing."""

from django.utils import timezone

from ayneh.accounts.models import User
from ayneh.core.jalali import to_jalali
from ayneh.core.models import AuditEntry
from ayneh.evaluation.demo import DESK_USERNAME, evaluation_demo_ensure
from ayneh.evaluation.models import EvaluatorScore, IndicatorValue, Period, PeriodStatus, RankingSnapshot
from ayneh.newsroom.models import Release, ReleaseStatus
from ayneh.offices.models import Tier
from tests.evaluation.newsroom_records import release_at
from tests.factories import office_make


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


def test_the_demo_ranks_offices_of_every_tier_from_their_demo_newsroom_and_leaves_some_for_the_evaluator(
    ministry_evaluator, khuzestan, fars
):
    # Fixed codes: the demo derives each office's activity from its code, so the ranking must not depend on
    # how many offices other tests made before this one.
    others = [
        office_make(code=f"demo-{tier}-{n}".replace("_", "-"), tier=tier)
        for tier in (Tier.HQ_UNIT, Tier.AFFILIATED)
        for n in range(5)
    ]
    period = evaluation_demo_ensure(evaluator=ministry_evaluator).period
    offices = [khuzestan, fars, *others]
    # Every office got demo releases, written and published by the demo news desk through the services.
    desk = User.objects.get(username=DESK_USERNAME)
    assert desk.is_demo
    published = Release.objects.filter(created_by=desk, status=ReleaseStatus.PUBLISHED)
    assert set(published.values_list("office_id", flat=True)) == {office.pk for office in offices}
    assert AuditEntry.objects.filter(action="release.published", actor=desk).count() == published.count()
    content = RankingSnapshot.objects.get(period=period).content
    cards = {card["code"]: card for card in content["offices"]}
    # The seed article's office is the most active: first among the provincial directorates (offices are
    # compared within tiers; the national rank also depends on the made-up offices' wobbles).
    assert cards["dg-khuzestan"]["tier_rank"] == 1
    assert cards["dg-khuzestan"]["rank"] < cards["dg-fars"]["rank"]
    graded_tiers = {card["tier"] for card in cards.values() if card["graded"]}
    assert graded_tiers == {Tier.PROVINCIAL_DG, Tier.HQ_UNIT, Tier.AFFILIATED}
    # Every ninth office (by code) is left for the evaluator: measured, but not graded or ranked yet.
    ungraded = [card for card in cards.values() if not card["graded"]]
    assert [card["rank"] for card in ungraded] == [None]
    assert ungraded[0]["coverage"] < 0.5
    # The phrase only where it holds: first in the country, top band, first on every measured indicator.
    for card in cards.values():
        measured = [line["rank"] for line in card["indicators"].values() if line["rank"] is not None]
        holds = card["band"] == "excellent" and card["rank"] == 1 and all(rank == 1 for rank in measured)
        assert card["superlative"] == holds
