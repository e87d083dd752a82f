"""A provincial office head searches the monitored articles in the browser: types a word, narrows to a
Jalali date range (the results refresh in place), sees the matched words marked, and an impossible date
gets a Persian error instead of results."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from ayneh.monitoring.models import OutletTier
from ayneh.monitoring.services import article_ingest, outlet_create
from tests.browser.conftest import screenshot, sign_in
from tests.factories import PASSWORD
from tests.monitoring.factories import incoming_make

pytestmark = pytest.mark.django_db(transaction=True)

KHORDAD_1 = dt.datetime(2021, 5, 22, 7, 30, tzinfo=dt.UTC)  # 1 Khordad 1400, noon in Tehran


def test_a_head_filters_the_search_by_a_jalali_date_range(page, khuzestan_head):
    outlet = outlet_create(name="راه بهارستان", tier=OutletTier.PROVINCIAL, province="خوزستان")
    for title, published in (
        ("بیمه کارگران ساختمانی در خوزستان", KHORDAD_1),
        ("تجلیل از کارگران نمونه استان", KHORDAD_1 - dt.timedelta(days=40)),
    ):
        article_ingest(
            record=incoming_make(title=title, text=f"{title}. متن کامل خبر درباره کارگران.", published=published),
            outlet=outlet,
        )

    sign_in(page, khuzestan_head, PASSWORD)
    page.goto(page.base_url + "/monitoring/search/")
    page.fill("input[name=q]", "کارگران")
    page.click("form.search-form button[type=submit]")
    page.wait_for_selector(".search-hit")
    assert page.locator(".search-hit").count() == 2

    page.fill("input[name=date_from]", "۱۴۰۰/۰۳/۰۱")
    page.fill("input[name=date_to]", "۱۴۰۰/۰۳/۰۱")
    page.click("form.search-form button[type=submit]")
    # A locator wait, not wait_for_function: the page's CSP forbids evaluating strings as script.
    expect(page.locator(".search-hit")).to_have_count(1)
    hit = page.locator(".search-hit").first
    assert "بیمه کارگران ساختمانی" in hit.inner_text()
    assert hit.locator("mark").first.inner_text() == "کارگران"
    # The address keeps the filters (htmx pushes it), so the result list can be shared and reloaded.
    assert "date_from=" in page.url
    screenshot(page, "monitoring-search-date-range")

    page.fill("input[name=date_from]", "۱۴۰۲/۱۲/۳۰")  # no 30 Esfand in 1402
    page.click("form.search-form button[type=submit]")
    page.wait_for_selector("#search-results .form-error")
    assert "۳۰ اسفند ۱۴۰۲" in page.locator("#search-results").inner_text()
    assert page.locator(".search-hit").count() == 0
