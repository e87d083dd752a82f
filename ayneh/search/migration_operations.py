"""A migration operation that runs raw SQL only on one database vendor.

The two search backends need engine-specific structures (an FTS5 virtual table on SQLite, a GIN index on
PostgreSQL) that Django's schema editor cannot express portably; every other table stays portable.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import migrations


class RunSQLOnVendor(migrations.RunSQL):
    """RunSQL that is skipped, forwards and backwards, on every database but `vendor`."""

    def __init__(self, vendor: str, sql: str, reverse_sql: str, **kwargs: Any) -> None:
        self.vendor = vendor
        super().__init__(sql, reverse_sql, **kwargs)

    def deconstruct(self) -> tuple[str, Sequence[Any], dict[str, Any]]:
        name, args, kwargs = super().deconstruct()
        kwargs["vendor"] = self.vendor
        return name, args, kwargs

    def database_forwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        if schema_editor.connection.vendor == self.vendor:
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        if schema_editor.connection.vendor == self.vendor:
            super().database_backwards(app_label, schema_editor, from_state, to_state)

    def describe(self) -> str:
        return f"Raw SQL operation on {self.vendor} only"
