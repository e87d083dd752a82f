"""An UPDATE made with SQL, past the model's append-only guard, is found at the row it changed."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction

from ayneh.core.audit import audit_log
from ayneh.core.auditchain import BreakKind, Link, audit_chain_verify, entry_hash
from ayneh.core.models import AuditChainHead, AuditEntry
from ayneh.offices.models import Office

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(khuzestan: Office) -> list[AuditEntry]:
    written = []
    for status in ("draft", "in_review", "published", "withdrawn"):
        with transaction.atomic():
            written.append(audit_log(action=f"release.{status}", office=khuzestan, data={"to": status}))
    return written


def raw_update(entry: AuditEntry, **values: object) -> None:
    table = connection.ops.quote_name(AuditEntry._meta.db_table)
    assignments = ", ".join(f"{connection.ops.quote_name(column)} = %s" for column in values)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET {assignments} WHERE id = %s", [*values.values(), entry.pk])  # noqa: S608


def test_an_edited_action_is_caught_at_its_row(entries: list[AuditEntry]) -> None:
    edited = entries[2]
    raw_update(edited, action="release.withdrawn")

    broken = audit_chain_verify().broken

    assert broken is not None
    assert (broken.kind, broken.seq, broken.entry_id) == (BreakKind.EDITED, edited.seq, edited.pk)


def test_an_edited_json_value_is_caught(entries: list[AuditEntry]) -> None:
    raw_update(entries[1], data='{"to": "published"}')

    broken = audit_chain_verify().broken

    assert broken is not None
    assert (broken.kind, broken.seq) == (BreakKind.EDITED, entries[1].seq)


def test_an_edit_with_a_recomputed_hash_is_caught_at_the_next_row(entries: list[AuditEntry]) -> None:
    edited = AuditEntry.objects.get(pk=entries[1].pk)
    edited.action = "release.published"
    raw_update(edited, action=edited.action, hash=entry_hash(edited))

    broken = audit_chain_verify().broken

    assert broken is not None
    assert (broken.kind, broken.seq, broken.entry_id) == (BreakKind.RELINKED, entries[2].seq, entries[2].pk)


def test_a_rewritten_tail_is_caught_by_an_anchor_kept_elsewhere(entries: list[AuditEntry]) -> None:
    anchor = Link(entries[2].seq, entries[2].hash)
    # Someone with write access rewrites rows 2..4 and the head consistently: only the anchor can tell.
    previous = entries[0].hash
    for entry in entries[1:]:
        rewritten = AuditEntry.objects.get(pk=entry.pk)
        rewritten.action, rewritten.prev_hash = "release.deleted", previous
        previous = entry_hash(rewritten)
        raw_update(entry, action=rewritten.action, prev_hash=rewritten.prev_hash, hash=previous)
    AuditChainHead.objects.update(hash=previous)

    assert audit_chain_verify().intact
    broken = audit_chain_verify(anchor=anchor).broken
    assert broken is not None
    assert (broken.kind, broken.seq) == (BreakKind.ANCHOR, anchor.seq)


def test_the_command_exits_with_status_1_naming_the_row(entries: list[AuditEntry]) -> None:
    edited = entries[0]
    raw_update(edited, target_id="999")

    with pytest.raises(CommandError) as failure:
        call_command("verify_audit")

    assert failure.value.returncode == 1
    message = str(failure.value)
    assert f"Audit chain broken at seq {edited.seq} (id {edited.pk}): edited" in message
    assert "ویرایش شده است" in message
