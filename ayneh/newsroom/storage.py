"""Where the newsroom keeps uploaded files: MEDIA_ROOT/private/, never served by the web server directly.

Every file (release photos, attachments) is served by `newsroom:file`, which decides per request: a
published release's photo is public; everything else needs the right to view the release's office. So
`release.photo.url` is the same, safe address everywhere (panel, public pages, feeds).
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.urls import reverse
from django.utils.functional import cached_property

PRIVATE_FOLDER = "private"


class ScopedFileStorage(FileSystemStorage):
    """Files under MEDIA_ROOT/private/ whose URLs point at the newsroom's access-checking view."""

    @cached_property
    def base_location(self) -> str:
        # Follows MEDIA_ROOT (also when a test overrides it: the parent class clears this cache).
        return str(Path(settings.MEDIA_ROOT) / PRIVATE_FOLDER)

    def url(self, name: str | None) -> str:
        if not name:
            raise ValueError("This file has no name.")
        return reverse("newsroom:file", kwargs={"name": name})


_storage = ScopedFileStorage()


def scoped_file_storage() -> ScopedFileStorage:
    """The storage for the newsroom's FileFields (a callable, so migrations do not freeze an instance)."""
    return _storage
