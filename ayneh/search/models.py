"""What search knows about a published document: enough to filter and order hits, and nothing more.

The text itself lives in the backend's index: an FTS5 virtual table on SQLite (created by migration 0001
on SQLite only, rebuilt by 0003), the `vector` column with its GIN index on PostgreSQL. Filters live there
too, as facet tokens (ayneh.search.terms.facet).

Hits come newest first, and both engines can stop after the first page only if their own order *is* time
order: `sort_key` is the publication second followed by the row's id, so the FTS5 rowid (= sort_key) and
the PostgreSQL sort_key index both run in publication order, and a date range is a sort_key range.
"""

import datetime as dt
import math
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class TsVectorField(models.Field):
    """PostgreSQL's `tsvector`; on other databases an always-NULL text column, so one migration fits both.

    (django.contrib.postgres's SearchVectorField would require that app installed on SQLite too.)
    """

    description = "PostgreSQL tsvector"

    def db_type(self, connection: Any) -> str:
        return "tsvector" if connection.vendor == "postgresql" else "text"


# The id's share of a sort key: ids below 2**22 (4M) are kept whole, larger ones by their remainder, which
# can collide only for two documents published in the same second whose ids differ by a multiple of 4M.
SORT_KEY_ID_BITS = 22


def sort_key_for(published_at: dt.datetime, pk: int) -> int:
    """The document's place in time order: publication second, then id (a signed 64-bit integer for any
    date between the years 1 and 9999)."""
    return (math.floor(published_at.timestamp()) << SORT_KEY_ID_BITS) | (pk & ((1 << SORT_KEY_ID_BITS) - 1))


def sort_key_bound(moment: dt.datetime) -> int:
    """The smallest sort key of a document published at `moment` or later (used for date ranges)."""
    return math.floor(moment.timestamp()) << SORT_KEY_ID_BITS


class SearchDocument(models.Model):
    kind = models.CharField(_("kind"), max_length=32)
    key = models.CharField(_("key"), max_length=64)
    office_code = models.CharField(_("office code"), max_length=64, blank=True)
    published_at = models.DateTimeField(_("published at"))
    # sort_key_for(published_at, id): NULL only between the insert and the update that follows it.
    sort_key = models.BigIntegerField(_("time order key"), null=True, unique=True, editable=False)
    # PostgreSQL only: the document's folded tokens with positions. The GIN index over it is created by a
    # PostgreSQL-only migration operation, because SQLite cannot build GIN indexes (it stays NULL there).
    vector = TsVectorField(_("search vector"), null=True, editable=False)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="search_document_kind_key_unique")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key}"
