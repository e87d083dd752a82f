"""The admin shows releases with their history but cannot change them (changes go through the services)."""

from django.urls import reverse

from ayneh.accounts.models import User
from ayneh.newsroom.models import ReleaseStatus
from ayneh.offices.models import Office
from tests.newsroom.factories import release_make


def test_an_administrator_can_look_up_a_release_but_not_change_it(
    khuzestan: Office, khuzestan_editor: User, administrator: User, client_for
) -> None:
    release = release_make(office=khuzestan, actor=khuzestan_editor, status=ReleaseStatus.PUBLISHED)
    client = client_for(administrator)

    listing = client.get(reverse("admin:newsroom_release_changelist"))
    page = client.get(reverse("admin:newsroom_release_change", args=[release.pk]))
    attempt = client.post(reverse("admin:newsroom_release_change", args=[release.pk]), {"title": "دست‌کاری"})

    assert listing.status_code == 200
    assert release.title in listing.content.decode()
    assert page.status_code == 200
    assert attempt.status_code == 403
    assert client.get(reverse("admin:newsroom_release_add")).status_code == 403
    release.refresh_from_db()
    assert release.title != "دست‌کاری"
