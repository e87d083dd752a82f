"""Objections through the pages: the office's head files one on the scorecard within the window; the
evaluators see it in their list and accept it — the value is corrected and revision N+1 is published,
whose changes the ranking page shows — or reject it with a reason the office then reads. Others are
refused, a closed window and an empty text are explained, and every answer is audited."""

import pytest
from django.urls import reverse

from ayneh.evaluation.demo import evaluation_demo_ensure
from ayneh.evaluation.models import EvaluatorScore, Objection, ObjectionStatus, Period, RankingSnapshot
from ayneh.evaluation.services import objection_file
from tests.evaluation.views_helpers import audited, refusals, signed_in


@pytest.fixture
def published(ministry_evaluator, khuzestan, fars):
    return evaluation_demo_ensure(evaluator=ministry_evaluator, offices=[khuzestan, fars]).period


@pytest.fixture
def annual_plan(published):
    return published.framework.indicators.get(code="planning.annual_plan")


def _scorecard_url(period, office):
    return reverse("evaluation:scorecard", kwargs={"key": period.uuid, "code": office.code})


def _file(client, period, office, indicator, text="برنامه سالانه با مصوبه شورا بارگذاری شده بود."):
    url = reverse("evaluation:objection-file", kwargs={"key": period.uuid, "code": office.code})
    return client.post(url, {"indicator": indicator.pk, "text": text})


def test_the_head_files_an_objection_on_the_scorecard(client, khuzestan_head, published, khuzestan, annual_plan):
    client = signed_in(client, khuzestan_head)
    page = client.get(_scorecard_url(published, khuzestan)).content.decode()
    assert 'id="objection-form"' in page
    response = _file(client, published, khuzestan, annual_plan)
    assert response["Location"].endswith("#objections")
    objection = Objection.objects.get()
    assert (objection.office, objection.indicator, objection.filed_by) == (khuzestan, annual_plan, khuzestan_head)
    assert objection.snapshot.revision == 1
    assert audited("evaluation.objection_filed")
    page = client.get(_scorecard_url(published, khuzestan)).content.decode()
    assert "برنامه سالانه با مصوبه شورا بارگذاری شده بود." in page
    assert "اعتراض شما ثبت شد" in page


def test_an_empty_objection_is_a_persian_error_and_nothing_is_filed(
    client, khuzestan_head, published, khuzestan, annual_plan
):
    response = _file(signed_in(client, khuzestan_head), published, khuzestan, annual_plan, text="  ")
    assert response.status_code == 400
    assert "ایراد امتیاز" in response.content.decode()
    assert not Objection.objects.exists()


def test_an_editor_and_another_offices_head_cannot_object(
    client, khuzestan_editor, fars_head, published, khuzestan, annual_plan
):
    client = signed_in(client, khuzestan_editor)
    assert 'id="objection-form"' not in client.get(_scorecard_url(published, khuzestan)).content.decode()
    assert _file(client, published, khuzestan, annual_plan).status_code == 404
    assert refusals("objection_not_head")
    client.logout()
    assert _file(signed_in(client, fars_head), published, khuzestan, annual_plan).status_code == 404
    assert refusals("scorecard_office_scope")
    assert not Objection.objects.exists()


def test_after_the_window_closes_the_form_is_gone_and_filing_is_refused(
    client, khuzestan_head, published, khuzestan, annual_plan
):
    Period.objects.filter(pk=published.pk).update(objection_days=0)
    client = signed_in(client, khuzestan_head)
    page = client.get(_scorecard_url(published, khuzestan)).content.decode()
    assert 'id="objection-form"' not in page
    assert "مهلت اعتراض در" in page
    response = _file(client, published, khuzestan, annual_plan)  # from a page opened before the deadline
    assert response.status_code == 400
    assert "مهلت اعتراض به این دوره به پایان رسیده است" in response.content.decode()
    assert not Objection.objects.exists()


@pytest.fixture
def objection(published, khuzestan, khuzestan_head, annual_plan):
    return objection_file(
        period=published, office=khuzestan, indicator=annual_plan, text="نمره برنامه کم است.", actor=khuzestan_head
    )


def _answer_url(objection):
    return reverse("evaluation:panel-objection", kwargs={"key": objection.uuid})


