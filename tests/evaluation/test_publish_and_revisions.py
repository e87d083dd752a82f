"""Publishing freezes a snapshot; a correction is revision N+1 with its reason and diff; N never changes."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from ayneh.core.models import AuditEntry
from ayneh.evaluation import selectors
from ayneh.evaluation.models import PeriodStatus, RankingSnapshot
from ayneh.evaluation.ranking import ranking_build
from ayneh.evaluation.services import (
    NothingChanged,
    PeriodStateError,
    evaluator_score_set,
    indicator_value_record,
    period_compute,
    period_publish,
    period_review_begin,
)
from ayneh.evaluation.snapshots import content_hash
from tests.evaluation.newsroom_records import release_at

IN_SPRING_1403 = dt.datetime(2024, 4, 10, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def reviewed(spring_1403, ministry_evaluator, khuzestan, fars, khuzestan_editor, fars_editor):
    """Spring 1403 computed, rated and logged: Khuzestan published 90 releases (its target) and meets
    every logged target, Fars published 30 and falls short."""
    for _ in range(90):
        release_at(office=khuzestan, published_at=IN_SPRING_1403, author=khuzestan_editor)
    for _ in range(30):
        release_at(office=fars, published_at=IN_SPRING_1403, author=fars_editor)
    period_compute(period=spring_1403, actor=ministry_evaluator)
    for office, rating in ((khuzestan, 4), (fars, 2)):
        for indicator in spring_1403.framework.indicators.filter(source="eval"):
            evaluator_score_set(
                period=spring_1403,
                office=office,
                indicator=indicator,
                rating=rating,
                comment="بر پایه مستندات بارگذاری‌شده",
                actor=ministry_evaluator,
            )
        # Logged and survey results bring the measured weight to half the framework, enough to be graded.
        for indicator in spring_1403.framework.indicators.filter(source__in=["log", "survey"]):
            indicator_value_record(
                period=spring_1403,
                office=office,
                indicator=indicator,
                actual=1000 if office == khuzestan else 1,
                actor=ministry_evaluator,
            )
    period_review_begin(period=spring_1403, actor=ministry_evaluator)
    return spring_1403


def _recomputed_hash(period):
    spec = selectors.framework_spec(framework=period.framework)
    content = ranking_build(
        framework=spec,
        period=selectors.period_identity(period=period),
        offices=selectors.period_measurements(period=period),
    )
    return content_hash(content)


def test_publishing_before_review_is_refused(spring_1403, ministry_evaluator):
    with pytest.raises(PeriodStateError):
        period_publish(period=spring_1403, actor=ministry_evaluator)


def test_the_first_publication_is_revision_one_with_a_reproducible_hash(reviewed, ministry_evaluator):
    snapshot = period_publish(period=reviewed, actor=ministry_evaluator)
    reviewed.refresh_from_db()
    assert (snapshot.revision, reviewed.status) == (1, PeriodStatus.PUBLISHED)
    assert snapshot.content_hash == content_hash(snapshot.content) == _recomputed_hash(reviewed)
    stored = RankingSnapshot.objects.get(pk=snapshot.pk)
    assert content_hash(stored.content) == snapshot.content_hash  # survives the database's JSON round trip
    cards = {card["code"]: card for card in stored.content["offices"]}
    assert (cards["dg-khuzestan"]["rank"], cards["dg-fars"]["rank"]) == (1, 2)
    assert cards["dg-khuzestan"]["coverage"] == 0.5
    assert cards["dg-khuzestan"]["indicators"]["news.volume"]["score"] == 1.0
    assert cards["dg-fars"]["indicators"]["news.volume"]["score"] == 0.3333
    row = AuditEntry.objects.get(action="evaluation.period_published")
    assert (row.data["revision"], row.data["content_hash"]) == (1, snapshot.content_hash)


def test_a_correction_is_revision_two_and_revision_one_stays_as_published(reviewed, ministry_evaluator, fars):
    first = period_publish(period=reviewed, actor=ministry_evaluator)
    first_content, first_hash = first.content, first.content_hash
    quality = reviewed.framework.indicators.get(code="news.quality")
    evaluator_score_set(
        period=reviewed, office=fars, indicator=quality, rating=4, comment="اعتراض پذیرفته شد", actor=ministry_evaluator
    )
    second = period_publish(period=reviewed, actor=ministry_evaluator, reason="اصلاح نمره کیفیت خبر فارس پس از اعتراض")
    assert second.revision == 2
    assert second.diff["offices"]["dg-fars"]["indicators"]["news.quality"]["score"] == [0.5, 1.0]
    assert second.reason.startswith("اصلاح")
    again = RankingSnapshot.objects.get(pk=first.pk)
    assert (again.content, again.content_hash, again.revision) == (first_content, first_hash, 1)
    assert content_hash(again.content) == first_hash
    assert second.content_hash != first_hash


def test_a_correction_needs_a_reason(reviewed, ministry_evaluator):
    period_publish(period=reviewed, actor=ministry_evaluator)
    with pytest.raises(ValidationError, match="reason"):
        period_publish(period=reviewed, actor=ministry_evaluator)


def test_republishing_unchanged_data_is_refused(reviewed, ministry_evaluator):
    period_publish(period=reviewed, actor=ministry_evaluator)
    with pytest.raises(NothingChanged):
        period_publish(period=reviewed, actor=ministry_evaluator, reason="بدون تغییر")
    assert RankingSnapshot.objects.count() == 1


def test_a_snapshot_cannot_be_edited_or_deleted(reviewed, ministry_evaluator):
    snapshot = period_publish(period=reviewed, actor=ministry_evaluator)
    snapshot.reason = "ویرایش پنهانی"
    with pytest.raises(PermissionError):
        snapshot.save()
    with pytest.raises(PermissionError):
        RankingSnapshot.objects.filter(pk=snapshot.pk).update(content={})
    with pytest.raises(PermissionError):
        snapshot.delete()
    with pytest.raises(PermissionError):
        RankingSnapshot.objects.all().delete()
