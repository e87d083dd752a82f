"""Reports fixtures: the published demo period of this Jalali year over Khuzestan and Fars (personas from
tests/conftest.py), and the PDF text extracted back."""

import io
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from ayneh.evaluation.demo import evaluation_demo_ensure
from ayneh.evaluation.models import Period


@pytest.fixture(autouse=True)
def media_root(settings: object, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"  # type: ignore[attr-defined]
    return tmp_path / "media"


@pytest.fixture
def published(ministry_evaluator: object, khuzestan: object, fars: object) -> Period:
    return evaluation_demo_ensure(evaluator=ministry_evaluator, offices=[khuzestan, fars]).period  # type: ignore[arg-type]


def pdf_text(content: bytes) -> str:
    """The PDF's text as pypdf extracts it, NFKC-folded (presentation forms, if any, back to letters) and
    without ZWNJ (the extractor drops or keeps it depending on the glyph run)."""
    reader = PdfReader(io.BytesIO(content))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return unicodedata.normalize("NFKC", text).replace("\u200c", "")


def pdf_fonts(content: bytes) -> set[str]:
    """The base names of the fonts embedded in the PDF, without the subset prefix («ABCDEF+Vazirmatn»)."""
    reader = PdfReader(io.BytesIO(content))
    names = set()
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font") or {}
        for font in fonts.values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]).split("+", 1)[-1])
    return names


def has_number(text: str, number: str) -> bool:
    """Whether `number` («74.25», «1405») is in `text` in Persian digits with the Persian decimal separator.

    pypdf reads a right-to-left line in visual order and reverses its letters back, which turns the digits
    of a number inside it around («۱۴۰۵» comes out «۵۰۴۱»); both readings are accepted, nothing else."""
    persian = number.translate(str.maketrans("0123456789.", "۰۱۲۳۴۵۶۷۸۹٫"))
    return persian in text or persian[::-1] in text


@pytest.fixture
def spring_1403(ministry_evaluator: object, khuzestan: object, fars: object) -> Period:
    """An open (unpublished) quarter."""
    from ayneh.evaluation.services import framework_load_default, period_open

    return period_open(
        framework=framework_load_default(),
        kind="quarter",
        year=1403,
        number=1,
        offices=[khuzestan, fars],  # type: ignore[list-item]
        actor=ministry_evaluator,
    )
