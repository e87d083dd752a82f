"""The chain's head row: a fresh chain after the log is emptied, a refusal (and a reported break) when the
head alone is gone, and a break when the head is moved by hand."""

import pytest
from django.db import transaction

from ayneh.core.audit import audit_log
from ayneh.core.auditchain import AuditChainBroken, BreakKind, audit_chain_verify
from ayneh.core.models import GENESIS_HASH, AuditChainHead, AuditEntry

pytestmark = pytest.mark.django_db


def test_an_emptied_log_starts_a_fresh_chain() -> None:
    # What `flush` (and every transactional test) leaves: neither rows nor head.
    AuditChainHead.objects.all().delete()
    assert not AuditEntry.objects.exists()

    with transaction.atomic():
        first = audit_log(action="user.created", data={})

    assert (first.seq, first.prev_hash) == (1, GENESIS_HASH)
    assert audit_chain_verify().intact


def test_a_missing_head_beside_rows_stops_appends_and_is_reported() -> None:
    with transaction.atomic():
        audit_log(action="user.created", data={})
    AuditChainHead.objects.all().delete()

    with pytest.raises(AuditChainBroken), transaction.atomic():
        audit_log(action="user.disabled", data={})
    broken = audit_chain_verify().broken
    assert broken is not None
    assert broken.kind == BreakKind.HEAD


def test_a_head_moved_back_is_caught_as_rows_past_it() -> None:
    with transaction.atomic():
        audit_log(action="user.created", data={})
        second = audit_log(action="user.disabled", data={})
    AuditChainHead.objects.update(seq=second.seq - 1, hash=second.prev_hash)

    broken = audit_chain_verify().broken

    assert broken is not None
    assert (broken.kind, broken.seq, broken.entry_id) == (BreakKind.INSERTED, second.seq, second.pk)


def test_a_head_naming_another_hash_is_caught() -> None:
    with transaction.atomic():
        last = audit_log(action="user.created", data={})
    AuditChainHead.objects.update(hash="f" * 64)

    broken = audit_chain_verify().broken

    assert broken is not None
    assert (broken.kind, broken.seq, broken.entry_id) == (BreakKind.HEAD, last.seq, last.pk)
