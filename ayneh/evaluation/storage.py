"""Where evaluation evidence files live: MEDIA_ROOT/private/evaluation/, never served by the web server.

Evidence (plans, reports, survey results) is internal to the office and its evaluators: files are to be
served by an access-checking view of the evaluation app, as the newsroom serves its private files. Names
on disk are chosen by the service (a random token and the detected type's extension), never by the user.
"""

from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property

if TYPE_CHECKING:
    from ayneh.evaluation.models import IndicatorValue

EVIDENCE_FOLDER = Path("private") / "evaluation"


class EvidenceStorage(FileSystemStorage):
    """Files under MEDIA_ROOT/private/evaluation/ (follows MEDIA_ROOT, also when a test overrides it)."""

    @cached_property
    def base_location(self) -> str:
        return str(Path(settings.MEDIA_ROOT) / EVIDENCE_FOLDER)


_storage = EvidenceStorage()


def evidence_storage() -> EvidenceStorage:
    """The storage for evidence FileFields (a callable, so migrations do not freeze an instance)."""
    return _storage


def evidence_path(instance: "IndicatorValue", filename: str) -> str:
    """One folder per period and office: «<period key>/<office code>/<name>»."""
    return f"{instance.period.uuid}/{instance.office.code}/{filename}"
