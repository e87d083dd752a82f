"""Writes to the search index. Called by the newsroom inside its publish/withdraw transactions and by
monitoring inside its chunk transaction, so the index changes commit or roll back together with the
records it describes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import transaction

from ayneh.core.sanitize import html_to_text
from ayneh.search.backends import get_backend
from ayneh.search.backends.base import IndexEntry
from ayneh.search.models import SearchDocument, sort_key_for
from ayneh.search.terms import facet, index_tokens


@dataclass(frozen=True)
class DocumentText:
    """One document to index: its key within its kind, the text, the publication time and its facet
    tokens (ayneh.search.terms.facet; the kind's own facet is added here). `body` is plain text unless
    `body_is_html`."""

    key: str
    title: str
    body: str
    published_at: dt.datetime
    office_code: str = ""
    facets: Sequence[str] = field(default_factory=tuple)
    body_is_html: bool = False
    # The search tokens of title and body (ayneh.search.terms.index_tokens), when the caller worked them
    # out beforehand (ingestion does, in parallel, before its ordered store).
    tokens: Sequence[str] | None = None


@transaction.atomic
def search_documents_upsert(*, kind: str, documents: Sequence[DocumentText]) -> list[SearchDocument]:
    """Index (or re-index) many documents of one kind with a handful of queries, whatever their number:
    one read of the existing rows, one insert of the new ones, an update of the existing ones that
    changed, and one batch into the backend, which also stores each row's time-order key with its index
    entry (one statement per row on PostgreSQL instead of two: ingestion stores chunks in archive order, so
    this write is on the path every worker waits on)."""
    if not documents:
        return []
    by_key = {document.key: document for document in documents}  # the last version of a key wins
    existing = {row.key: row for row in SearchDocument.objects.filter(kind=kind, key__in=list(by_key))}
    previous = {key: row.sort_key for key, row in existing.items()}
    created = SearchDocument.objects.bulk_create(
        SearchDocument(kind=kind, key=key, office_code=text.office_code, published_at=text.published_at)
        for key, text in by_key.items()
        if key not in existing
    )
    changed = []
    for row in existing.values():
        text = by_key[row.key]
        if (row.office_code, row.published_at) != (text.office_code, text.published_at):
            row.office_code, row.published_at = text.office_code, text.published_at
            changed.append(row)
    if changed:
        SearchDocument.objects.bulk_update(changed, ["office_code", "published_at"])
    rows = [*existing.values(), *created]
    kind_facet = facet("k", kind)
    entries = []
    for row in rows:
        text = by_key[row.key]
        row.sort_key = sort_key_for(text.published_at, row.pk)
        body = html_to_text(text.body) if text.body_is_html else text.body
        entries.append(
            IndexEntry(
                document=row,
                tokens=list(text.tokens) if text.tokens is not None else index_tokens(text.title, body),
                facets=[kind_facet, *dict.fromkeys(text.facets)],
                previous_sort_key=previous.get(row.key),
            )
        )
    get_backend().index_many(entries)
    return rows


def search_document_upsert(
    *, kind: str, key: str, office_code: str, title: str, body: str, published_at: dt.datetime
) -> None:
    """Index (or re-index) one document under its folded title and body text.

    `kind` and `key` identify it ("release", the release's UUID); `body` is plain text or HTML (read with
    ayneh.core.sanitize.html_to_text, so markup never becomes a search term). Calling it again replaces
    the previous version. The office is a filter: search_documents(office_code=...).
    """
    search_documents_upsert(
        kind=kind,
        documents=[
            DocumentText(
                key=key,
                title=title,
                body=body,
                published_at=published_at,
                office_code=office_code,
                facets=[facet("o", office_code)] if office_code else [],
                body_is_html=True,
            )
        ],
    )


@transaction.atomic
def search_documents_remove(*, kind: str, keys: Sequence[str] | None = None) -> int:
    """Make documents unfindable: those of `kind` with these keys, or every one of `kind` when `keys` is
    None (before a rebuild). Unknown keys are ignored. Returns how many were removed."""
    backend = get_backend()
    documents = SearchDocument.objects.select_for_update().filter(kind=kind)
    if keys is not None:
        documents = documents.filter(key__in=list(keys))
    removed = 0
    for document in documents.iterator():
        backend.unindex(document)
        removed += 1
    documents.delete()
    return removed


def search_document_remove(*, kind: str, key: str) -> None:
    """Make a document unfindable (e.g. a withdrawn release). Removing an unknown document is a no-op."""
    search_documents_remove(kind=kind, keys=[key])
