from django.db import migrations

from ayneh.search.migration_operations import RunSQLOnVendor


class Migration(migrations.Migration):
    """SQLite: an index of (sort_key, kind), through which a search walk tests each FTS5 hit's kind.

    The kind used to be a facet token intersected by FTS5 or checked in the hit's stored tokens. A common
    kind («k_article») is in nearly every document: intersecting it cost FTS5 5-20 ms per 1,000 hits at 1M
    documents (68-525 ms from a cold cache), reading the tokens 4-11 ms; a probe into this index, which is
    small and sorted by time like the walk, 2-5 ms (ayneh.search.backends.sqlite_fts5).
    """

    dependencies = [("search", "0004_postgres_vectors_inline_with_time_buckets")]

    operations = [
        RunSQLOnVendor(
            "sqlite",
            "CREATE INDEX search_document_sort_key_kind ON search_searchdocument (sort_key, kind)",
            "DROP INDEX search_document_sort_key_kind",
        ),
    ]
