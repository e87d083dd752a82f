"""Pickups, people, quotes and offices named are worked out when a chunk is prepared (in parallel, before its
turn to be stored), but written only for the articles the ordered store actually inserts: a copy of an
article stored earlier, or a second copy within the chunk, leaves no second pickup, quote or mention."""

import pytest

from ayneh.monitoring.models import Article, Mention, OfficeMention, Outlet, Pickup, Quote
from ayneh.monitoring.prepare import IncomingArticle
from ayneh.monitoring.services import chunk_prepare, chunk_store
from ayneh.newsroom.models import Release
from tests.monitoring import releases as sample
from tests.monitoring.factories import incoming_make

pytestmark = pytest.mark.django_db


def republication(release: Release, url: str) -> IncomingArticle:
    assert release.published_at is not None
    return incoming_make(
        url=url,
        title=sample.REPUBLISHED_TITLE,
        text=sample.REPUBLISHED_TEXT,
        published=release.published_at + sample.AFTER_PUBLICATION,
    )


def rows_per_article() -> dict[str, int]:
    return {
        "articles": Article.objects.count(),
        "pickups": Pickup.objects.count(),
        "quotes": Quote.objects.count(),
        "people": Mention.objects.count(),
        "offices": OfficeMention.objects.count(),
    }


def test_a_copy_in_the_same_chunk_writes_no_second_rows(release: Release, irna: Outlet) -> None:
    items = chunk_prepare(
        [republication(release, "https://www.irna.ir/news/1"), republication(release, "https://www.irna.ir/news/1")],
        first_position=None,
        default_outlet_id=irna.pk,
    )
    assert all(item.rows is not None and item.rows.pickups for item in items)  # both were matched

    result = chunk_store(items=items)

    assert len(result.articles) == 1
    assert len(result.duplicates) == 1
    stored = items[0].rows
    assert stored is not None
    counts = rows_per_article()
    assert counts["articles"] == 1
    assert counts["pickups"] == 1
    assert counts["quotes"] == len(stored.quotes) > 0
    assert counts["people"] == len(stored.mentions)
    assert counts["offices"] == len(stored.offices)


def test_a_chunk_prepared_alongside_an_earlier_one_writes_only_what_it_inserts(release: Release, irna: Outlet) -> None:
    # Two workers prepare their chunks at once; the second is stored after the first, which holds its copy.
    first = chunk_prepare(
        [republication(release, "https://www.irna.ir/news/1")], first_position=None, default_outlet_id=irna.pk
    )
    second = chunk_prepare(
        [republication(release, "https://www.irna.ir/news/1"), incoming_make(text=sample.UNRELATED_TEXT)],
        first_position=None,
        default_outlet_id=irna.pk,
    )
    chunk_store(items=first)
    before = rows_per_article()

    result = chunk_store(items=second)

    assert [a.text for a in result.articles] == [sample.UNRELATED_TEXT]
    after = rows_per_article()
    assert after["articles"] == before["articles"] + 1
    assert after["pickups"] == before["pickups"] == 1
