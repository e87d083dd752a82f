from django.db import migrations

from ayneh.search.migration_operations import RunSQLOnVendor

# The lexemes of ayneh.search.backends.postgres.bucket_lexemes, computed in SQL: level n is the sort key
# shifted right by 38 + 2n bits (18.2 hours of publication time at level 0, four times that per level).
_BUCKETS = "ARRAY[" + ", ".join(f"'b{level}_' || (sort_key >> {38 + 2 * level})" for level in range(5)) + "]"


class Migration(migrations.Migration):
    """PostgreSQL: search vectors kept inside their row and lz4-compressed, and each one given its time
    buckets (ayneh.search.backends.postgres explains both).

    Reading a vector to test it row by row is most of the cost of a newest-first walk: stored out of line
    (the default for values over 2 kB) it costs a TOAST index lookup and pglz decompression per row.
    Measured at 1M documents (benchmarks/search_1m.py): 5,800 rows walked in 70 ms out of line with pglz,
    32-37 ms inline with lz4. lz4 needs a server built with it (Debian's is); elsewhere the column keeps
    the default compression.
    """

    dependencies = [("search", "0003_sort_key_and_facets")]

    operations = [
        RunSQLOnVendor(
            "postgresql",
            "ALTER TABLE search_searchdocument ALTER COLUMN vector SET STORAGE MAIN",
            "ALTER TABLE search_searchdocument ALTER COLUMN vector SET STORAGE EXTENDED",
        ),
        RunSQLOnVendor(
            "postgresql",
            "DO $$ BEGIN "
            "EXECUTE 'ALTER TABLE search_searchdocument ALTER COLUMN vector SET COMPRESSION lz4'; "
            "EXCEPTION WHEN feature_not_supported THEN NULL; END $$",
            "ALTER TABLE search_searchdocument ALTER COLUMN vector SET COMPRESSION default",
        ),
        # Rewriting every vector also stores it the new way.
        RunSQLOnVendor(
            "postgresql",
            f"UPDATE search_searchdocument SET vector = vector || array_to_tsvector({_BUCKETS}) "
            "WHERE vector IS NOT NULL AND sort_key IS NOT NULL",
            f"UPDATE search_searchdocument SET vector = ts_delete(vector, {_BUCKETS}) "
            "WHERE vector IS NOT NULL AND sort_key IS NOT NULL",
        ),
    ]
