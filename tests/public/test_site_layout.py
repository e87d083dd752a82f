"""The site layout (templates/base.html): who is signed in, for which offices, a POST sign-out, and the
demo badge on demo accounts and demo sites."""

from django.test import Client, override_settings

from ayneh.accounts.models import User
from ayneh.offices.models import Office
from tests.factories import Role, user_make


def test_a_signed_in_user_sees_their_name_offices_and_a_post_sign_out(
    client: Client, khuzestan_editor: User, khuzestan: Office
) -> None:
    client.force_login(khuzestan_editor)

    html = client.get("/").content.decode()

    assert "کارشناس خوزستان" in html
    assert "تعاون، کار و رفاه اجتماعی خوزستان" in html
    assert "(کارشناس روابط عمومی)" in html
    assert '<form method="post" action="/accounts/logout/" class="logout-form">' in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_an_anonymous_visitor_gets_the_staff_sign_in_link_and_no_user_menu(client: Client, db: None) -> None:
    html = client.get("/").content.decode()

    assert 'href="/accounts/login/"' in html
    assert "user-menu" not in html


def test_a_demo_account_is_marked_as_demo(client: Client, khuzestan: Office) -> None:
    client.force_login(user_make(role=Role.EDITOR, office=khuzestan, is_demo=True))

    assert "نسخه نمایشی" in client.get("/").content.decode()


def test_a_real_account_on_a_real_site_is_not_marked(client: Client, khuzestan_editor: User) -> None:
    client.force_login(khuzestan_editor)

    with override_settings(AYNEH_DEMO=False):
        assert "نسخه نمایشی" not in client.get("/").content.decode()


def test_every_page_of_a_demo_site_says_it_is_a_demo(client: Client, db: None) -> None:
    with override_settings(AYNEH_DEMO=True):
        assert "نسخه نمایشی" in client.get("/").content.decode()
