"""Type and size checks for uploaded files, by content (never by the name or the browser's claim).

Accepted: photos in JPEG, PNG or WebP (opened and verified with Pillow); attachments may also be PDF.
Office documents (DOCX and the like) are not accepted: they are ZIP containers that would need their own
bomb and macro checks, and a PDF serves the same purpose for a press office's supporting documents.

Images are stored re-encoded without their metadata (`image_without_metadata`): a phone photo's EXIF
carries the GPS position where it was taken, the camera's serial number and the owner's name, none of
which a press office means to publish with a release.
"""

import io
import warnings
from dataclasses import dataclass
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError


@dataclass(frozen=True)
class FileKind:
    """What an upload really is: its MIME type and the extension Ayneh stores it under."""

    content_type: str
    extension: str


IMAGE_KINDS: dict[str, FileKind] = {
    "JPEG": FileKind("image/jpeg", "jpg"),
    "PNG": FileKind("image/png", "png"),
    "WEBP": FileKind("image/webp", "webp"),
}
PDF_KIND = FileKind("application/pdf", "pdf")
PDF_MAGIC = b"%PDF-"


def _check_size(upload: IO[bytes]) -> None:
    size = getattr(upload, "size", None)
    if size is None:
        upload.seek(0, 2)
        size = upload.tell()
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if size > settings.ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            _("The file is too large: at most %(limit)s is allowed.")
            % {"limit": filesizeformat(settings.ATTACHMENT_MAX_BYTES)},
            code="too_large",
        )


def _image_kind(upload: IO[bytes]) -> FileKind | None:
    """The kind of an image Pillow can open and verify, or None if it is not one of the accepted kinds."""
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # A decompression bomb (a small file claiming a gigantic canvas) is refused, not just warned about.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                image_format = image.format or ""
                image.verify()
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning, OSError, SyntaxError):
        return None
    finally:
        upload.seek(0)
    return IMAGE_KINDS.get(image_format)


def _is_pdf(upload: IO[bytes]) -> bool:
    upload.seek(0)
    head = upload.read(len(PDF_MAGIC))
    upload.seek(0)
    return head == PDF_MAGIC


def photo_kind(upload: IO[bytes]) -> FileKind:
    """The kind of an acceptable release photo; a Persian ValidationError for anything else."""
    _check_size(upload)
    kind = _image_kind(upload)
    if kind is None:
        raise ValidationError(_("The photo must be a JPEG, PNG or WebP image."), code="file_type")
    return kind


def attachment_kind(upload: IO[bytes]) -> FileKind:
    """The kind of an acceptable attachment (image or PDF); a Persian ValidationError for anything else."""
    _check_size(upload)
    if _is_pdf(upload):
        return PDF_KIND
    kind = _image_kind(upload)
    if kind is None:
        raise ValidationError(_("Attachments must be PDF documents or JPEG, PNG or WebP images."), code="file_type")
    return kind


# JPEG and WebP are lossy: re-encoding at a high quality keeps the photo indistinguishable by eye.
REENCODE_QUALITY = 92


def image_without_metadata(upload: IO[bytes], kind: FileKind) -> ContentFile[bytes]:
    """A checked image re-encoded without EXIF, XMP or text chunks, turned upright first.

    The EXIF orientation tag is applied to the pixels before the metadata goes (otherwise a portrait phone
    photo would come out lying on its side). The colour profile is kept: it is not personal and without it
    colours shift. Animated PNG and WebP keep all their frames.
    """
    upload.seek(0)
    with Image.open(upload) as original:
        animated = bool(getattr(original, "is_animated", False))
        icc_profile = original.info.get("icc_profile")
        image = original if animated else ImageOps.exif_transpose(original)
        options: dict[str, Any] = {}
        if icc_profile:
            options["icc_profile"] = icc_profile
        if kind.content_type in ("image/jpeg", "image/webp"):
            options["quality"] = REENCODE_QUALITY
        if animated:
            options["save_all"] = True
        if kind.content_type == "image/jpeg" and image.mode not in ("RGB", "L", "CMYK"):
            image = image.convert("RGB")
        buffer = io.BytesIO()
        image.save(buffer, original.format, **options)
    upload.seek(0)
    return ContentFile(buffer.getvalue())


def validate_photo(upload: IO[bytes]) -> None:
    """Form-field validator form of `photo_kind`."""
    photo_kind(upload)


def validate_attachment(upload: IO[bytes]) -> None:
    """Form-field validator form of `attachment_kind`."""
    attachment_kind(upload)
