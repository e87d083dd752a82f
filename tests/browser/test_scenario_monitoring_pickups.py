"""Issue 4, item 4: the office head opens a release's pickups from the release page, sees how each outlet
edited it (a diff) and whether it credited the office (the credit line marked), confirms one, and the
decision shows with who decided and when."""

from collections.abc import Iterator

import pytest

from ayneh.core.models import AuditEntry
from ayneh.monitoring.models import OutletTier, Pickup, PickupStatus
from ayneh.monitoring.pickups import release_index_reset
from ayneh.monitoring.versions import version_index_reset
from tests.browser.conftest import SCREENSHOTS, screenshot, sign_in
from tests.factories import PASSWORD
from tests.monitoring.coverage import Coverage, coverage_make
from tests.monitoring.factories import outlet_make

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def fresh_indexes() -> Iterator[None]:
    release_index_reset()
    version_index_reset()
    yield
    release_index_reset()
    version_index_reset()


@pytest.fixture
def coverage(khuzestan, fars, khuzestan_editor, fars_editor, khuzestan_head) -> Coverage:
    irna = outlet_make(name="ایرنا", tier=OutletTier.NEWS_AGENCY, aliases=["خبرگزاری ایرنا"])
    return coverage_make(
        khuzestan=khuzestan, fars=fars, khuzestan_editor=khuzestan_editor, fars_editor=fars_editor, irna=irna
    )


def test_the_head_checks_a_pickups_edits_and_credit_and_confirms_it(page, coverage, khuzestan_head):
    sign_in(page, khuzestan_head, PASSWORD)
    page.goto(page.base_url + coverage.khuzestan_release.panel_url)
    page.get_by_role("link", name="بازنشر در رسانه‌ها").click()
    page.wait_for_load_state()

    assert "/monitoring/releases/" in page.url
    card = page.locator(f"#pickup-{coverage.credited.pk}")
    # The diff of the first pickup is open: the outlet's credit line is marked, the dropped lead is struck.
    credit = card.locator(".diff .diff-credit").first
    assert credit.is_visible()
    assert "به نقل از روابط عمومی اداره کل تعاون" in credit.inner_text()
    assert card.locator(".diff del.diff-del").first.is_visible()
    assert card.locator(".diff ins.diff-ins").count() > 0
    assert card.locator(".pickup-credit mark").inner_text().startswith("به گزارش ایرنا")

    card.get_by_label("یادداشت (اختیاری)").fill("در سایت ایرنا دیده شد")
    card.get_by_role("button", name="تأیید بازنشر").click()
    page.wait_for_load_state()

    card = page.locator(f"#pickup-{coverage.credited.pk}")
    decision = card.locator(".decision-made")
    assert decision.is_visible()
    assert "تأییدشده" in decision.inner_text()
    assert "حسن نسیمی" in decision.inner_text()
    assert "در سایت ایرنا دیده شد" in decision.inner_text()
    assert page.locator(".message-success").is_visible()
    assert Pickup.objects.get(pk=coverage.credited.pk).status == PickupStatus.CONFIRMED
    assert AuditEntry.objects.filter(action="monitoring.pickup.confirmed", actor=khuzestan_head).count() == 1

    path = screenshot(page, "monitoring-pickups")
    assert path == SCREENSHOTS / "monitoring-pickups.png"
