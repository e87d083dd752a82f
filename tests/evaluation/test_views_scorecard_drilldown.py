"""The scorecard's drill-down names exactly what produced each number: the releases, events and — for
the monitoring indicators — the pickups (outlet, article title and address, date, the release's pickups
page), and the evidence files of logged and rated indicators, which open for the office's people."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from ayneh.core.jalali import format_jalali
from ayneh.evaluation.demo import evaluation_demo_ensure
from ayneh.evaluation.models import IndicatorValue
from ayneh.evaluation.services import indicator_value_record, period_compute, period_publish
from tests.evaluation.newsroom_records import release_at
from tests.evaluation.pickup_records import outlet_of, pickup_of
from tests.evaluation.views_helpers import PDF_BYTES, signed_in


@pytest.fixture
def picked_up(khuzestan, fars, khuzestan_editor, fars_editor):
    """A Khuzestan release picked up by a national outlet (crediting the office) and a Fars release
    picked up too: Khuzestan's scorecard must list only its own."""
    outlet = outlet_of()
    ours = release_at(office=khuzestan, published_at=timezone.now() - dt.timedelta(hours=3), author=khuzestan_editor)
    theirs = release_at(office=fars, published_at=timezone.now() - dt.timedelta(hours=3), author=fars_editor)
    pickup = pickup_of(release=ours, outlet=outlet, after=dt.timedelta(hours=1), credited=True)
    other = pickup_of(release=theirs, outlet=outlet, after=dt.timedelta(hours=1))
    pickup.article.title = "بازنشر خبر روابط عمومی خوزستان"
    pickup.article.save(update_fields=["title"])
    return ours, pickup, other


@pytest.fixture
def published(ministry_evaluator, khuzestan, fars, picked_up):
    return evaluation_demo_ensure(evaluator=ministry_evaluator, offices=[khuzestan, fars]).period


def _scorecard(client, user, period, office):
    return (
        signed_in(client, user)
        .get(reverse("evaluation:scorecard", kwargs={"key": period.uuid, "code": office.code}))
        .content.decode()
    )


def test_the_pickup_indicators_drill_down_to_the_outlet_article_and_date(
    client, khuzestan_head, published, khuzestan, picked_up
):
    release, pickup, other = picked_up
    value = IndicatorValue.objects.get(period=published, office=khuzestan, indicator__code="media.pickup_breadth")
    assert value.inputs["pickups"] == [pickup.pk]  # the engine's key for this pickup
    page = _scorecard(client, khuzestan_head, published, khuzestan)
    assert "بازنشرهای شمرده‌شده (۱)" in page
    assert "بازنشرهای دارای نام منبع (روابط عمومی اداره) (۱)" in page
    assert pickup.outlet.name in page
    assert "بازنشر خبر روابط عمومی خوزستان" in page
    assert f'href="{pickup.article.url}"' in page
    assert format_jalali(pickup.article.published_at) in page
    assert reverse("monitoring:release-pickups", kwargs={"key": release.uuid}) in page
    assert "خبرهای بازنشرشده در رسانه‌ها (۱)" in page  # pickup rate: the release picked up
    assert other.article.url not in page  # Fars's pickup is not Khuzestan's evidence


def test_a_pickup_key_of_another_office_in_the_inputs_is_not_shown(
    client, khuzestan_head, ministry_evaluator, published, khuzestan, picked_up
):
    """Even a tampered or stale input listing another office's pickup shows only as "no longer exists"."""
    _release, _pickup, other = picked_up
    value = IndicatorValue.objects.get(period=published, office=khuzestan, indicator__code="media.pickup_breadth")
    value.inputs = {**value.inputs, "pickups": [*value.inputs["pickups"], other.pk]}
    value.save(update_fields=["inputs"])
    page = _scorecard(client, khuzestan_head, published, khuzestan)
    assert other.article.url not in page
    assert "۱ مورد شمرده‌شده دیگر وجود ندارد." in page


def test_a_logged_values_evidence_file_is_linked_from_the_scorecard(
    client, khuzestan_head, ministry_evaluator, published, khuzestan
):
    engagements = published.framework.indicators.get(code="media.engagements")
    indicator_value_record(
        period=published,
        office=khuzestan,
        indicator=engagements,
        actual=9,
        evidence=SimpleUploadedFile("engagements.pdf", PDF_BYTES, content_type="application/pdf"),
        actor=ministry_evaluator,
    )
    period_compute(period=published, actor=ministry_evaluator)
    period_publish(period=published, actor=ministry_evaluator, reason="مستند تعامل با رسانه‌ها")
    page = _scorecard(client, khuzestan_head, published, khuzestan)
    url = reverse(
        "evaluation:evidence-file",
        kwargs={"key": published.uuid, "code": "dg-khuzestan", "indicator": engagements.code},
    )
    assert url in page
    assert "engagements.pdf" in page
    assert client.get(url).getvalue() == PDF_BYTES
