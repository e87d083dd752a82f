"""Versions of one story (another outlet's copy with a paragraph dropped and its own credit line) share a
version group — within one chunk, across chunks, and after the process restarts (the index is rebuilt from
the database); a different story starts its own group."""

from pathlib import Path

import pytest

from ayneh.monitoring import pipeline, services
from ayneh.monitoring.models import Article, Outlet, SourceKind
from ayneh.monitoring.services import article_ingest
from ayneh.monitoring.versions import version_index_reset
from tests.monitoring import releases as sample
from tests.monitoring.factories import incoming_make, jsonl_write, outlet_make

pytestmark = pytest.mark.django_db

STORY = "\n".join(sample.RELEASE_PARAGRAPHS)
ANOTHER_VERSION = "\n".join([sample.CREDIT + sample.RELEASE_PARAGRAPHS[0], *sample.RELEASE_PARAGRAPHS[2:]])


def group_of(url: str) -> object:
    return Article.objects.get(url=url).version_group


def test_versions_in_one_chunk_share_a_group(irna: Outlet, tmp_path: Path) -> None:
    other = outlet_make(name="ایسنا")
    archive = jsonl_write(
        tmp_path / "a.jsonl",
        [
            {"url": "https://www.irna.ir/news/1", "text": STORY},
            {"url": "https://www.isna.ir/news/2", "text": ANOTHER_VERSION, "outlet": other.name},
            {"url": "https://www.irna.ir/news/3", "text": sample.UNRELATED_TEXT},
        ],
    )
    pipeline.batch_run(batch=services.batch_create(kind=SourceKind.JSONL, location=str(archive), outlet=irna))

    assert group_of("https://www.irna.ir/news/1") == group_of("https://www.isna.ir/news/2")
    assert group_of("https://www.irna.ir/news/3") != group_of("https://www.irna.ir/news/1")


def test_a_version_after_a_restart_joins_the_stored_group(irna: Outlet) -> None:
    other = outlet_make(name="ایسنا")
    first = article_ingest(record=incoming_make(url="https://www.irna.ir/news/1", text=STORY), outlet=irna).article
    unrelated = article_ingest(record=incoming_make(text=sample.UNRELATED_TEXT), outlet=irna).article
    version_index_reset()  # a new process: the index is rebuilt from the stored articles

    later = article_ingest(record=incoming_make(text=ANOTHER_VERSION), outlet=other).article

    assert first is not None
    assert unrelated is not None
    assert later is not None
    assert later.version_group == first.version_group
    assert unrelated.version_group != first.version_group
