"""Photos and attachments are accepted by what they contain (Pillow opens the image; a PDF starts with
%PDF-), never by their name; too large or wrong files are refused with a Persian message."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ayneh.accounts.models import User
from ayneh.newsroom.models import Release
from ayneh.offices.models import Office
from tests.newsroom.factories import image_upload, pdf_upload, release_make


def _create(client, office: Office, photo: SimpleUploadedFile):
    return client.post(reverse("newsroom:release-create"), {"office": office.pk, "title": "خبر با عکس", "photo": photo})


@pytest.mark.parametrize("image_format", ["PNG", "JPEG", "WEBP"])
def test_a_jpeg_png_or_webp_photo_is_stored_under_its_real_type(
    image_format: str, khuzestan: Office, khuzestan_editor: User, client_for, media_root: Path
) -> None:
    response = _create(client_for(khuzestan_editor), khuzestan, image_upload("عکس.bin", image_format=image_format))

    assert response.status_code == 302
    release = Release.objects.get()
    extension = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}[image_format]
    assert release.photo.name.startswith(f"releases/{release.uuid}/photo/")
    assert release.photo.name.endswith(f".{extension}")
    assert (media_root / "private" / release.photo.name).is_file()


@pytest.mark.parametrize(
    "upload",
    [
        pytest.param(
            SimpleUploadedFile("photo.jpg", b"<html><script>x</script></html>", "image/jpeg"), id="html-named-jpg"
        ),
        pytest.param(image_upload("anim.gif", image_format="GIF"), id="gif"),
        pytest.param(pdf_upload("photo.png"), id="pdf-as-photo"),
    ],
)
def test_anything_else_as_a_photo_is_refused_in_persian(
    upload: SimpleUploadedFile, khuzestan: Office, khuzestan_editor: User, client_for
) -> None:
    response = _create(client_for(khuzestan_editor), khuzestan, upload)

    assert response.status_code == 200
    assert response.context["form"].errors["photo"] == ["عکس باید تصویر JPEG، PNG یا WebP باشد."]
    assert not Release.objects.exists()


def test_a_photo_over_the_size_limit_is_refused_in_persian(
    khuzestan: Office, khuzestan_editor: User, client_for, settings
) -> None:
    settings.ATTACHMENT_MAX_BYTES = 100
    response = _create(client_for(khuzestan_editor), khuzestan, image_upload(size=(400, 400)))

    [error] = response.context["form"].errors["photo"]
    assert error.startswith("پرونده بیش از اندازه بزرگ است")
    assert not Release.objects.exists()


def test_a_pdf_attachment_is_kept_privately_with_its_original_name(
    khuzestan: Office, khuzestan_editor: User, client_for, media_root: Path
) -> None:
    release = release_make(office=khuzestan, actor=khuzestan_editor)

    client_for(khuzestan_editor).post(
        reverse("newsroom:attachment-add", kwargs={"key": release.uuid}), {"file": pdf_upload("نامه دعوت.pdf")}
    )

    attachment = release.attachments.get()
    assert (attachment.original_name, attachment.content_type) == ("نامه دعوت.pdf", "application/pdf")
    assert attachment.file.name.endswith(".pdf")
    assert "نامه" not in attachment.file.name  # the stored name is random, not the user's
    assert (media_root / "private" / attachment.file.name).is_file()


@pytest.mark.parametrize(
    "upload",
    [
        pytest.param(SimpleUploadedFile("setup.pdf", b"MZ\x90\x00 executable", "application/pdf"), id="exe-named-pdf"),
        pytest.param(SimpleUploadedFile("doc.docx", b"PK\x03\x04 zip", "application/octet-stream"), id="docx"),
    ],
)
def test_other_attachments_are_refused_with_a_persian_message(
    upload: SimpleUploadedFile, khuzestan: Office, khuzestan_editor: User, client_for
) -> None:
    release = release_make(office=khuzestan, actor=khuzestan_editor)

    response = client_for(khuzestan_editor).post(
        reverse("newsroom:attachment-add", kwargs={"key": release.uuid}), {"file": upload}, follow=True
    )

    [message] = [str(m) for m in response.context["messages"]]
    assert message == "پیوست باید سند PDF یا تصویر JPEG، PNG یا WebP باشد."
    assert not release.attachments.exists()
