"""Two workers ingesting the same articles at the same time store each once: a row another worker committed
between the duplicate check and the insert is caught by the unique keys and counted as a duplicate, and the
chunk's other articles are stored."""

import threading
from typing import Any

import pytest
from django.db import connection

from ayneh.monitoring import services
from ayneh.monitoring.models import Article, Outlet
from ayneh.monitoring.services import article_ingest, chunk_prepare, chunk_store
from tests.monitoring.factories import incoming_make

TEXTS = [f"متن خبر شماره {n} درباره افتتاح طرح عمرانی {n} در استان با حضور استاندار." for n in range(12)]


def records() -> list[Any]:
    return [incoming_make(url=f"https://www.irna.ir/news/{n}", text=text) for n, text in enumerate(TEXTS)]


@pytest.mark.django_db
def test_a_row_stored_meanwhile_is_a_duplicate_not_an_error(irna: Outlet, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = records()[:2]
    article_ingest(record=first, outlet=irna)
    # Another worker committed `first` after this chunk's duplicate check: the check sees nothing.
    monkeypatch.setattr(
        services, "_new_articles", lambda prepared, outlets: (list(zip(prepared, outlets, strict=True)), [])
    )

    result = chunk_store(items=chunk_prepare([first, second], first_position=None, default_outlet_id=irna.pk))

    assert [a.url for a in result.articles] == [second.url]
    assert [d.url for d in result.duplicates] == [first.url]
    assert Article.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_two_workers_racing_on_the_same_articles_store_each_once(irna: Outlet) -> None:
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def worker() -> None:
        try:
            start.wait()
            items = chunk_prepare(records(), first_position=None, default_outlet_id=irna.pk)
            chunk_store(items=items)
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(Article.objects.values_list("url", flat=True)) == sorted(r.url for r in records())
