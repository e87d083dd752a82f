"""Rows put into the table with SQL, not appended through audit_log, are caught even with a valid-looking hash."""

import pytest
from django.db import connection, transaction

from ayneh.core.audit import audit_log
from ayneh.core.auditchain import BreakKind, audit_chain_verify, entry_hash
from ayneh.core.models import AuditChainHead, AuditEntry
from ayneh.offices.models import Office

pytestmark = pytest.mark.django_db

TABLE = connection.ops.quote_name(AuditEntry._meta.db_table)
COLUMNS = ("seq", "created_at", "action", "target_type", "target_id", "data", "prev_hash", "hash")


@pytest.fixture
def entries(khuzestan: Office) -> list[AuditEntry]:
    written = []
    for n in range(3):
        with transaction.atomic():
            written.append(audit_log(action="release.created", office=khuzestan, data={"n": n}))
    return written


def raw_insert(forged: AuditEntry) -> int:
    """INSERT `forged` with SQL, its hash computed as audit_log would; returns the id the database gave it."""
    forged.hash = entry_hash(forged)
    field = AuditEntry._meta.get_field
    values = [field(name).get_db_prep_save(getattr(forged, name), connection) for name in COLUMNS]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {TABLE} ({', '.join(COLUMNS)}) VALUES ({', '.join(['%s'] * len(COLUMNS))})",  # noqa: S608
            values,
        )
    return AuditEntry.objects.values_list("id", flat=True).get(seq=forged.seq)


def forgery_after(entry: AuditEntry, *, action: str) -> AuditEntry:
    return AuditEntry(seq=entry.seq + 1, created_at=entry.created_at, action=action, prev_hash=entry.hash)


def test_a_row_added_past_the_head_is_caught(entries: list[AuditEntry]) -> None:
    forged_id = raw_insert(forgery_after(entries[-1], action="release.published"))

    broken = audit_chain_verify().broken

    assert broken is not None
    assert (broken.kind, broken.seq, broken.entry_id) == (BreakKind.INSERTED, entries[-1].seq + 1, forged_id)


def test_a_replaced_row_is_caught_by_its_id_even_with_every_hash_recomputed(entries: list[AuditEntry]) -> None:
    # The middle row deleted and put back with other content; its successor re-linked and the head moved:
    # every hash checks out, but the newcomer's id is higher than its successor's.
    replaced, successor = entries[1], entries[2]
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE id = %s", [replaced.pk])  # noqa: S608
    forged = forgery_after(entries[0], action="release.withdrawn")
    forged_id = raw_insert(forged)
    successor.prev_hash = forged.hash
    successor_hash = entry_hash(successor)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {TABLE} SET prev_hash = %s, hash = %s WHERE id = %s",  # noqa: S608
            [forged.hash, successor_hash, successor.pk],
        )
    AuditChainHead.objects.update(seq=successor.seq, hash=successor_hash)

    broken = audit_chain_verify().broken

    assert broken is not None
    assert (broken.kind, broken.seq, broken.entry_id) == (BreakKind.INSERTED, replaced.seq, forged_id)
