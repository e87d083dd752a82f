"""Every save keeps a snapshot (title, lead, body, tags, who, when) under its version number."""

from django.urls import reverse

from ayneh.accounts.models import User
from ayneh.newsroom import services
from ayneh.offices.models import Office
from tests.factories import Role, user_make
from tests.newsroom.factories import release_make


def test_each_save_adds_a_revision_with_the_text_it_saved(khuzestan: Office, khuzestan_editor: User) -> None:
    colleague = user_make(role=Role.EDITOR, office=khuzestan)
    release = release_make(office=khuzestan, actor=khuzestan_editor, title="پیش‌نویس", body="بند اول", tags=["اشتغال"])
    release = services.release_update(
        release=release,
        actor=colleague,
        expected_version=1,
        content=services.ReleaseContent(title="نسخه دوم", lead="لید", body="بند دوم", tags=["بیمه", "اشتغال"]),
    )

    assert release.version == 2
    first, second = release.revisions.order_by("version")
    assert (first.version, first.title, first.body_html, first.tag_names, first.created_by) == (
        1,
        "پیش‌نویس",
        "<p>بند اول</p>",
        ["اشتغال"],
        khuzestan_editor,
    )
    assert (second.version, second.title, second.lead, second.body_html, second.tag_names, second.created_by) == (
        2,
        "نسخه دوم",
        "لید",
        "<p>بند دوم</p>",
        ["اشتغال", "بیمه"],
        colleague,
    )


def test_a_release_detail_page_lists_its_saved_versions(khuzestan: Office, khuzestan_editor: User, client_for) -> None:
    release = release_make(office=khuzestan, actor=khuzestan_editor, title="نسخه نخست")
    services.release_update(
        release=release, actor=khuzestan_editor, expected_version=1, content=services.ReleaseContent(title="نسخه پسین")
    )

    page = client_for(khuzestan_editor).get(reverse("newsroom:release-detail", kwargs={"key": release.uuid}))

    assert page.status_code == 200
    assert [r.title for r in page.context["revisions"]] == ["نسخه پسین", "نسخه نخست"]
