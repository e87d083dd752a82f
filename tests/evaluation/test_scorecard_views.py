"""The office scorecard explains every number: the releases and events an automatic indicator counted,
the rubric level, comment, evaluator and time of a rating. An office head sees only their own office's
scorecard (another office's is a logged 404); evaluators and managers see every office's."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from ayneh.core.models import AuditEntry
from ayneh.evaluation.demo import evaluation_demo_ensure
from ayneh.evaluation.models import EvaluatorScore
from tests.evaluation.newsroom_records import event_at, release_at
from tests.factories import PASSWORD


@pytest.fixture
def published(ministry_evaluator, khuzestan, fars, khuzestan_editor):
    """This Jalali year's demo period over Khuzestan and Fars, after Khuzestan published a release
    covering an event an hour after it began."""
    event = event_at(office=khuzestan, starts_at=timezone.now() - dt.timedelta(hours=3), author=khuzestan_editor)
    release = release_at(
        office=khuzestan,
        published_at=timezone.now() - dt.timedelta(hours=2),
        author=khuzestan_editor,
        event=event,
    )
    period = evaluation_demo_ensure(evaluator=ministry_evaluator, offices=[khuzestan, fars]).period
    return period, release, event


def _scorecard(client, user, period, code):
    client.login(username=user.username, password=PASSWORD)
    return client.get(reverse("evaluation:scorecard", kwargs={"key": period.uuid, "code": code}))


def test_the_head_sees_the_releases_and_events_behind_the_office_numbers(client, published, khuzestan_head):
    period, release, event = published
    page = _scorecard(client, khuzestan_head, period, "dg-khuzestan").content.decode()
    assert release.title in page
    assert reverse("newsroom:release-detail", kwargs={"key": release.uuid}) in page
    assert reverse("newsroom:event-detail", kwargs={"key": event.uuid}) in page
    assert "خبرهای شمرده‌شده" in page  # the input's name, in Persian
    assert period.framework.indicators.get(code="news.volume").formula in page


def test_a_rating_shows_its_rubric_level_comment_evaluator_and_time(client, published, khuzestan_head):
    period, _release, _event = published
    rating = EvaluatorScore.objects.filter(period=period, office__code="dg-khuzestan").select_related("indicator")[0]
    page = _scorecard(client, khuzestan_head, period, "dg-khuzestan").content.decode()
    assert rating.comment in page
    assert rating.indicator.rubric[rating.rating] in page
    assert "ارزیاب" in page
    assert rating.created_at.isoformat() in page


def test_the_head_of_one_office_cannot_open_another_office_scorecard(client, published, khuzestan_head):
    period, _release, _event = published
    response = _scorecard(client, khuzestan_head, period, "dg-fars")
    assert response.status_code == 404
    refused = AuditEntry.objects.get(action="access.refused", data__reason="scorecard_office_scope")
    assert refused.office.code == "dg-fars"


def test_an_office_outside_the_period_is_refused_even_to_an_evaluator(client, published, ministry_evaluator, ministry):
    period, _release, _event = published
    assert _scorecard(client, ministry_evaluator, period, ministry.code).status_code == 404


@pytest.mark.parametrize("persona", ["ministry_evaluator", "ministry_manager"])
def test_evaluators_and_managers_see_every_office_scorecard(client, published, persona, request):
    period, _release, _event = published
    response = _scorecard(client, request.getfixturevalue(persona), period, "dg-fars")
    assert response.status_code == 200
    assert "دوره نمایشی" in response.content.decode()
