"""The national ranking page: every signed-in user sees the latest published revision, in Persian digits,
with its revision history; unpublished or unknown periods are a logged 404; its queries do not grow with
the number of offices."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ayneh.core.jalali import persian_digits
from ayneh.core.models import AuditEntry
from ayneh.evaluation import selectors
from ayneh.evaluation.models import Period, PeriodStatus, RankingSnapshot
from ayneh.evaluation.ranking import ranking_build
from ayneh.evaluation.snapshots import content_hash, snapshot_diff
from tests.evaluation.rankings import SPEC, measured_office
from tests.factories import PASSWORD

SUPERLATIVE = "رتبه عالی و برتر کشوری در همه شاخص‌ها"


def _publish(period: Period, offices, *, actor, revision: int = 1, reason: str = "", previous=None):
    """A snapshot written as `period_publish` writes it, from chosen measurements (the services' own
    publication is tested in test_publish_and_revisions)."""
    content = ranking_build(framework=SPEC, period=selectors.period_identity(period=period), offices=offices)
    snapshot = RankingSnapshot.objects.create(
        period=period,
        revision=revision,
        content=content,
        content_hash=content_hash(content),
        diff=snapshot_diff(previous.content, content) if previous else {},
        reason=reason,
        published_by=actor,
        published_at=timezone.now(),
    )
    Period.objects.filter(pk=period.pk).update(status=PeriodStatus.PUBLISHED)
    return snapshot


@pytest.fixture
def published(spring_1403, ministry_evaluator):
    _publish(
        spring_1403,
        [measured_office("dg-khuzestan", score=1.0), measured_office("dg-fars", score=0.5)],
        actor=ministry_evaluator,
    )
    return spring_1403


def test_an_office_editor_sees_the_national_ranking_with_persian_numbers(client, published, fars_editor):
    client.login(username=fars_editor.username, password=PASSWORD)
    response = client.get(reverse("evaluation:ranking"))
    page = response.content.decode()
    assert response.status_code == 200
    assert persian_digits(published.title) in page  # «بهار ۱۴۰۳»: the title in Persian digits
    assert "۱۰۰" in page
    assert "۵۰" in page
    assert "عالی" in page
    assert "ضعیف" in page
    assert SUPERLATIVE in page  # Khuzestan is first everywhere with full marks
    assert page.index("دفتر dg-khuzestan") < page.index("دفتر dg-fars")


def test_only_the_offices_a_user_may_read_link_to_their_scorecards(client, published, fars_editor):
    client.login(username=fars_editor.username, password=PASSWORD)
    page = client.get(reverse("evaluation:period-ranking", kwargs={"key": published.uuid})).content.decode()
    assert reverse("evaluation:scorecard", kwargs={"key": published.uuid, "code": "dg-fars"}) in page
    assert reverse("evaluation:scorecard", kwargs={"key": published.uuid, "code": "dg-khuzestan"}) not in page


def test_the_superlative_phrase_is_absent_when_the_snapshot_does_not_grant_it(client, spring_1403, ministry_evaluator):
    _publish(
        spring_1403,
        [
            measured_office("dg-khuzestan", score=0.95),
            measured_office("dg-fars", score=0.9, overrides={"news.volume": 1.0}),
        ],
        actor=ministry_evaluator,
    )
    client.login(username=ministry_evaluator.username, password=PASSWORD)
    assert SUPERLATIVE not in client.get(reverse("evaluation:ranking")).content.decode()


def test_the_page_shows_the_latest_revision_and_what_the_correction_changed(client, published, ministry_evaluator):
    first = RankingSnapshot.objects.get(period=published, revision=1)
    _publish(
        published,
        [measured_office("dg-khuzestan", score=1.0), measured_office("dg-fars", score=0.75)],
        actor=ministry_evaluator,
        revision=2,
        reason="اعتراض فارس پذیرفته شد",
        previous=first,
    )
    client.login(username=ministry_evaluator.username, password=PASSWORD)
    page = client.get(reverse("evaluation:ranking")).content.decode()
    assert "اعتراض فارس پذیرفته شد" in page
    assert "۵۰ ← ۷۵" in page  # Fars's total, before and after
    assert "ضعیف ← خوب" in page  # bands by name, never by code


def test_an_unpublished_period_is_a_logged_404(client, spring_1403, fars_editor):
    client.login(username=fars_editor.username, password=PASSWORD)
    response = client.get(reverse("evaluation:period-ranking", kwargs={"key": spring_1403.uuid}))
    assert response.status_code == 404
    assert AuditEntry.objects.filter(action="access.refused", data__reason="period_unpublished").exists()


def test_without_a_published_period_the_page_says_so(client, spring_1403, fars_editor):
    client.login(username=fars_editor.username, password=PASSWORD)
    response = client.get(reverse("evaluation:ranking"))
    assert response.status_code == 200
    assert "منتشر" in response.content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client, published):
    response = client.get(reverse("evaluation:ranking"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def _ranking_page_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("evaluation:ranking"))
    assert response.status_code == 200
    return len(queries)


def test_the_ranking_page_makes_the_same_few_queries_for_any_number_of_offices(client, spring_1403, ministry_evaluator):
    few = [measured_office(f"office-{n:03d}", score=n / 2) for n in range(2)]
    first = _publish(spring_1403, few, actor=ministry_evaluator)
    client.login(username=ministry_evaluator.username, password=PASSWORD)
    with_two = _ranking_page_queries(client)
    many = [measured_office(f"office-{n:03d}", score=n / 60) for n in range(60)]
    _publish(spring_1403, many, actor=ministry_evaluator, revision=2, reason="اداره‌های تازه", previous=first)
    with_sixty = _ranking_page_queries(client)
    assert with_two == with_sixty
    # Of which the page's own: published periods, latest snapshot, revision history, the user's office
    # paths and the offices they cover (5); the rest is the session, the user and base.html's offices.
    assert with_sixty <= 12
