"""Time-ordered keys and facet tokens (see ayneh.search.models and ayneh.search.terms.facet).

- Every document gets its sort key (publication second, then id).
- SQLite: the FTS5 table is rebuilt with rowid = sort key, `_` as a token character (facet tokens) and
  2- and 3-letter prefix indexes; its rows are copied over with the kind and office facets added.
- PostgreSQL: the kind and office facets are added to every vector, and ANALYZE keeps 10x more common
  lexemes for the backend's choice between walking newest first and the GIN index.

Going back removes the sort keys; the FTS5 table keeps the new shape (rebuild with `ayneh reindex`).
"""

import math

from django.db import migrations, models

from ayneh.search.migration_operations import RunSQLOnVendor

ID_BITS = 22  # ayneh.search.models.SORT_KEY_ID_BITS, frozen here
FTS_CREATE_SQL = (
    "CREATE VIRTUAL TABLE search_document_fts USING fts5(tokens, "
    "tokenize = \"unicode61 remove_diacritics 2 tokenchars '_'\", prefix = '2 3')"
)


def _facets(kind: str, office_code: str) -> list[str]:
    # ayneh.search.terms.facet for the two facets a release had; codes are [a-z0-9-].
    facets = [f"k_{kind.lower()}"]
    if office_code:
        facets.append("o_" + "_".join(part for part in office_code.lower().split("-") if part))
    return facets


def forwards(apps, schema_editor):
    SearchDocument = apps.get_model("search", "SearchDocument")
    connection = schema_editor.connection
    rows = list(SearchDocument.objects.all())
    for row in rows:
        row.sort_key = (math.floor(row.published_at.timestamp()) << ID_BITS) | (row.pk & ((1 << ID_BITS) - 1))
    SearchDocument.objects.bulk_update(rows, ["sort_key"], batch_size=500)
    by_id = {row.pk: row for row in rows}
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT rowid, tokens FROM search_document_fts")
            old = cursor.fetchall()
            cursor.execute("DROP TABLE search_document_fts")
            cursor.execute(FTS_CREATE_SQL)
            cursor.executemany(
                "INSERT INTO search_document_fts (rowid, tokens) VALUES (%s, %s)",
                [
                    (by_id[pk].sort_key, " ".join([tokens, *_facets(by_id[pk].kind, by_id[pk].office_code)]))
                    for pk, tokens in old
                    if pk in by_id
                ],
            )
        elif connection.vendor == "postgresql":
            cursor.executemany(
                "UPDATE search_searchdocument SET vector = coalesce(vector, ''::tsvector) || %s::tsvector "
                "WHERE id = %s",
                [(" ".join(_facets(row.kind, row.office_code)), row.pk) for row in rows],
            )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_gin_index_without_pending_list"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="sort_key",
            field=models.BigIntegerField(editable=False, null=True, unique=True, verbose_name="time order key"),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
        RunSQLOnVendor(
            "postgresql",
            "ALTER TABLE search_searchdocument ALTER COLUMN vector SET STATISTICS 1000",
            "ALTER TABLE search_searchdocument ALTER COLUMN vector SET STATISTICS -1",
        ),
    ]
