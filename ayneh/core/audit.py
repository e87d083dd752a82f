"""Writing to the audit log. Every service that changes state calls `audit_log` inside its transaction."""

from typing import Any

from django.db import models, transaction

from ayneh.core.auditchain import audit_chain_append
from ayneh.core.models import AuditEntry


def audit_log(
    *,
    action: str,
    actor: Any = None,
    office: Any = None,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
    ip_address: str | None = None,
) -> AuditEntry:
    """Record one state change as the next link of the audit chain. Must run inside the transaction that makes
    the change, so that the change and its audit row commit or roll back together; from here to the end of
    that transaction other writers of audit rows wait (the chain's head is locked), so call it late."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_log must be called inside the transaction that makes the change")
    target_type = target_id = ""
    if target is not None:
        target_type = target._meta.label_lower
        target_id = str(getattr(target, "code", None) or target.pk)
    entry = AuditEntry(
        action=action,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        office=office,
        target_type=target_type,
        target_id=target_id,
        data=data or {},
        ip_address=ip_address,
    )
    return audit_chain_append(entry)
