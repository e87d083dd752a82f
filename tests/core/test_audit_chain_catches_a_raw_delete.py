"""A row deleted with SQL leaves a gap in the sequence numbers, or a head that reaches past the last row."""

import pytest
from django.db import connection, transaction

from ayneh.core.audit import audit_log
from ayneh.core.auditchain import BreakKind, audit_chain_verify
from ayneh.core.models import AuditEntry
from ayneh.offices.models import Office

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(khuzestan: Office) -> list[AuditEntry]:
    written = []
    for n in range(4):
        with transaction.atomic():
            written.append(audit_log(action="event.updated", office=khuzestan, data={"n": n}))
    return written


def raw_delete(*doomed: AuditEntry) -> None:
    table = connection.ops.quote_name(AuditEntry._meta.db_table)
    with connection.cursor() as cursor:
        for entry in doomed:
            cursor.execute(f"DELETE FROM {table} WHERE id = %s", [entry.pk])  # noqa: S608


def test_a_deleted_row_in_the_middle_is_caught_as_a_gap(entries: list[AuditEntry]) -> None:
    raw_delete(entries[1])

    broken = audit_chain_verify().broken

    assert broken is not None
    assert (broken.kind, broken.seq, broken.entry_id) == (BreakKind.DELETED, entries[1].seq, None)
    assert f"the next row is seq {entries[2].seq}" in broken.detail


def test_two_deleted_rows_are_named_as_a_range(entries: list[AuditEntry]) -> None:
    raw_delete(entries[1], entries[2])

    broken = audit_chain_verify().broken

    assert broken is not None
    assert broken.kind == BreakKind.DELETED
    assert f"seq {entries[1].seq}–{entries[2].seq} missing" in broken.detail


def test_deleted_last_rows_are_caught_by_the_head(entries: list[AuditEntry]) -> None:
    raw_delete(entries[-2], entries[-1])

    broken = audit_chain_verify().broken

    assert broken is not None
    assert (broken.kind, broken.seq) == (BreakKind.DELETED, entries[-2].seq)
    assert f"the head says the chain reaches seq {entries[-1].seq}" in broken.detail


def test_a_deleted_first_row_is_caught() -> None:
    with transaction.atomic():
        first = audit_log(action="event.created", data={})
        audit_log(action="event.updated", data={})
    raw_delete(first)

    broken = audit_chain_verify().broken

    assert broken is not None
    assert (broken.kind, broken.seq) == (BreakKind.DELETED, first.seq)
