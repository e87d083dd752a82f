"""An editor of the release's office removes a wrong attachment: the row and the file go, the audit log
keeps who removed what; an editor of another office is refused and the file stays."""

from pathlib import Path

from django.urls import reverse

from ayneh.accounts.models import User
from ayneh.core.models import AuditEntry
from ayneh.newsroom.models import Attachment
from ayneh.offices.models import Office
from tests.newsroom.factories import pdf_upload, release_make


def _attach(client, release) -> Attachment:
    response = client.post(reverse("newsroom:attachment-add", args=[release.uuid]), {"file": pdf_upload("نامه.pdf")})
    assert response.status_code == 302
    return Attachment.objects.get(release=release)


def _remove_url(attachment: Attachment) -> str:
    return reverse("newsroom:attachment-remove", args=[attachment.release.uuid, attachment.uuid])


def test_the_offices_editor_removes_an_attachment_and_its_file(
    khuzestan: Office, khuzestan_editor: User, client_for, media_root: Path, django_capture_on_commit_callbacks
) -> None:
    release = release_make(office=khuzestan, actor=khuzestan_editor)
    client = client_for(khuzestan_editor)
    attachment = _attach(client, release)
    stored = media_root / "private" / attachment.file.name
    assert stored.is_file()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_remove_url(attachment), follow=True)

    assert not Attachment.objects.filter(pk=attachment.pk).exists()
    assert not stored.exists()
    assert "پیوست «نامه.pdf» حذف شد." in response.content.decode()
    entry = AuditEntry.objects.get(action="release.attachment_removed")
    assert entry.actor == khuzestan_editor
    assert entry.data["name"] == "نامه.pdf"


def test_an_editor_of_another_office_cannot_remove_it(
    khuzestan: Office, khuzestan_editor: User, fars_editor: User, client_for, media_root: Path
) -> None:
    release = release_make(office=khuzestan, actor=khuzestan_editor)
    attachment = _attach(client_for(khuzestan_editor), release)

    response = client_for(fars_editor).post(_remove_url(attachment))

    assert response.status_code in (403, 404)
    assert Attachment.objects.filter(pk=attachment.pk).exists()
    assert (media_root / "private" / attachment.file.name).is_file()


def test_a_get_request_removes_nothing(khuzestan: Office, khuzestan_editor: User, client_for, media_root: Path) -> None:
    release = release_make(office=khuzestan, actor=khuzestan_editor)
    client = client_for(khuzestan_editor)
    attachment = _attach(client, release)

    assert client.get(_remove_url(attachment)).status_code == 405
    assert Attachment.objects.filter(pk=attachment.pk).exists()
