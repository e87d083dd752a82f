"""The rating screen: for each office × evaluator indicator of a period, the rubric, the evidence the
office uploaded and a 0–4 choice with a required comment. A rating without a comment or out of range is
a Persian form error and nothing is saved."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ayneh.evaluation.models import EvaluatorScore, IndicatorValue
from ayneh.evaluation.services import indicator_evidence_attach
from tests.evaluation.views_helpers import PDF_BYTES, audited, refusals, signed_in


@pytest.fixture
def annual_plan(spring_1403):
    return spring_1403.framework.indicators.get(code="planning.annual_plan")


def _rate_url(period, office):
    return reverse("evaluation:panel-office-scoring", kwargs={"key": period.uuid, "code": office.code})


def _rate(client, period, office, indicator, **fields):
    prefix = indicator.code
    data = {"indicator": indicator.code}
    data.update({f"{prefix}-{name}": value for name, value in fields.items()})
    return client.post(_rate_url(period, office), data)


def test_the_matrix_lists_every_office_and_evaluator_indicator(client, ministry_evaluator, spring_1403, annual_plan):
    page = (
        signed_in(client, ministry_evaluator)
        .get(reverse("evaluation:panel-scoring", kwargs={"key": spring_1403.uuid}))
        .content.decode()
    )
    for office in spring_1403.offices.all():
        assert _rate_url(spring_1403, office) in page
    for indicator in spring_1403.framework.indicators.filter(source="eval"):
        assert indicator.name in page


def test_the_office_screen_shows_the_rubric_and_the_offices_evidence(
    client, ministry_evaluator, khuzestan_editor, spring_1403, khuzestan, annual_plan
):
    indicator_evidence_attach(
        period=spring_1403,
        office=khuzestan,
        indicator=annual_plan,
        evidence=SimpleUploadedFile("برنامه-سالانه.pdf", PDF_BYTES, content_type="application/pdf"),
        note="برنامه مصوب شورای اداره",
        actor=khuzestan_editor,
    )
    page = signed_in(client, ministry_evaluator).get(_rate_url(spring_1403, khuzestan)).content.decode()
    for text in annual_plan.rubric:
        assert text in page
    assert "برنامه-سالانه.pdf" in page
    assert "برنامه مصوب شورای اداره" in page
    file_url = reverse(
        "evaluation:evidence-file",
        kwargs={"key": spring_1403.uuid, "code": "dg-khuzestan", "indicator": annual_plan.code},
    )
    assert file_url in page
    assert client.get(file_url).getvalue() == PDF_BYTES


def test_an_evaluator_rates_with_a_comment_and_the_value_follows(
    client, ministry_evaluator, spring_1403, khuzestan, annual_plan
):
    response = _rate(
        signed_in(client, ministry_evaluator),
        spring_1403,
        khuzestan,
        annual_plan,
        rating="3",
        comment="اهداف سنجش‌پذیر دارد",
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#rate-{annual_plan.pk}")
    score = EvaluatorScore.objects.get()
    assert (score.rating, score.comment, score.evaluator) == (3, "اهداف سنجش‌پذیر دارد", ministry_evaluator)
    value = IndicatorValue.objects.get(period=spring_1403, office=khuzestan, indicator=annual_plan)
    assert value.score == 0.75
    assert audited("evaluation.score_set")[0].data["after"] == 3
    page = client.get(response["Location"]).content.decode()
    assert "اهداف سنجش‌پذیر دارد" in page
    matrix = client.get(reverse("evaluation:panel-scoring", kwargs={"key": spring_1403.uuid})).content.decode()
    assert "<strong>۳</strong>" in matrix


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"rating": "3", "comment": "   "}, "توضیح"),
        ({"rating": "5", "comment": "خوب"}, "گزینه"),
        ({"comment": "خوب"}, "از ۰ تا ۴"),
    ],
)
def test_a_rating_without_comment_or_out_of_range_is_refused_and_the_text_kept(
    client, ministry_evaluator, spring_1403, khuzestan, annual_plan, fields, message
):
    response = _rate(signed_in(client, ministry_evaluator), spring_1403, khuzestan, annual_plan, **fields)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    if fields.get("comment", "").strip():
        assert fields["comment"] in page  # what the evaluator typed is not lost
    assert not EvaluatorScore.objects.exists()


def test_only_evaluator_indicators_are_rated(client, ministry_evaluator, spring_1403, khuzestan):
    volume = spring_1403.framework.indicators.get(code="news.volume")
    response = _rate(signed_in(client, ministry_evaluator), spring_1403, khuzestan, volume, rating="3", comment="x")
    assert response.status_code == 400
    assert not EvaluatorScore.objects.exists()


def test_an_office_head_cannot_rate_and_it_is_logged(client, khuzestan_head, spring_1403, khuzestan, annual_plan):
    response = _rate(signed_in(client, khuzestan_head), spring_1403, khuzestan, annual_plan, rating="4", comment="عالی")
    assert response.status_code == 404
    assert refusals("not_evaluator")
    assert not EvaluatorScore.objects.exists()


def test_an_office_outside_the_period_is_refused(client, ministry_evaluator, spring_1403, ministry):
    assert signed_in(client, ministry_evaluator).get(_rate_url(spring_1403, ministry)).status_code == 404
    assert refusals("period_office")
