from django.db import migrations

from ayneh.search.migration_operations import RunSQLOnVendor


class Migration(migrations.Migration):
    """PostgreSQL: write search entries straight into the GIN index instead of its pending list.

    With the default fastupdate=on, fresh entries wait in an unordered pending list until autovacuum
    merges them, and every query scans that list: measured here, 54 ms per query on 3,000 freshly indexed
    articles against 1 ms once merged. Releases are published a few at a time and searched far more often,
    so the few milliseconds more per publish buy consistently fast searches.
    """

    dependencies = [("search", "0001_initial")]

    operations = [
        RunSQLOnVendor(
            "postgresql",
            "ALTER INDEX search_document_vector_gin SET (fastupdate = off)",
            "ALTER INDEX search_document_vector_gin RESET (fastupdate)",
        ),
    ]
