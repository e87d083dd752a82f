"""In the demo, the sign-in page lists the demo accounts under «نسخه نمایشی»; elsewhere it does not."""

from django.test import Client
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
