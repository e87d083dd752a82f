"""The evaluators' panel, frameworks: only evaluators come in (others get a logged 404); an evaluator
copies the default framework into a new version, edits an indicator's weight, targets and rubric and an
axis's weight, sees whether the weights add up, and cannot change a framework a period uses."""

import pytest
from django.urls import reverse

from ayneh.evaluation.models import Framework
from tests.evaluation.views_helpers import audited, refusals, signed_in


def _indicator_url(framework, code):
    return reverse("evaluation:panel-indicator", kwargs={"key": framework.uuid, "code": code})


@pytest.mark.parametrize("persona", ["khuzestan_editor", "khuzestan_head", "ministry_manager"])
def test_people_who_do_not_evaluate_are_refused_the_panel_and_it_is_logged(client, persona, request, default_framework):
    user = request.getfixturevalue(persona)
    client = signed_in(client, user)
    for url in (
        reverse("evaluation:panel"),
        reverse("evaluation:panel-framework", kwargs={"key": default_framework.uuid}),
        reverse("evaluation:panel-period-open"),
        reverse("evaluation:panel-objections"),
    ):
        assert client.get(url).status_code == 404, url
    response = client.post(reverse("evaluation:panel-framework-copy", kwargs={"key": default_framework.uuid}))
    assert response.status_code == 404
    assert Framework.objects.count() == 1
    assert len(refusals("not_evaluator")) == 5


def test_the_panel_lists_frameworks_and_offers_the_default_when_there_is_none(client, ministry_evaluator):
    client = signed_in(client, ministry_evaluator)
    page = client.get(reverse("evaluation:panel")).content.decode()
    assert "بارگذاری چارچوب پیش‌فرض" in page
    response = client.post(reverse("evaluation:panel-framework-default"))
    framework = Framework.objects.get(is_default=True)
    assert response["Location"] == reverse("evaluation:panel-framework", kwargs={"key": framework.uuid})
    page = client.get(reverse("evaluation:panel")).content.decode()
    assert framework.title in page
    assert "بارگذاری چارچوب پیش‌فرض" not in page


def test_the_menu_leads_evaluators_to_the_panel_and_editors_to_their_records(
    client, ministry_evaluator, khuzestan_editor
):
    page = signed_in(client, ministry_evaluator).get(reverse("evaluation:ranking")).content.decode()
    assert f'href="{reverse("evaluation:panel")}"' in page
    client.logout()
    page = signed_in(client, khuzestan_editor).get(reverse("evaluation:ranking")).content.decode()
    assert f'href="{reverse("evaluation:panel")}"' not in page
    assert f'href="{reverse("evaluation:records")}"' in page


def test_an_evaluator_copies_the_default_framework_into_a_new_version(client, ministry_evaluator, default_framework):
    client = signed_in(client, ministry_evaluator)
    response = client.post(
        reverse("evaluation:panel-framework-copy", kwargs={"key": default_framework.uuid}),
        {"title": "چارچوب ۱۴۰۴"},
    )
    copy = Framework.objects.get(version=default_framework.version + 1)
    assert response["Location"] == reverse("evaluation:panel-framework", kwargs={"key": copy.uuid})
    assert copy.title == "چارچوب ۱۴۰۴"
    assert copy.based_on == default_framework
    assert copy.indicators.count() == default_framework.indicators.count()
    assert audited("evaluation.framework_copied")[0].actor == ministry_evaluator
    page = client.get(response["Location"]).content.decode()
    assert "۱۰۰" in page  # the weights' sum, in Persian digits
    assert "وزن‌ها جمع می‌شوند" in page


def test_a_weight_change_that_breaks_the_sum_is_saved_and_named_on_the_page(
    client, ministry_evaluator, default_framework
):
    client = signed_in(client, ministry_evaluator)
    response = client.post(_indicator_url(default_framework, "news.volume"), {"weight": "۶"})
    assert response.status_code == 302
    indicator = default_framework.indicators.get(code="news.volume")
    assert float(indicator.weight) == 6
    page = client.get(reverse("evaluation:panel-framework", kwargs={"key": default_framework.uuid})).content.decode()
    assert "تا وزن‌ها جمع نشوند" in page
    assert "۲۲" in page  # the news axis's indicators now weigh 22 against its 20
    # Moving the axis to 22 and another axis down by 2 makes the framework consistent again.
    for code, weight in (("news", "22"), ("planning", "8")):
        client.post(
            reverse("evaluation:panel-axis", kwargs={"key": default_framework.uuid, "code": code}), {"weight": weight}
        )
    client.post(_indicator_url(default_framework, "planning.plans_before_decisions"), {"weight": "1"})
    page = client.get(reverse("evaluation:panel-framework", kwargs={"key": default_framework.uuid})).content.decode()
    assert "وزن‌ها جمع می‌شوند" in page
    assert len(audited("evaluation.axis_updated")) == 2


def test_targets_per_tier_and_rubric_texts_are_edited(client, ministry_evaluator, default_framework):
    client = signed_in(client, ministry_evaluator)
    client.post(
        _indicator_url(default_framework, "news.volume"),
        {"weight": "4", "target_provincial_dg": "۳۵", "target_hq_unit": "12.5", "target_affiliated": ""},
    )
    indicator = default_framework.indicators.get(code="news.volume")
    assert indicator.targets == {"provincial_dg": 35.0, "hq_unit": 12.5, "affiliated": None}
    rubric = {f"rubric_{level}": f"سطح {level} سنجه" for level in range(5)}
    client.post(_indicator_url(default_framework, "planning.annual_plan"), {"weight": "5", **rubric})
    assert default_framework.indicators.get(code="planning.annual_plan").rubric == [f"سطح {n} سنجه" for n in range(5)]


def test_bad_numbers_and_a_missing_rubric_text_are_form_errors_in_persian(
    client, ministry_evaluator, default_framework
):
    client = signed_in(client, ministry_evaluator)
    response = client.post(_indicator_url(default_framework, "news.volume"), {"weight": "زیاد"})
    assert response.status_code == 200
    assert "عدد" in response.content.decode()
    response = client.post(_indicator_url(default_framework, "news.volume"), {"weight": "-1"})
    assert response.status_code == 200
    rubric = {f"rubric_{level}": "متن" for level in range(4)}
    response = client.post(_indicator_url(default_framework, "planning.annual_plan"), {"weight": "5", **rubric})
    assert response.status_code == 200
    assert "این فیلد لازم است" in response.content.decode()
    assert float(default_framework.indicators.get(code="news.volume").weight) == 4
    assert not audited("evaluation.indicator_updated")


def test_a_framework_used_by_a_period_cannot_be_edited(client, ministry_evaluator, spring_1403):
    framework = spring_1403.framework
    client = signed_in(client, ministry_evaluator)
    response = client.post(_indicator_url(framework, "news.volume"), {"weight": "6"})
    assert response.status_code == 302
    assert float(framework.indicators.get(code="news.volume").weight) == 4
    page = client.get(response["Location"]).content.decode()
    assert "نسخه تازه" in page
    assert _indicator_url(framework, "news.volume") not in page  # no edit links on a frozen framework


def test_an_unknown_framework_or_indicator_is_a_logged_404(client, ministry_evaluator, default_framework):
    client = signed_in(client, ministry_evaluator)
    assert client.get(_indicator_url(default_framework, "no.such")).status_code == 404
    assert refusals("indicator_unknown")