def test_an_evaluator_accepts_with_a_corrected_rating_and_a_new_revision_shows_the_change(
    client, ministry_evaluator, objection, published, khuzestan, annual_plan
):
    before = EvaluatorScore.objects.filter(office=khuzestan, indicator=annual_plan).latest("created_at").rating
    corrected = 4 if before != 4 else 1
    client = signed_in(client, ministry_evaluator)
    listing = client.get(reverse("evaluation:panel-objections")).content.decode()
    assert _answer_url(objection) in listing
    assert "نمره برنامه کم است." in listing
    response = client.post(
        _answer_url(objection),
        {"decision": "accept", "answer": "مستند برنامه پذیرفته شد.", "rating": str(corrected)},
    )
    ranking_url = reverse("evaluation:period-ranking", kwargs={"key": published.uuid})
    assert response["Location"] == ranking_url + "#history-title"
    objection.refresh_from_db()
    assert (objection.status, objection.answer, objection.evaluator) == (
        ObjectionStatus.ACCEPTED,
        "مستند برنامه پذیرفته شد.",
        ministry_evaluator,
    )
    revision = RankingSnapshot.objects.get(period=published, revision=2)
    assert "مستند برنامه پذیرفته شد." in revision.reason
    assert annual_plan.code in revision.diff["offices"]["dg-khuzestan"]["indicators"]
    assert audited("evaluation.objection_accepted")
    assert audited("evaluation.period_published")[-1].data["revision"] == 2
    page = client.get(ranking_url).content.decode()
    assert "ویرایش ۲" in page
    assert "ویرایش ۲ رتبه‌بندی منتشر شد" in page
    assert f"{annual_plan.name} — " in page  # what changed, by indicator


def test_accepting_without_a_change_is_refused_and_the_objection_stays_open(
    client, ministry_evaluator, objection, khuzestan, annual_plan
):
    current = EvaluatorScore.objects.filter(office=khuzestan, indicator=annual_plan).latest("created_at").rating
    response = signed_in(client, ministry_evaluator).post(
        _answer_url(objection), {"decision": "accept", "answer": "پذیرفته", "rating": str(current)}
    )
    assert response.status_code == 400
    assert "چیزی تغییر نمی‌کند" in response.content.decode()
    objection.refresh_from_db()
    assert objection.status == ObjectionStatus.OPEN
    assert RankingSnapshot.objects.count() == 1


def test_an_evaluator_rejects_with_a_reason_the_head_then_reads(
    client, ministry_evaluator, khuzestan_head, objection, published, khuzestan
):
    client = signed_in(client, ministry_evaluator)
    missing = client.post(_answer_url(objection), {"decision": "reject", "answer": ""})
    assert missing.status_code == 400
    client.post(_answer_url(objection), {"decision": "reject", "answer": "برنامه اهداف سنجش‌پذیر ندارد."})
    objection.refresh_from_db()
    assert objection.status == ObjectionStatus.REJECTED
    assert audited("evaluation.objection_rejected")
    assert RankingSnapshot.objects.count() == 1
    again = client.post(_answer_url(objection), {"decision": "accept", "answer": "x", "rating": "4"})
    assert again.status_code == 302
    objection.refresh_from_db()
    assert objection.status == ObjectionStatus.REJECTED
    client.logout()
    page = signed_in(client, khuzestan_head).get(_scorecard_url(published, khuzestan)).content.decode()
    assert "برنامه اهداف سنجش‌پذیر ندارد." in page
    assert "رد" in page


def test_a_logged_value_is_corrected_by_accepting(client, ministry_evaluator, khuzestan_head, published, khuzestan):
    engagements = published.framework.indicators.get(code="media.engagements")
    filed = objection_file(
        period=published, office=khuzestan, indicator=engagements, text="۲۰ نشست داشتیم", actor=khuzestan_head
    )
    signed_in(client, ministry_evaluator).post(
        _answer_url(filed), {"decision": "accept", "answer": "فهرست نشست‌ها بررسی شد.", "actual": "۲۰"}
    )
    revision = RankingSnapshot.objects.get(period=published, revision=2)
    card = next(card for card in revision.content["offices"] if card["code"] == "dg-khuzestan")
    assert card["indicators"]["media.engagements"]["actual"] == 20.0


@pytest.mark.parametrize("persona", ["khuzestan_head", "ministry_manager"])
def test_only_evaluators_answer_objections(client, persona, request, objection):
    client = signed_in(client, request.getfixturevalue(persona))
    assert client.get(_answer_url(objection)).status_code == 404
    assert client.post(_answer_url(objection), {"decision": "reject", "answer": "نه"}).status_code == 404
    objection.refresh_from_db()
    assert objection.status == ObjectionStatus.OPEN
