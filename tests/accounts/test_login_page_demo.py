"""In the demo, the sign-in page lists the demo accounts under «نسخه نمایشی»; elsewhere it does not."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.fixtures import Settings

from ayneh.offices.models import Office
from ayneh.offices.roles import Role
from tests.factories import user_make


def test_the_demo_sign_in_page_lists_demo_accounts_and_their_roles(
    client: Client, settings: Settings, khuzestan: Office
) -> None:
    settings.AYNEH_DEMO = True
    settings.AYNEH_DEMO_PASSWORD = "demo-pass-1400"
    user_make(username="demo_editor", role=Role.EDITOR, office=khuzestan, is_demo=True, display_name="کارشناس نمایشی")
    user_make(username="real_person", role=Role.EDITOR, office=khuzestan)
    html = client.get(reverse("accounts:login")).content.decode()
    assert "نسخه نمایشی" in html
    assert "demo_editor" in html
    assert "کارشناس روابط عمومی تعاون، کار و رفاه اجتماعی خوزستان" in html
    assert "demo-pass-1400" in html
    assert "real_person" not in html


def test_outside_the_demo_no_accounts_are_listed(client: Client, settings: Settings, khuzestan: Office) -> None:
    settings.AYNEH_DEMO = False
    user_make(username="demo_editor", role=Role.EDITOR, office=khuzestan, is_demo=True)
    html = client.get(reverse("accounts:login")).content.decode()
    assert "demo_editor" not in html
    assert "حساب‌های نمایشی" not in html


def test_the_demo_list_costs_the_same_queries_for_two_or_six_accounts(
    client: Client, settings: Settings, khuzestan: Office, fars: Office
) -> None:
    settings.AYNEH_DEMO = True
    user_make(username="demo-1", role=Role.EDITOR, office=khuzestan, is_demo=True)
    user_make(username="demo-2", role=Role.HEAD, office=khuzestan, is_demo=True)
    with CaptureQueriesContext(connection) as two:
        client.get(reverse("accounts:login"))
    for n in range(3, 7):
        user_make(username=f"demo-{n}", role=Role.EDITOR, office=fars, is_demo=True)
    with CaptureQueriesContext(connection) as six:
        client.get(reverse("accounts:login"))
    assert len(six) == len(two)
