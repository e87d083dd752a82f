"""The office's records: an editor records a logged indicator's value with an evidence file for their own
office while the period is open and sees what was entered; the head and the evaluators can open the file;
another office's people are refused (logged 404); after the review begins the office can no longer
change its records; a file that is not a PDF or image is refused with a Persian message."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ayneh.evaluation.models import IndicatorValue
from ayneh.evaluation.services import period_review_begin
from tests.evaluation.views_helpers import PDF_BYTES, audited, refusals, signed_in


@pytest.fixture
def engagements(spring_1403):
    return spring_1403.framework.indicators.get(code="media.engagements")


def _records_url(period, office):
    return reverse("evaluation:office-records", kwargs={"key": period.uuid, "code": office.code})


def _file_url(period, office, indicator):
    return reverse(
        "evaluation:evidence-file", kwargs={"key": period.uuid, "code": office.code, "indicator": indicator.code}
    )


def _record(client, period, office, indicator, *, actual="۱۲", note="نشست خبری با رسانه‌های استان", upload=True):
    prefix = indicator.code
    data = {"indicator": indicator.code, f"{prefix}-actual": actual, f"{prefix}-note": note}
    if upload:
        data[f"{prefix}-evidence"] = SimpleUploadedFile("گزارش-جلسات.pdf", PDF_BYTES, content_type="application/pdf")
    return client.post(_records_url(period, office), data)


def test_an_editor_records_a_value_with_evidence_and_sees_it(
    client, khuzestan_editor, spring_1403, khuzestan, engagements
):
    client = signed_in(client, khuzestan_editor)
    home = client.get(reverse("evaluation:records")).content.decode()
    assert _records_url(spring_1403, khuzestan) in home
    response = _record(client, spring_1403, khuzestan, engagements)
    assert response.status_code == 302
    value = IndicatorValue.objects.get(period=spring_1403, office=khuzestan, indicator=engagements)
    assert (value.actual, value.note, value.evidence_name) == (12.0, "نشست خبری با رسانه‌های استان", "گزارش-جلسات.pdf")
    assert value.entered_by == khuzestan_editor
    assert audited("evaluation.value_recorded")[0].data["after"] == 12.0
    page = client.get(_records_url(spring_1403, khuzestan)).content.decode()
    assert "۱۲" in page
    assert "گزارش-جلسات.pdf" in page
    assert _file_url(spring_1403, khuzestan, engagements) in page
    download = client.get(_file_url(spring_1403, khuzestan, engagements))
    assert download.getvalue() == PDF_BYTES
    assert download["Content-Type"] == "application/pdf"
    assert download["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("persona", ["khuzestan_head", "ministry_evaluator", "ministry_manager"])
def test_the_head_evaluators_and_managers_open_the_evidence(
    client, khuzestan_editor, spring_1403, khuzestan, engagements, persona, request
):
    _record(signed_in(client, khuzestan_editor), spring_1403, khuzestan, engagements)
    client.logout()
    client = signed_in(client, request.getfixturevalue(persona))
    assert client.get(_file_url(spring_1403, khuzestan, engagements)).getvalue() == PDF_BYTES


def test_another_offices_people_are_refused_the_records_and_the_file(
    client, khuzestan_editor, fars_editor, spring_1403, khuzestan, engagements
):
    _record(signed_in(client, khuzestan_editor), spring_1403, khuzestan, engagements)
    client.logout()
    client = signed_in(client, fars_editor)
    assert client.get(_records_url(spring_1403, khuzestan)).status_code == 404
    assert _record(client, spring_1403, khuzestan, engagements, actual="99").status_code == 404
    assert client.get(_file_url(spring_1403, khuzestan, engagements)).status_code == 404
    assert len(refusals("records_view")) == 2
    assert refusals("evidence_view")[0].office.code == "dg-khuzestan"
    assert IndicatorValue.objects.get(office=khuzestan, indicator=engagements).actual == 12.0


def test_a_manager_sees_the_records_but_cannot_write_them(
    client, ministry_manager, spring_1403, khuzestan, engagements
):
    client = signed_in(client, ministry_manager)
    assert client.get(_records_url(spring_1403, khuzestan)).status_code == 200
    assert _record(client, spring_1403, khuzestan, engagements).status_code == 404
    assert refusals("records_edit")
    assert not IndicatorValue.objects.exists()


def test_after_the_review_begins_the_office_cannot_change_its_records(
    client, khuzestan_editor, ministry_evaluator, spring_1403, khuzestan, engagements
):
    period_review_begin(period=spring_1403, actor=ministry_evaluator)
    client = signed_in(client, khuzestan_editor)
    page = client.get(_records_url(spring_1403, khuzestan)).content.decode()
    assert "دیگر برای ثبت سوابق اداره باز نیست" in page
    response = _record(client, spring_1403, khuzestan, engagements)
    assert response.status_code == 400
    assert "دیگر برای ثبت سوابق اداره باز نیست" in response.content.decode()
    assert not IndicatorValue.objects.exists()


def test_a_file_that_is_not_a_pdf_or_image_and_a_bad_number_are_refused_in_persian(
    client, khuzestan_editor, spring_1403, khuzestan, engagements
):
    client = signed_in(client, khuzestan_editor)
    prefix = engagements.code
    response = client.post(
        _records_url(spring_1403, khuzestan),
        {
            "indicator": engagements.code,
            f"{prefix}-actual": "۳",
            f"{prefix}-evidence": SimpleUploadedFile("run.exe", b"MZ\x90\x00", content_type="application/pdf"),
        },
    )
    assert response.status_code == 400
    assert "PDF" in response.content.decode()
    response = _record(client, spring_1403, khuzestan, engagements, actual="-2", upload=False)
    assert response.status_code == 400
    assert not IndicatorValue.objects.exists()


def test_evidence_for_an_evaluator_indicator_is_uploaded_by_the_office(client, khuzestan_head, spring_1403, khuzestan):
    plan = spring_1403.framework.indicators.get(code="planning.annual_plan")
    response = signed_in(client, khuzestan_head).post(
        _records_url(spring_1403, khuzestan),
        {
            "indicator": plan.code,
            f"{plan.code}-evidence": SimpleUploadedFile("plan.pdf", PDF_BYTES, content_type="application/pdf"),
            f"{plan.code}-note": "برنامه ۱۴۰۳",
        },
    )
    assert response.status_code == 302
    value = IndicatorValue.objects.get(indicator=plan, office=khuzestan)
    assert (value.actual, value.score, value.evidence_name) == (None, None, "plan.pdf")
    assert audited("evaluation.evidence_attached")
    home = client.get(reverse("evaluation:records")).content.decode()
    assert "۱ / ۱۰" in home  # of the 4 logged and 6 evaluator indicators, the plan's evidence is in
