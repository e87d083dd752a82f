"""Objections: the office's head files within the window; the evaluator accepts or rejects with a reason."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ayneh.core.models import AuditEntry
from ayneh.evaluation.models import ObjectionStatus
from ayneh.evaluation.services import (
    ObjectionWindowClosed,
    PeriodStateError,
    objection_answer,
    objection_file,
    period_publish,
    period_review_begin,
)


@pytest.fixture
def quality(spring_1403):
    return spring_1403.framework.indicators.get(code="news.quality")


@pytest.fixture
def published(spring_1403, ministry_evaluator):
    period_review_begin(period=spring_1403, actor=ministry_evaluator)
    period_publish(period=spring_1403, actor=ministry_evaluator)
    return spring_1403


def _object(period, office, indicator, actor, text="نمونه خبرهای ما بررسی نشده است."):
    return objection_file(period=period, office=office, indicator=indicator, text=text, actor=actor)


def test_the_head_files_an_objection_against_the_latest_revision(published, khuzestan, quality, khuzestan_head):
    objection = _object(published, khuzestan, quality, khuzestan_head)
    assert (objection.status, objection.snapshot.revision, objection.filed_by) == ("open", 1, khuzestan_head)
    assert AuditEntry.objects.filter(action="evaluation.objection_filed", office=khuzestan).exists()


def test_no_objection_before_publication(spring_1403, khuzestan, quality, khuzestan_head):
    with pytest.raises(ObjectionWindowClosed):
        _object(spring_1403, khuzestan, quality, khuzestan_head)


def test_no_objection_after_the_window(published, khuzestan, quality, khuzestan_head, time_machine_days):
    time_machine_days(published.objection_days + 1)
    with pytest.raises(ObjectionWindowClosed):
        _object(published, khuzestan, quality, khuzestan_head)


def test_the_head_of_another_office_cannot_object_for_khuzestan(published, khuzestan, quality, fars_head):
    with pytest.raises(PermissionDenied):
        _object(published, khuzestan, quality, fars_head)


def test_an_objection_needs_text(published, khuzestan, quality, khuzestan_head):
    with pytest.raises(ValidationError):
        _object(published, khuzestan, quality, khuzestan_head, text=" ")


@pytest.mark.parametrize(("accept", "status"), [(True, ObjectionStatus.ACCEPTED), (False, ObjectionStatus.REJECTED)])
def test_the_evaluator_answers_with_a_reason_and_it_is_audited(
    published, khuzestan, quality, khuzestan_head, ministry_evaluator, accept, status
):
    objection = _object(published, khuzestan, quality, khuzestan_head)
    answered = objection_answer(
        objection=objection, accept=accept, answer="نمونه دوباره بررسی شد.", actor=ministry_evaluator
    )
    assert (answered.status, answered.evaluator, answered.answer) == (
        status,
        ministry_evaluator,
        "نمونه دوباره بررسی شد.",
    )
    assert AuditEntry.objects.filter(action=f"evaluation.objection_{status}").count() == 1


def test_an_objection_is_answered_once(published, khuzestan, quality, khuzestan_head, ministry_evaluator):
    objection = _object(published, khuzestan, quality, khuzestan_head)
    objection_answer(objection=objection, accept=False, answer="مستند جدیدی ارائه نشد.", actor=ministry_evaluator)
    with pytest.raises(PeriodStateError):
        objection_answer(objection=objection, accept=True, answer="پذیرفته شد.", actor=ministry_evaluator)


def test_an_answer_needs_a_reason_and_an_evaluator(published, khuzestan, quality, khuzestan_head, ministry_evaluator):
    objection = _object(published, khuzestan, quality, khuzestan_head)
    with pytest.raises(ValidationError):
        objection_answer(objection=objection, accept=False, answer="", actor=ministry_evaluator)
    with pytest.raises(PermissionDenied):
        objection_answer(objection=objection, accept=True, answer="خودم می‌پذیرم", actor=khuzestan_head)


@pytest.fixture
def time_machine_days(monkeypatch):
    """`time_machine_days(n)`: from now on, the services' clock reads n days later."""
    from django.utils import timezone

    real_now = timezone.now

    def travel(days: int) -> None:
        monkeypatch.setattr(timezone, "now", lambda: real_now() + dt.timedelta(days=days))

    return travel
