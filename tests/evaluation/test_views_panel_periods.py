"""The evaluators' panel, periods: open a Jalali quarter, month or year for all offices or one tier,
compute, begin the review, publish with a confirmation (revision 1), correct with a reason (revision 2).
A framework whose weights do not add up cannot be opened, with the reasons in Persian; an evaluator of one
province cannot touch a period with offices outside their scope."""

import pytest
from django.urls import reverse

from ayneh.evaluation.models import Period, PeriodStatus, RankingSnapshot
from ayneh.evaluation.services import evaluator_score_set, framework_copy, indicator_update
from ayneh.offices.models import Tier
from tests.evaluation.views_helpers import audited, refusals, signed_in
from tests.factories import Role, office_make, user_make


def _open(client, framework, **fields):
    data = {"framework": framework.pk, "kind": "quarter", "year": "۱۴۰۴", "quarter": "2", "scope": "all"}
    data["objection_days"] = "14"
    return client.post(reverse("evaluation:panel-period-open"), data | fields)


@pytest.fixture
def hq_unit(ministry):
    return office_make(code="hq-communication", tier=Tier.HQ_UNIT, name="دفتر ارتباطات ستاد")


def test_an_evaluator_opens_a_quarter_for_all_offices_of_the_frameworks_tiers(
    client, ministry_evaluator, default_framework, khuzestan, fars, hq_unit
):
    response = _open(signed_in(client, ministry_evaluator), default_framework)
    period = Period.objects.get()
    assert response["Location"] == reverse("evaluation:panel-period", kwargs={"key": period.uuid})
    assert (period.kind, period.jalali_year, period.number, period.code) == ("quarter", 1404, 2, "1404-q2")
    assert set(period.offices.values_list("code", flat=True)) == {"dg-khuzestan", "dg-fars", "hq-communication"}
    page = client.get(response["Location"]).content.decode()
    assert "تابستان ۱۴۰۴" in page  # the Persian title in Persian digits
    assert "۱ تیر ۱۴۰۴" in page  # Jalali first day


def test_a_month_for_one_tier(client, ministry_evaluator, default_framework, khuzestan, hq_unit):
    _open(signed_in(client, ministry_evaluator), default_framework, kind="month", month="7", scope=Tier.HQ_UNIT)
    period = Period.objects.get()
    assert (period.kind, period.number, period.title) == ("month", 7, "مهر 1404")
    assert list(period.offices.values_list("code", flat=True)) == ["hq-communication"]


def test_the_same_period_twice_and_a_missing_quarter_are_form_errors(
    client, ministry_evaluator, default_framework, khuzestan
):
    client = signed_in(client, ministry_evaluator)
    _open(client, default_framework)
    again = _open(client, default_framework)
    assert again.status_code == 200
    assert "پیش‌تر باز شده" in again.content.decode()
    missing = _open(client, default_framework, quarter="")
    assert "فصل را برگزینید" in missing.content.decode()
    bad_year = _open(client, default_framework, year="2025")
    assert bad_year.status_code == 200
    assert Period.objects.count() == 1


def test_a_framework_whose_weights_do_not_add_up_cannot_be_opened(
    client, ministry_evaluator, default_framework, khuzestan
):
    copy = framework_copy(framework=default_framework, actor=ministry_evaluator)
    indicator_update(indicator=copy.indicators.get(code="news.volume"), actor=ministry_evaluator, weight=7)
    response = _open(signed_in(client, ministry_evaluator), copy)
    page = response.content.decode()
    assert response.status_code == 200
    assert "تا وزن‌ها جمع نشوند" in page
    assert "۲۳" in page  # the news axis's indicators weigh 23
    assert not Period.objects.exists()
    copy.refresh_from_db()
    assert not copy.is_frozen


def test_compute_review_publish_with_confirmation_then_a_correction(client, ministry_evaluator, spring_1403, khuzestan):
    client = signed_in(client, ministry_evaluator)
    key = {"key": spring_1403.uuid}
    assert client.post(reverse("evaluation:panel-period-compute", kwargs=key)).status_code == 302
    assert audited("evaluation.period_computed")
    client.post(reverse("evaluation:panel-period-review", kwargs=key))
    spring_1403.refresh_from_db()
    assert spring_1403.status == PeriodStatus.REVIEW

    unconfirmed = client.post(reverse("evaluation:panel-period-publish", kwargs=key), {})
    assert unconfirmed["Location"] == reverse("evaluation:panel-period", kwargs=key)
    assert not RankingSnapshot.objects.exists()
    assert "برای تأیید انتشار" in client.get(unconfirmed["Location"]).content.decode()

    published = client.post(reverse("evaluation:panel-period-publish", kwargs=key), {"confirm": "on"})
    assert published["Location"] == reverse("evaluation:period-ranking", kwargs=key)
    assert RankingSnapshot.objects.get().revision == 1
    assert "ویرایش ۱ رتبه‌بندی منتشر شد" in client.get(published["Location"]).content.decode()

    # A correction: a rating changes, and revision 2 needs a reason.
    indicator = spring_1403.framework.indicators.get(code="planning.annual_plan")
    evaluator_score_set(
        period=spring_1403,
        office=khuzestan,
        indicator=indicator,
        rating=3,
        comment="برنامه کامل",
        actor=ministry_evaluator,
    )
    client.post(reverse("evaluation:panel-period-publish", kwargs=key), {"reason": ""})
    assert RankingSnapshot.objects.count() == 1
    client.post(reverse("evaluation:panel-period-publish", kwargs=key), {"reason": "نمره برنامه سالانه خوزستان"})
    assert RankingSnapshot.objects.order_by("-revision").first().revision == 2
    page = client.get(reverse("evaluation:panel-period", kwargs=key)).content.decode()
    assert "نمره برنامه سالانه خوزستان" in page


def test_publishing_an_open_period_is_refused_with_the_services_reason(client, ministry_evaluator, spring_1403):
    client = signed_in(client, ministry_evaluator)
    key = {"key": spring_1403.uuid}
    response = client.post(reverse("evaluation:panel-period-publish", kwargs=key), {"confirm": "on"})
    assert "پیش از انتشار دوره، بررسی را آغاز کنید." in client.get(response["Location"]).content.decode()
    assert not RankingSnapshot.objects.exists()


def test_an_evaluator_of_one_province_cannot_reach_a_period_with_other_offices(client, spring_1403, khuzestan):
    local = user_make(username="khuzestan_evaluator", role=Role.EVALUATOR, office=khuzestan)
    client = signed_in(client, local)
    assert client.get(reverse("evaluation:panel")).status_code == 200
    for name in ("panel-period", "panel-scoring"):
        assert client.get(reverse(f"evaluation:{name}", kwargs={"key": spring_1403.uuid})).status_code == 404
    assert client.post(reverse("evaluation:panel-period-compute", kwargs={"key": spring_1403.uuid})).status_code == 404
    assert len(refusals("period_scope")) == 3
    assert not audited("evaluation.period_computed")


@pytest.mark.parametrize("persona", ["khuzestan_head", "ministry_manager"])
def test_office_people_and_managers_cannot_compute_or_publish(client, persona, request, spring_1403):
    client = signed_in(client, request.getfixturevalue(persona))
    for name in ("panel-period-compute", "panel-period-review", "panel-period-publish"):
        assert client.post(reverse(f"evaluation:{name}", kwargs={"key": spring_1403.uuid})).status_code == 404
    spring_1403.refresh_from_db()
    assert spring_1403.status == PeriodStatus.OPEN
    assert len(refusals("not_evaluator")) == 3
