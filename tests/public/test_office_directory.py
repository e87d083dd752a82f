"""The office directory: every active office by tier, with its count of published releases."""

from django.test import Client

from ayneh.offices.models import Office, Tier
from tests.factories import office_make
from tests.public.conftest import DraftRelease, PublishRelease


def test_it_lists_active_offices_by_tier_with_published_counts_in_persian_digits(
    client: Client,
    khuzestan: Office,
    fars: Office,
    publish_release: PublishRelease,
    draft_release: DraftRelease,
    django_assert_max_num_queries: object,
) -> None:
    office_make(code="org-behzisti", name="سازمان بهزیستی کشور", tier=Tier.AFFILIATED)
    office_make(code="dg-closed", name="اداره منحل", is_active=False)
    publish_release(khuzestan, "خبر یکم")
    publish_release(khuzestan, "خبر دوم")
    draft_release(fars, "پیش‌نویس")

    with django_assert_max_num_queries(3):  # type: ignore[operator]
        response = client.get("/offices/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("ادارات کل استانی") < html.index("سازمان\u200cهای وابسته")
    assert "سازمان بهزیستی کشور" in html
    assert "اداره منحل" not in html
    assert "۲ خبر" in html
    assert '<a href="/office/dg-fars/">' in html
