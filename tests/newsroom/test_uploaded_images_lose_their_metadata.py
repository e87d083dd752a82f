"""Photos and image attachments are stored without the metadata cameras write into them (GPS position,
camera serial, author), turned upright by their EXIF orientation first; PDFs are stored as they came."""

import io
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, PngImagePlugin

from ayneh.accounts.models import User
from ayneh.newsroom.models import Attachment, Release
from ayneh.offices.models import Office
from tests.newsroom.factories import pdf_upload, release_make

GPS_IFD = 0x8825
ORIENTATION = 0x0112
ARTIST = 0x013B


def _jpeg_with_gps_lying_on_its_side() -> SimpleUploadedFile:
    """A 40×20 JPEG whose EXIF says: rotate 90° to view (orientation 6), taken at a GPS position, by someone."""
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[ARTIST] = "Zahra Karimi"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (31.0, 19.0, 12.0), 3: "E", 4: (48.0, 40.0, 9.0)})
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (30, 120, 200)).save(buffer, format="JPEG", exif=exif)
    return SimpleUploadedFile("عکس.jpg", buffer.getvalue(), content_type="image/jpeg")


def _png_with_text_chunks() -> SimpleUploadedFile:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Zahra Karimi")
    info.add_text("Location", "Ahvaz, 31.32N 48.67E")
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), (200, 30, 30)).save(buffer, format="PNG", pnginfo=info)
    return SimpleUploadedFile("نمودار.png", buffer.getvalue(), content_type="image/png")


def test_a_jpeg_photo_loses_gps_and_author_and_is_turned_upright(
    khuzestan: Office, khuzestan_editor: User, client_for, media_root: Path
) -> None:
    upload = _jpeg_with_gps_lying_on_its_side()
    with Image.open(io.BytesIO(upload.read())) as sent:
        assert sent.getexif().get_ifd(GPS_IFD), "the test image must carry GPS data to begin with"
    upload.seek(0)

    response = client_for(khuzestan_editor).post(
        reverse("newsroom:release-create"), {"office": khuzestan.pk, "title": "خبر با عکس", "photo": upload}
    )

    assert response.status_code == 302
    stored = media_root / "private" / Release.objects.get().photo.name
    with Image.open(stored) as image:
        exif = image.getexif()
        assert not exif.get_ifd(GPS_IFD)
        assert ARTIST not in exif
        assert exif.get(ORIENTATION, 1) == 1
        assert image.size == (20, 40)  # the orientation was applied to the pixels


def test_an_image_attachment_loses_its_text_chunks_and_a_pdf_is_kept_byte_for_byte(
    khuzestan: Office, khuzestan_editor: User, client_for, media_root: Path
) -> None:
    release = release_make(office=khuzestan, actor=khuzestan_editor)
    client = client_for(khuzestan_editor)
    pdf = pdf_upload()
    pdf_bytes = pdf.read()
    pdf.seek(0)

    for upload in (_png_with_text_chunks(), pdf):
        response = client.post(reverse("newsroom:attachment-add", args=[release.uuid]), {"file": upload})
        assert response.status_code == 302

    png, document = Attachment.objects.order_by("content_type").filter(release=release)[::-1]
    assert png.content_type == "image/png"
    with Image.open(media_root / "private" / png.file.name) as image:
        assert "Author" not in image.info
        assert "Location" not in image.info
        assert image.size == (16, 16)
    assert png.size == (media_root / "private" / png.file.name).stat().st_size
    assert (media_root / "private" / document.file.name).read_bytes() == pdf_bytes
