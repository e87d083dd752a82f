"""Every page of the evaluation UI renders without inline style, inline script or event handler: the
strict CSP (style-src and script-src 'self') would block them."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ayneh.evaluation.demo import evaluation_demo_ensure
from ayneh.evaluation.services import indicator_value_record, objection_file
from tests.evaluation.views_helpers import PDF_BYTES, signed_in


@pytest.fixture
def published(ministry_evaluator, khuzestan, fars, khuzestan_head):
    period = evaluation_demo_ensure(evaluator=ministry_evaluator, offices=[khuzestan, fars]).period
    engagements = period.framework.indicators.get(code="media.engagements")
    indicator_value_record(
        period=period,
        office=khuzestan,
        indicator=engagements,
        actual=5,
        evidence=SimpleUploadedFile("e.pdf", PDF_BYTES),
        actor=ministry_evaluator,
    )
    objection = objection_file(
        period=period, office=khuzestan, indicator=engagements, text="۶ نشست", actor=khuzestan_head
    )
    return period, objection


def _assert_no_inline_code(page: str, url: str) -> None:
    assert " style=" not in page, url
    assert "<style" not in page, url
    assert re.search(r"<script(?![^>]*\bsrc=)", page) is None, url
    assert re.search(r"\son[a-z]+=", page) is None, url


def test_the_panel_pages_need_no_inline_style_or_script(client, published, ministry_evaluator, khuzestan):
    period, objection = published
    framework = period.framework
    key = {"key": period.uuid}
    client = signed_in(client, ministry_evaluator)
    urls = [
        reverse("evaluation:panel"),
        reverse("evaluation:panel-framework", kwargs={"key": framework.uuid}),
        reverse("evaluation:panel-period-open"),
        reverse("evaluation:panel-period", kwargs=key),
        reverse("evaluation:panel-scoring", kwargs=key),
        reverse("evaluation:panel-office-scoring", kwargs={**key, "code": khuzestan.code}),
        reverse("evaluation:panel-objections"),
        reverse("evaluation:panel-objection", kwargs={"key": objection.uuid}),
        reverse("evaluation:office-records", kwargs={**key, "code": khuzestan.code}),
        reverse("evaluation:scorecard", kwargs={**key, "code": khuzestan.code}),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_no_inline_code(response.content.decode(), url)


def test_the_office_pages_need_no_inline_style_or_script(client, published, khuzestan_head, khuzestan):
    period, _objection = published
    client = signed_in(client, khuzestan_head)
    for url in (
        reverse("evaluation:records"),
        reverse("evaluation:office-records", kwargs={"key": period.uuid, "code": khuzestan.code}),
        reverse("evaluation:scorecard", kwargs={"key": period.uuid, "code": khuzestan.code}),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_no_inline_code(response.content.decode(), url)
