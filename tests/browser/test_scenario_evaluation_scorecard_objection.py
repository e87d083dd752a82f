"""Issue 5, items 5–7 through the real pages: the head of Khuzestan's PR office opens the office's
scorecard from the national ranking, drills down from news volume to the releases it counted, downloads
the ranking as Excel (read back: Persian office names), and files an objection on the annual plan's
rating; the ministry's evaluator accepts it with a corrected rating, and revision 2 appears with what
changed — on the ranking page, and on the head's scorecard."""

import datetime as dt

import openpyxl
import pytest
from django.utils import timezone

from ayneh.evaluation.demo import evaluation_demo_ensure
from ayneh.evaluation.models import EvaluatorScore, Objection, ObjectionStatus, RankingSnapshot
from tests.browser.conftest import SCREENSHOTS, screenshot, sign_in
from tests.evaluation.newsroom_records import release_at
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

OBJECTION = "برنامه سالانه اداره با اهداف سنجش‌پذیر و مصوبه شورا در سامانه بارگذاری شده بود."
ANSWER = "مستند برنامه بررسی شد؛ اهداف و زمان‌بندی کامل است."


@pytest.fixture
def published(ministry_evaluator, khuzestan, fars, khuzestan_editor):
    release = release_at(office=khuzestan, published_at=timezone.now() - dt.timedelta(hours=2), author=khuzestan_editor)
    period = evaluation_demo_ensure(evaluator=ministry_evaluator, offices=[khuzestan, fars]).period
    return period, release


def test_the_head_drills_down_downloads_and_objects_and_the_evaluator_accepts(
    page, second_page, published, khuzestan_head, ministry_evaluator, khuzestan, fars, tmp_path
):
    period, release = published
    head, evaluator = page, second_page
    violations = []
    head.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))

    # The head opens the national ranking and, from it, the office's scorecard.
    sign_in(head, khuzestan_head, PASSWORD)
    head.goto(head.base_url + "/evaluation/")
    head.click(f"table a:has-text('{khuzestan.name}')")
    head.wait_for_load_state()
    assert head.url.endswith(f"/evaluation/{period.uuid}/offices/{khuzestan.code}/")

    # Drill-down: news volume expands to exactly the release it counted.
    volume = head.locator("#indicator-newsvolume")
    volume.locator("summary:has-text('خبرهای شمرده‌شده')").click()
    link = volume.locator(f"a:has-text('{release.title}')")
    assert link.is_visible()
    assert volume.locator("details[open] li").count() == 1
    # The drill-down in view (the whole scorecard is many screens long).
    volume.evaluate("node => node.scrollIntoView({block: 'center'})")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    head.screenshot(path=str(SCREENSHOTS / "scorecard-drilldown.png"))
    link.click()
    head.wait_for_load_state()
    assert head.url.endswith(f"/panel/releases/{release.uuid}/")
    assert release.title in head.locator("h1").inner_text()

    # The national ranking as Excel, read back.
    head.goto(head.base_url + f"/evaluation/{period.uuid}/")
    with head.expect_download() as download_info:
        head.click("a:has-text('دریافت فایل اکسل')")
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    workbook = openpyxl.load_workbook(saved)
    cells = {
        str(cell.value) for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row if cell.value
    }
    assert khuzestan.name in cells
    assert fars.name in cells

    # The head objects to the annual plan's rating.
    head.goto(head.base_url + f"/evaluation/{period.uuid}/offices/{khuzestan.code}/")
    plan = period.framework.indicators.get(code="planning.annual_plan")
    head.select_option("#objection-form select[name=indicator]", str(plan.pk))
    head.fill("#objection-form textarea[name=text]", OBJECTION)
    head.click("#objection-form button[type=submit]")
    head.wait_for_load_state()
    assert "اعتراض شما ثبت شد" in head.content()
    objection = Objection.objects.get()
    assert objection.status == ObjectionStatus.OPEN
    assert OBJECTION in head.locator("section[aria-labelledby=objections]").inner_text()

    # The evaluator finds it in the panel and accepts it with a corrected rating.
    before = EvaluatorScore.objects.filter(office=khuzestan, indicator=plan).latest("created_at").rating
    corrected = 4 if before != 4 else 3
    sign_in(evaluator, ministry_evaluator, PASSWORD)
    evaluator.goto(evaluator.base_url + "/evaluation/panel/")
    evaluator.click("a:has-text('در انتظار پاسخ شماست')")
    evaluator.wait_for_load_state()
    evaluator.click("#open-objections a:has-text('پاسخ')")
    evaluator.wait_for_load_state()
    assert OBJECTION in evaluator.content()
    evaluator.check("#objection-answer input[name=decision][value=accept]")
    evaluator.fill("#objection-answer textarea[name=answer]", ANSWER)
    evaluator.select_option("#objection-answer select[name=rating]", str(corrected))
    evaluator.click("#objection-answer button[type=submit]")
    evaluator.wait_for_load_state()

    # Revision 2, with the change, on the ranking page.
    assert RankingSnapshot.objects.filter(period=period).count() == 2
    assert "ویرایش ۲ رتبه‌بندی منتشر شد" in evaluator.content()
    history = evaluator.locator("#history-title + ol li").first
    assert "ویرایش ۲" in history.inner_text()
    assert ANSWER in history.inner_text()
    history.locator(f"summary:has-text('{khuzestan.name}')").click()
    assert f"{plan.name} — " in history.inner_text()
    screenshot(evaluator, "evaluation-objection-revision")

    # The head sees the answer and the new revision on the scorecard.
    head.reload()
    assert "ویرایش ۲" in head.content()
    assert ANSWER in head.locator("section[aria-labelledby=objections]").inner_text()
    assert "پذیرفته" in head.locator("section[aria-labelledby=objections]").inner_text()
    assert not violations, violations
