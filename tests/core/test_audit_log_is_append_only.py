"""The model refuses every way of changing or adding audit rows that would go around the chain."""

import pytest
from django.db import transaction

from ayneh.core.audit import audit_log
from ayneh.core.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry() -> AuditEntry:
    with transaction.atomic():
        return audit_log(action="user.disabled", data={"reason": "left"})


def test_a_saved_row_cannot_be_saved_again(entry: AuditEntry) -> None:
    entry.action = "user.enabled"
    with pytest.raises(PermissionError):
        entry.save()


def test_rows_cannot_be_updated_or_deleted_through_the_orm(entry: AuditEntry) -> None:
    rows = AuditEntry.objects.filter(pk=entry.pk)
    with pytest.raises(PermissionError):
        rows.update(action="user.enabled")
    with pytest.raises(PermissionError):
        rows.delete()
    with pytest.raises(PermissionError):
        entry.delete()


def test_rows_cannot_be_added_around_audit_log() -> None:
    with pytest.raises(PermissionError):
        AuditEntry.objects.create(action="user.disabled")
    with pytest.raises(PermissionError):
        AuditEntry.objects.bulk_create([AuditEntry(action="user.disabled")])


@pytest.mark.django_db(transaction=True)
def test_audit_log_refuses_to_run_outside_a_transaction() -> None:
    with pytest.raises(RuntimeError):
        audit_log(action="user.disabled")
