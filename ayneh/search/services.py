"""Writes to the search index. Called by the newsroom inside its publish/withdraw transactions, so the
index changes commit or roll back together with the release."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from ayneh.core.sanitize import html_to_text
from ayneh.search.backends import get_backend
from ayneh.search.models import SearchDocument
from ayneh.search.terms import index_tokens


@transaction.atomic
def search_document_upsert(
    *, kind: str, key: str, office_code: str, title: str, body: str, published_at: dt.datetime
) -> None:
    """Index (or re-index) one document under its folded title and body text.

    `kind` and `key` identify it ("release", the release's UUID); `body` is plain text or HTML (read with
    ayneh.core.sanitize.html_to_text, so markup never becomes a search term). Calling it again replaces
    the previous version.
    """
    document, _created = SearchDocument.objects.update_or_create(
        kind=kind, key=key, defaults={"office_code": office_code, "published_at": published_at}
    )
    get_backend().index(document, index_tokens(title, html_to_text(body)))


@transaction.atomic
def search_document_remove(*, kind: str, key: str) -> None:
    """Make a document unfindable (e.g. a withdrawn release). Removing an unknown document is a no-op."""
    backend = get_backend()
    for document in SearchDocument.objects.select_for_update().filter(kind=kind, key=key):
        backend.unindex(document)
        document.delete()
