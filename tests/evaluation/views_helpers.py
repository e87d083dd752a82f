"""Small helpers for the evaluation view tests: a signed-in client and the refusals the audit log holds."""

from typing import Any

from django.test import Client

from ayneh.core.models import AuditEntry
from tests.factories import PASSWORD

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def signed_in(client: Client, user: Any) -> Client:
    assert client.login(username=user.username, password=PASSWORD)
    return client


def refusals(reason: str) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action="access.refused", data__reason=reason))


def audited(action: str) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action=action).order_by("id"))
