"""Offices log their records with evidence while the period is open; survey results are the evaluators'."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from ayneh.evaluation.models import IndicatorValue
from ayneh.evaluation.services import PeriodStateError, indicator_value_record, period_review_begin

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def engagements(spring_1403):
    return spring_1403.framework.indicators.get(code="media.engagements")


def test_an_editor_logs_the_offices_engagements_with_evidence(
    spring_1403, khuzestan, khuzestan_editor, engagements, media_root
):
    evidence = SimpleUploadedFile("گزارش نشست‌ها.pdf", PDF, content_type="application/pdf")
    value = indicator_value_record(
        period=spring_1403, office=khuzestan, indicator=engagements, actual=6, actor=khuzestan_editor, evidence=evidence
    )
    # A provincial DG's target is 4 a month, 12 a quarter: 6 is half of it.
    assert (value.actual, value.target, value.score) == (6, 12, 0.5)
    assert value.evidence_name == "گزارش نشست‌ها.pdf"
    stored = media_root / "private" / "evaluation" / value.evidence.name
    assert stored.read_bytes() == PDF
    assert not value.evidence.name.endswith("نشست‌ها.pdf")  # the user's name never reaches the disk


def test_evidence_that_is_not_a_pdf_or_image_is_refused(spring_1403, khuzestan, khuzestan_editor, engagements):
    evidence = SimpleUploadedFile("x.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationError):
        indicator_value_record(
            period=spring_1403,
            office=khuzestan,
            indicator=engagements,
            actual=1,
            actor=khuzestan_editor,
            evidence=evidence,
        )
    assert not IndicatorValue.objects.exists()


def test_the_office_cannot_log_once_review_has_begun_but_the_evaluator_can(
    spring_1403, khuzestan, khuzestan_editor, ministry_evaluator, engagements
):
    period_review_begin(period=spring_1403, actor=ministry_evaluator)
    with pytest.raises(PeriodStateError):
        indicator_value_record(
            period=spring_1403, office=khuzestan, indicator=engagements, actual=1, actor=khuzestan_editor
        )
    value = indicator_value_record(
        period=spring_1403, office=khuzestan, indicator=engagements, actual=2, actor=ministry_evaluator
    )
    assert value.entered_by == ministry_evaluator


def test_an_editor_of_another_office_cannot_log_for_khuzestan(spring_1403, khuzestan, fars_editor, engagements):
    with pytest.raises(PermissionDenied):
        indicator_value_record(period=spring_1403, office=khuzestan, indicator=engagements, actual=1, actor=fars_editor)


def test_survey_results_are_entered_by_evaluators_only(spring_1403, khuzestan, khuzestan_head, ministry_evaluator):
    satisfaction = spring_1403.framework.indicators.get(code="responsiveness.satisfaction")
    with pytest.raises(PermissionDenied):
        indicator_value_record(
            period=spring_1403, office=khuzestan, indicator=satisfaction, actual=80, actor=khuzestan_head
        )
    value = indicator_value_record(
        period=spring_1403, office=khuzestan, indicator=satisfaction, actual=60, actor=ministry_evaluator
    )
    assert value.score == 0.8


def test_a_negative_value_is_refused(spring_1403, khuzestan, khuzestan_editor, engagements):
    with pytest.raises(ValidationError):
        indicator_value_record(
            period=spring_1403, office=khuzestan, indicator=engagements, actual=-1, actor=khuzestan_editor
        )
