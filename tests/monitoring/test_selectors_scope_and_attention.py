"""Reads: a person sees the pickups of their own offices' releases only; a source whose last fetch failed,
or that has been silent for many of its usual gaps, needs attention; a steady one does not."""

import datetime as dt

import pytest
from django.utils import timezone

from ayneh.accounts.models import User
from ayneh.monitoring.models import Article, Outlet, Source, SourceKind
from ayneh.monitoring.selectors import pickups_for_user, sources_needing_attention
from ayneh.monitoring.services import article_ingest
from ayneh.newsroom.models import ReleaseStatus
from ayneh.offices.models import Office
from tests.monitoring import releases as sample
from tests.monitoring.factories import incoming_make
from tests.newsroom.factories import release_make

pytestmark = pytest.mark.django_db


def test_pickups_are_scoped_to_the_users_offices(
    khuzestan: Office, khuzestan_editor: User, fars_head: User, ministry_manager: User, irna: Outlet
) -> None:
    release = release_make(
        office=khuzestan, actor=khuzestan_editor, status=ReleaseStatus.PUBLISHED, body=sample.RELEASE_BODY_HTML
    )
    assert release.published_at is not None
    article_ingest(
        record=incoming_make(text=sample.REPUBLISHED_TEXT, published=release.published_at + sample.AFTER_PUBLICATION),
        outlet=irna,
    )

    assert [p.release for p in pickups_for_user(user=khuzestan_editor)] == [release]
    assert [p.release for p in pickups_for_user(user=ministry_manager)] == [release]
    assert list(pickups_for_user(user=fars_head)) == []


def source_with_articles(outlet: Outlet, *, last_article_age: dt.timedelta, per_day: float) -> Source:
    now = timezone.now()
    source = Source.objects.create(
        outlet=outlet, kind=SourceKind.FEED, url=f"https://www.irna.ir/rss/{per_day}", items_per_day=per_day
    )
    Source.objects.filter(pk=source.pk).update(last_success_at=now)
    outcome = article_ingest(record=incoming_make(), source=source)
    assert outcome.article is not None
    Article.objects.filter(pk=outcome.article.pk).update(fetched_at=now - last_article_age)
    return source


def test_a_quiet_or_failing_source_needs_attention_and_a_steady_one_does_not(irna: Outlet) -> None:
    busy_but_silent = source_with_articles(irna, last_article_age=dt.timedelta(hours=30), per_day=50)
    weekly_and_fine = source_with_articles(irna, last_article_age=dt.timedelta(days=3), per_day=1 / 7)
    failing = source_with_articles(irna, last_article_age=dt.timedelta(hours=1), per_day=50)
    Source.objects.filter(pk=failing.pk).update(last_error_at=timezone.now(), last_error="timeout")

    attention = {(a.source.pk, a.reason) for a in sources_needing_attention()}

    assert attention == {(busy_but_silent.pk, "quiet"), (failing.pk, "failing")}
    assert weekly_and_fine.pk not in {pk for pk, _reason in attention}
