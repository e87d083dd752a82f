"""Two people editing the same draft: the second save, made on the version both started from, is refused
as a conflict with a clear message; the first person's text stays, nothing is silently overwritten."""

import pytest
from django.urls import reverse
from django.utils import translation

from ayneh.accounts.models import User
from ayneh.core.models import AuditEntry
from ayneh.newsroom import services
from ayneh.newsroom.models import Release
from ayneh.offices.models import Office
from tests.factories import Role, user_make
from tests.newsroom.factories import release_make


@pytest.fixture
def second_editor(khuzestan: Office) -> User:
    return user_make(username="khuzestan_editor_2", role=Role.EDITOR, office=khuzestan)


def test_the_second_save_on_the_same_version_raises_a_conflict(
    khuzestan: Office, khuzestan_editor: User, second_editor: User
) -> None:
    release = release_make(office=khuzestan, actor=khuzestan_editor, title="عنوان اول")
    opened_by_both = release.version

    services.release_update(
        release=release,
        actor=khuzestan_editor,
        expected_version=opened_by_both,
        content=services.ReleaseContent(title="عنوان ویرایش اول"),
    )
    with pytest.raises(services.ReleaseConflict) as conflict:
        services.release_update(
            release=release,
            actor=second_editor,
            expected_version=opened_by_both,
            content=services.ReleaseContent(title="عنوان ویرایش دوم"),
        )

    assert conflict.value.current_version == opened_by_both + 1
    saved = Release.objects.get(pk=release.pk)
    assert (saved.title, saved.version, saved.updated_by) == ("عنوان ویرایش اول", 2, khuzestan_editor)
    assert saved.revisions.count() == 2
    assert not AuditEntry.objects.filter(action="release.updated", actor=second_editor).exists()


def test_the_panel_answers_a_stale_save_with_a_persian_conflict_message_and_keeps_the_typed_text(
    khuzestan: Office, khuzestan_editor: User, second_editor: User, client_for
) -> None:
    release = release_make(office=khuzestan, actor=khuzestan_editor, title="عنوان اول")
    edit_url = reverse("newsroom:release-edit", kwargs={"key": release.uuid})
    first, second = client_for(khuzestan_editor), client_for(second_editor)
    # Both open the edit page: the form carries version 1 in a hidden field.
    assert 'name="version" value="1"' in first.get(edit_url).content.decode()
    assert 'name="version" value="1"' in second.get(edit_url).content.decode()

    saved = first.post(edit_url, {"title": "نسخه کارشناس اول", "body": "متن اول", "version": 1})
    assert saved.status_code == 302

    with translation.override("fa"):
        refused = second.post(edit_url, {"title": "نسخه کارشناس دوم", "body": "متن دوم", "version": 1})

    assert refused.status_code == 409
    page = refused.content.decode()
    assert "کس دیگری این خبر را" in page
    assert "نسخه کارشناس دوم" in page  # what the second editor typed is still in the form
    assert Release.objects.get(pk=release.pk).title == "نسخه کارشناس اول"


def test_a_fresh_save_after_reloading_succeeds(khuzestan: Office, khuzestan_editor: User, second_editor: User) -> None:
    release = release_make(office=khuzestan, actor=khuzestan_editor)
    services.release_update(
        release=release, actor=khuzestan_editor, expected_version=1, content=services.ReleaseContent(title="یک")
    )
    reloaded = Release.objects.get(pk=release.pk)

    services.release_update(
        release=reloaded,
        actor=second_editor,
        expected_version=reloaded.version,
        content=services.ReleaseContent(title="دو"),
    )

    assert Release.objects.get(pk=release.pk).title == "دو"
