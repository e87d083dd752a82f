"""An office's scorecard PDF: its numbers and charts in Persian, and exactly the scorecard page's access
rules (an office head gets their own office only; evaluators and managers every office)."""

import re

import pytest
from django.urls import reverse

from ayneh.core.models import AuditEntry
from ayneh.evaluation.models import RankingSnapshot
from tests.factories import PASSWORD
from tests.reports.conftest import has_number, pdf_fonts, pdf_text


def _scorecard_pdf(client, user, period, code):
    client.login(username=user.username, password=PASSWORD)
    return client.get(reverse("evaluation:scorecard-pdf", kwargs={"key": period.uuid, "code": code}))


def test_the_head_downloads_the_office_scorecard_in_persian(client, published, khuzestan_head, khuzestan):
    response = _scorecard_pdf(client, khuzestan_head, published, khuzestan.code)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f"{khuzestan.code}" in response["Content-Disposition"]
    text = pdf_text(response.content)
    content = RankingSnapshot.objects.get(period=published).content
    card = next(card for card in content["offices"] if card["code"] == khuzestan.code)
    assert khuzestan.name.replace("\u200c", "") in text
    for axis in content["framework"]["axes"]:  # in the axes table and the radar's key
        assert axis["name"].replace("\u200c", "") in text
    for indicator in content["framework"]["indicators"]:
        assert indicator["name"].replace("\u200c", "").split()[0] in text
    assert "میانه کشوری" in text  # the radar's second series
    assert "دوره نمایشی" in text
    assert has_number(text, f"{card['total']:.2f}".rstrip("0").rstrip("."))
    measured = [entry for entry in card["indicators"].values() if entry["target"] not in (None, 0)]
    assert measured
    assert has_number(text, f"{measured[0]['target']:.2f}".rstrip("0").rstrip("."))
    assert all(font.startswith("Vazirmatn") for font in pdf_fonts(response.content))
    rest = text.replace(RankingSnapshot.objects.get(period=published).content_hash, "").replace("SHA-256", "")
    assert not re.search(r"[0-9]", rest)  # every number, date and chart tick in Persian digits


def test_the_head_of_one_office_cannot_download_another_office_scorecard(client, published, khuzestan_head):
    response = _scorecard_pdf(client, khuzestan_head, published, "dg-fars")
    assert response.status_code == 404
    assert not response.content.startswith(b"%PDF")
    refused = AuditEntry.objects.get(action="access.refused", data__reason="scorecard_office_scope")
    assert refused.office.code == "dg-fars"


def test_an_office_outside_the_period_is_refused_even_to_an_evaluator(client, published, ministry_evaluator, ministry):
    assert _scorecard_pdf(client, ministry_evaluator, published, ministry.code).status_code == 404


@pytest.mark.parametrize("persona", ["ministry_evaluator", "ministry_manager"])
def test_evaluators_and_managers_download_every_office_scorecard(client, published, persona, request, fars):
    response = _scorecard_pdf(client, request.getfixturevalue(persona), published, fars.code)
    assert response.status_code == 200
    assert fars.name.replace("\u200c", "") in pdf_text(response.content)


def test_an_office_without_any_data_gets_a_scorecard_that_says_so(client, ministry_evaluator, khuzestan, fars):
    from ayneh.evaluation.services import framework_load_default, period_open, period_publish, period_review_begin

    period = period_open(
        framework=framework_load_default(), kind="year", year=1402, offices=[khuzestan, fars], actor=ministry_evaluator
    )
    period_review_begin(period=period, actor=ministry_evaluator)
    period_publish(period=period, actor=ministry_evaluator)
    response = _scorecard_pdf(client, ministry_evaluator, period, khuzestan.code)
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "بدون داده" in text
    assert "No data" not in text
    assert "دوره نمایشی" not in text  # a real period carries no demo mark
    page = client.get(reverse("evaluation:scorecard", kwargs={"key": period.uuid, "code": khuzestan.code}))
    assert page.status_code == 200
    assert "No data" not in page.content.decode()
