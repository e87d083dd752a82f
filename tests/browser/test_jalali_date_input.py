"""Jalali date input in the browser: an impossible date gets a Persian form error, not a guess."""

import pytest

from ayneh.newsroom.models import Event
from tests.browser.conftest import sign_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_30_esfand_of_a_common_year_is_refused_in_persian(page, khuzestan_editor):
    sign_in(page, khuzestan_editor, PASSWORD)
    page.goto(page.base_url + "/panel/events/new/")
    page.fill("input[name=title]", "نشست خبری پایان سال")
    page.fill("input[name=starts_at]", "۱۴۰۲/۱۲/۳۰ ۱۰:۰۰")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()

    error = page.locator(".errorlist").first.inner_text()
    assert "۳۰ اسفند ۱۴۰۲" in error
    assert not Event.objects.exists()

    page.fill("input[name=starts_at]", "۱۴۰۳/۱۲/۳۰ ۱۰:۰۰")  # 1403 is a leap year
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert Event.objects.count() == 1
