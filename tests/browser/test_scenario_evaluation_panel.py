"""Issue 5, items 1, 3 and 4 through the real pages: the ministry's evaluator copies the default
framework into a new version and edits a target, opens a period for every office, computes it, rates an
evaluator indicator with a comment, begins the review, publishes with the confirmation box, and reads the
national ranking — in Persian, right to left, with no CSP violation."""

import pytest
from django.utils import timezone

from ayneh.core.jalali import to_jalali
from ayneh.evaluation.models import EvaluatorScore, Framework, Period, RankingSnapshot
from ayneh.evaluation.services import framework_load_default
from tests.browser.conftest import screenshot, sign_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def default_framework(ministry_evaluator):
    return framework_load_default(actor=ministry_evaluator)


COMMENT = "برنامه سالانه اهداف سنجش‌پذیر و زمان‌بندی دارد؛ منابع برخی برنامه‌ها روشن نیست."


def test_the_evaluator_copies_opens_computes_rates_publishes_and_sees_the_ranking(
    page, ministry_evaluator, default_framework, khuzestan, fars
):
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    sign_in(page, ministry_evaluator, PASSWORD)

    # The menu leads the evaluator to the panel.
    page.click("nav.site-nav a:has-text('میز ارزیابی')")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "میز ارزیابی"
    assert page.locator("html").get_attribute("dir") == "rtl"

    # 1. Copy the default framework into a new version and change a target.
    page.click("#framework-list form button:has-text('رونوشت در نسخه تازه')")
    page.wait_for_load_state()
    copy = Framework.objects.get(version=default_framework.version + 1)
    assert "نسخه ۲" in page.locator("h1").inner_text()
    volume = copy.indicators.get(code="news.volume")
    page.click(f"#indicator-{volume.pk} a:has-text('ویرایش')")
    page.wait_for_load_state()
    page.fill("input[name=target_provincial_dg]", "۳۵")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert copy.indicators.get(code="news.volume").targets["provincial_dg"] == 35
    assert "وزن‌ها جمع می‌شوند" in page.locator("#weights-summary").inner_text()
    assert page.locator("#weights-total").inner_text() == "۱۰۰"
    screenshot(page, "evaluation-panel")

    # 2. Open this year's period on the new version for every office of its tiers.
    year = to_jalali(timezone.now()).year
    page.click("a:has-text('گشودن دوره روی آن')")
    page.wait_for_load_state()
    page.select_option("select[name=kind]", "year")
    page.fill("input[name=year]", str(year).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")))
    page.select_option("select[name=scope]", "all")
    page.click("#period-open button[type=submit]")
    page.wait_for_load_state()
    period = Period.objects.get(framework=copy)
    assert set(period.offices.values_list("code", flat=True)) == {"dg-khuzestan", "dg-fars"}
    assert "گشوده شد" in page.content()

    # 3. Compute the automatic indicators.
    page.click("#period-compute button")
    page.wait_for_load_state()
    assert "شاخص‌های خودکار محاسبه شد" in page.content()

    # 4. Rate Khuzestan's annual plan against the rubric, with a comment.
    page.click("main .page-actions a:has-text('نمره‌دهی شاخص‌های ارزیابی')")
    page.wait_for_load_state()
    page.click(f"#rating-matrix a:has-text('{khuzestan.name}')")
    page.wait_for_load_state()
    plan = copy.indicators.get(code="planning.annual_plan")
    card = page.locator(f"#rate-{plan.pk}")
    assert plan.rubric[4] in card.inner_text()
    # Without a comment: refused in Persian, nothing saved.
    card.locator("input[value='3']").check()
    card.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert "توضیح" in page.locator(f"#rate-{plan.pk} .errorlist").first.inner_text()
    assert not EvaluatorScore.objects.exists()
    card = page.locator(f"#rate-{plan.pk}")
    card.locator("input[value='3']").check()
    card.locator("textarea").fill(COMMENT)
    card.locator("button[type=submit]").click()
    page.wait_for_load_state()
    score = EvaluatorScore.objects.get()
    assert (score.rating, score.comment, score.evaluator) == (3, COMMENT, ministry_evaluator)
    card = page.locator(f"#rate-{plan.pk}")
    assert card.locator("input[value='3']").is_checked()  # the form shows the rating that counts
    assert COMMENT in card.inner_text()
    screenshot(page, "evaluation-rating")

    # 5. Review, then publish with the confirmation box.
    page.goto(page.base_url + f"/evaluation/panel/periods/{period.uuid}/")
    page.click("#period-review button")
    page.wait_for_load_state()
    page.click("#period-publish button[type=submit]")  # unticked: refused
    page.wait_for_load_state()
    assert "برای تأیید انتشار" in page.content()
    assert not RankingSnapshot.objects.exists()
    page.check("#period-publish input[name=confirm]")
    page.click("#period-publish button[type=submit]")
    page.wait_for_load_state()

    # 6. The national ranking of the new period.
    assert RankingSnapshot.objects.get(period=period).revision == 1
    assert page.url.endswith(f"/evaluation/{period.uuid}/")
    assert "ویرایش ۱ رتبه‌بندی منتشر شد" in page.content()
    names = page.locator("table.table tbody th").all_inner_texts()
    assert any(khuzestan.name in name for name in names)
    assert any(fars.name in name for name in names)
    screenshot(page, "evaluation-ranking-published")
    assert not violations, violations
