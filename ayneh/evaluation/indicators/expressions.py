"""Small SQL expressions the indicator computers share, so per-row work stays in the database.

Computers read tens of thousands of releases and a million pickups: converting each row's datetimes and
UUIDs into Python objects cost more than the database's own work (measured with
benchmarks/evaluation_period.py), so time differences are computed in SQL and keys are read as text.
"""

from typing import Any

from django.db.models import CharField, FloatField, Func
from django.db.models.functions import Cast

# Tolerance on "at most N hours/days after": the databases' time arithmetic is in floating point
# (SQLite's julianday), so an interval of exactly the limit may come out a few microseconds over it.
TOLERANCE_SECONDS = 0.001


class SecondsAfter(Func):
    """Seconds from `earlier` to `later` (negative when `later` is earlier; NULL when either is NULL),
    computed by the database: SQLite's julianday, PostgreSQL's interval epoch. Django's own datetime
    arithmetic on SQLite calls a Python function for every row."""

    output_field = FloatField()
    arity = 2

    def __init__(self, later: Any, earlier: Any) -> None:
        super().__init__(later, earlier)

    def as_sqlite(self, compiler: Any, connection: Any, **extra_context: Any) -> Any:
        return self.as_sql(
            compiler,
            connection,
            template="((julianday(%(expressions)s)) * 86400.0)",
            arg_joiner=") - julianday(",
            **extra_context,
        )

    def as_postgresql(self, compiler: Any, connection: Any, **extra_context: Any) -> Any:
        return self.as_sql(
            compiler, connection, template="EXTRACT(EPOCH FROM (%(expressions)s))", arg_joiner=" - ", **extra_context
        )


def uuid_text(field: str) -> Cast:
    """A UUID column read as text (no UUID object per row); pass the value through `uuid_key`."""
    return Cast(field, output_field=CharField())


def uuid_key(text: str) -> str:
    """The canonical form (8-4-4-4-12, lower case) of a UUID read as text: SQLite stores 32 hex digits,
    PostgreSQL gives the canonical form already."""
    if len(text) == 32:
        return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"
    return text.lower()
