"""A folder of saved news pages is imported like an archive: each page's main text (ZWNJ kept) under the
address the page gives for itself (canonical link or og:url); a page that names no address cannot be
stored once, so it fails alone with that reason. Of the five real pages, ISNA's and YJC's name theirs."""

import shutil
from pathlib import Path

import pytest

from ayneh.monitoring import pipeline, services
from ayneh.monitoring.models import Article, ArticleFailure, BatchStatus, Outlet, SourceKind

pytestmark = pytest.mark.django_db


def test_saved_pages_become_articles(shared_data: Path, irna: Outlet, tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    shutil.copytree(shared_data / "pages", folder)
    (folder / "no-address.html").write_text("<html><body><p>صفحه‌ای بی‌نشانی</p></body></html>", encoding="utf-8")

    batch = pipeline.batch_run(
        batch=services.batch_create(kind=SourceKind.HTML_FOLDER, location=str(folder), outlet=irna)
    )

    assert batch.status == BatchStatus.COMPLETED
    assert sorted(Article.objects.values_list("canonical_url", flat=True)) == [
        "http://www.yjc.ir/fa/news/6919119",
        "https://www.isna.ir/news/98030903723/%DA%A9%D8%A7%D8%B1%D8%B4%D9%86%D8%A7%D8%B3%DB%8C-%D8%AF%D8%A7%D9%88%D8%B1%DB%8C-%D8%AF%DB%8C%D8%AF%D8%A7%D8%B1-%D8%B3%D9%BE%D8%A7%D9%87%D8%A7%D9%86-%D9%88-%D9%BE%D8%B1%D8%B3%D9%BE%D9%88%D9%84%DB%8C%D8%B3-%D8%A7%D8%B2-%D8%B2%D8%A8%D8%A7%D9%86-%D8%B9%D8%B3%DA%AF%D8%B1%DB%8C",
    ]
    assert all("\u200c" in text for text in Article.objects.values_list("text", flat=True))
    reasons = list(ArticleFailure.objects.filter(batch=batch).values_list("reason", flat=True))
    assert reasons == ["no address (url) in the record"] * 4
