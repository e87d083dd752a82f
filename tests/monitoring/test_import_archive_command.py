"""`ayneh import_archive` imports a JSON Lines archive under an outlet, reports its counts, and refuses to
re-run a completed batch or to resume against a file shorter than the batch's cursor."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from ayneh.monitoring.models import Article, IngestBatch, Outlet, OutletTier
from tests.monitoring.factories import jsonl_write

pytestmark = pytest.mark.django_db


def archive(tmp_path: Path, size: int) -> Path:
    return jsonl_write(
        tmp_path / "a.jsonl",
        ({"url": f"https://www.farsnews.ir/news/{n}", "text": f"متن خبر شماره {n} خبرگزاری."} for n in range(size)),
    )


def test_it_imports_an_archive_and_registers_the_outlet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    call_command(
        "import_archive", str(archive(tmp_path, 5)), outlet="فارس", tier=OutletTier.NEWS_AGENCY, no_progress=True
    )

    outlet = Outlet.objects.get(name="فارس")
    assert outlet.tier == OutletTier.NEWS_AGENCY
    assert Article.objects.filter(outlet=outlet).count() == 5
    assert "5 records, 5 stored, 0 duplicates, 0 failed" in capsys.readouterr().out


def test_it_refuses_an_unknown_outlet_without_a_tier(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="No outlet named"):
        call_command("import_archive", str(archive(tmp_path, 1)), outlet="ناشناس", no_progress=True)


def test_it_refuses_to_resume_a_completed_batch(irna: Outlet, tmp_path: Path) -> None:
    call_command("import_archive", str(archive(tmp_path, 2)), outlet=irna.name, no_progress=True)
    batch = IngestBatch.objects.get()

    with pytest.raises(CommandError, match="already completed"):
        call_command("import_archive", resume=batch.pk, no_progress=True)


def test_it_refuses_to_resume_against_a_shorter_file(irna: Outlet, tmp_path: Path) -> None:
    path = archive(tmp_path, 4)
    call_command("import_archive", str(path), outlet=irna.name, no_progress=True)
    IngestBatch.objects.update(status="running")  # as a killed run leaves it
    archive(tmp_path, 2)  # the file was replaced meanwhile

    with pytest.raises(CommandError, match="fewer records"):
        call_command("import_archive", resume=IngestBatch.objects.get().pk, no_progress=True)
