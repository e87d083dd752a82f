"""Uploaded files are never served straight from disk: a published release's photo is public, a draft's
photo and every attachment only to people who may view the release's office; other requests are 404s,
and an authenticated user's are logged as refusals."""

import pytest
from django.test import Client

from ayneh.accounts.models import User
from ayneh.core.models import AuditEntry
from ayneh.newsroom import services
from ayneh.newsroom.models import Release, ReleaseStatus
from ayneh.offices.models import Office
from tests.newsroom.factories import image_upload, pdf_upload


@pytest.fixture
def draft_with_photo(khuzestan: Office, khuzestan_editor: User) -> Release:
    return services.release_create(
        actor=khuzestan_editor,
        office=khuzestan,
        content=services.ReleaseContent(title="خبر با عکس"),
        photo=image_upload(),
    )


def test_a_draft_photo_is_shown_to_its_office(draft_with_photo: Release, khuzestan_editor: User, client_for) -> None:
    response = client_for(khuzestan_editor).get(draft_with_photo.photo.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "private, no-store"


def test_a_draft_photo_is_not_found_for_anonymous_visitors(draft_with_photo: Release) -> None:
    assert Client().get(draft_with_photo.photo.url).status_code == 404


def test_a_draft_photo_is_refused_and_logged_for_another_province(
    draft_with_photo: Release, fars_editor: User, client_for
) -> None:
    assert client_for(fars_editor).get(draft_with_photo.photo.url).status_code == 404
    refusal = AuditEntry.objects.get(action="access.refused", actor=fars_editor)
    assert refusal.office == draft_with_photo.office


def test_a_published_photo_is_public(draft_with_photo: Release, khuzestan_editor: User, khuzestan_head: User) -> None:
    release = services.release_submit(release=draft_with_photo, actor=khuzestan_editor)
    release = services.release_publish(release=release, actor=khuzestan_head)
    assert release.status == ReleaseStatus.PUBLISHED

    response = Client().get(release.photo.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_an_attachment_downloads_as_a_file_only_inside_the_office(
    draft_with_photo: Release, khuzestan_editor: User, khuzestan_head: User, fars_editor: User, client_for
) -> None:
    attachment = services.attachment_add(
        release=draft_with_photo, actor=khuzestan_editor, upload=pdf_upload("برنامه.pdf")
    )

    response = client_for(khuzestan_head).get(attachment.file.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")

    assert client_for(fars_editor).get(attachment.file.url).status_code == 404
    assert Client().get(attachment.file.url).status_code == 404


def test_a_path_outside_the_newsroom_layout_is_not_found(khuzestan_editor: User, client_for) -> None:
    assert client_for(khuzestan_editor).get("/panel/files/../../secret_key").status_code == 404
