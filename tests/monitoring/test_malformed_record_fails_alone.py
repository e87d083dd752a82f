"""A malformed record is recorded as failed, with its position and a clear reason; the batch goes on and
stores every good record."""

from pathlib import Path

import pytest

from ayneh.monitoring import pipeline, services
from ayneh.monitoring.models import Article, ArticleFailure, BatchStatus, Outlet, SourceKind
from tests.monitoring.factories import jsonl_write

pytestmark = pytest.mark.django_db


def good(n: int) -> dict[str, str]:
    return {"url": f"https://www.irna.ir/news/{n}", "title": f"خبر {n}", "text": f"متن کامل خبر شماره {n} از استان."}


def test_each_bad_record_fails_alone_with_its_reason(irna: Outlet, tmp_path: Path) -> None:
    archive = jsonl_write(
        tmp_path / "archive.jsonl",
        [
            good(1),
            "{this is not json",
            {"url": "https://www.irna.ir/news/2", "title": "بی‌متن", "text": "   "},
            {"url": "javascript:alert(1)", "text": "متنی برای یک نشانی ناروا"},
            {"url": "https://www.irna.ir/news/3", "text": "خبر از رسانه‌ای ناشناخته", "outlet": "رسانه ناشناس"},
            good(4),
        ],
    )
    batch = services.batch_create(kind=SourceKind.JSONL, location=str(archive), outlet=irna)

    batch = pipeline.batch_run(batch=batch, chunk_size=2)

    assert batch.status == BatchStatus.COMPLETED
    assert (batch.cursor, batch.created_count, batch.failed_count) == (6, 2, 4)
    assert sorted(Article.objects.values_list("url", flat=True)) == [
        "https://www.irna.ir/news/1",
        "https://www.irna.ir/news/4",
    ]
    reasons = dict(ArticleFailure.objects.filter(batch=batch).values_list("position", "reason"))
    assert set(reasons) == {2, 3, 4, 5}  # line numbers in the archive
    assert reasons[2].startswith("archive.jsonl:2: invalid JSON")
    assert reasons[3] == "archive.jsonl:3: neither 'text' nor 'html'"
    assert reasons[4] == "archive.jsonl:4: url refused: scheme not allowed: javascript"
    assert reasons[5] == "unknown outlet «رسانه ناشناس»: register it (or an alias) first"
