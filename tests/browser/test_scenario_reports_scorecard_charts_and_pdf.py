"""Issue 5, items 5 and 6: an office head opens the scorecard, sees the radar of the office's axes against
the national median and the trend drawn (in Vazirmatn, without a CSP violation), and downloads the
scorecard and the national ranking as PDF files."""

import pytest

from ayneh.evaluation.demo import evaluation_demo_ensure
from tests.browser.conftest import screenshot, sign_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def published(ministry_evaluator, khuzestan, fars):
    return evaluation_demo_ensure(evaluator=ministry_evaluator, offices=[khuzestan, fars]).period


def test_the_head_sees_the_radar_and_downloads_the_pdfs(page, published, khuzestan_head, khuzestan):
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    sign_in(page, khuzestan_head, PASSWORD)
    page.goto(page.base_url + f"/evaluation/{published.uuid}/offices/{khuzestan.code}/")

    radar = page.locator("#chart-radar svg.ayneh-chart")
    radar.wait_for()
    box = radar.bounding_box()
    assert box["width"] > 200  # drawn, not an empty box
    assert box["height"] > 150
    axis_names = [axis.name for axis in published.framework.axes.all()]
    labels = radar.locator("text").all_text_contents()
    assert set(axis_names) <= set(labels)  # every axis of the demo office has data
    # The office's polygon is filled with its colour from charts.css (the CSP allows no inline style).
    fill = radar.locator(".serie-0 .line, .serie-0 path").first.evaluate("node => getComputedStyle(node).stroke")
    assert fill == "rgb(14, 90, 102)"
    label_font = radar.locator("text").first.evaluate("node => getComputedStyle(node).fontFamily")
    assert label_font.startswith("Vazirmatn")
    assert page.locator("#chart-trend svg.ayneh-chart").is_visible()
    screenshot(page, "reports-scorecard-charts")

    with page.expect_download() as download_info:
        page.click("#scorecard-pdf")
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as file:
        assert file.read(5) == b"%PDF-"

    page.goto(page.base_url + f"/evaluation/{published.uuid}/")
    with page.expect_download() as download_info:
        page.click("#ranking-pdf")
    with open(download_info.value.path(), "rb") as file:
        assert file.read(5) == b"%PDF-"
    assert not violations, violations
