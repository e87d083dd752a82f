"""What search knows about a published document: enough to filter and order hits, and nothing more.

The text itself lives in the backend's index: an FTS5 virtual table on SQLite (created by migration 0001
on SQLite only), the `vector` column with its GIN index on PostgreSQL.
"""

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


class SearchDocument(models.Model):
    kind = models.CharField(_("kind"), max_length=32)
    key = models.CharField(_("key"), max_length=64)
    office_code = models.CharField(_("office code"), max_length=64, blank=True)
    published_at = models.DateTimeField(_("published at"))
    # PostgreSQL only: the document's folded tokens with positions. The GIN index over it is created by a
    # PostgreSQL-only migration operation, because SQLite cannot build GIN indexes (it stays NULL there).
    vector = TsVectorField(_("search vector"), null=True, editable=False)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="search_document_kind_key_unique")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key}"
