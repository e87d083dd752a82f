"""`ayneh verify_audit` as run from a shell: exit status 0 on an intact chain, 1 with the break on stderr."""

import pytest
from django.core.management import load_command_class
from django.db import connection, transaction

from ayneh.core.audit import audit_log
from ayneh.core.models import AuditEntry

pytestmark = pytest.mark.django_db(transaction=True)


def run_verify_audit(*args: str) -> int:
    """The command through its argv entry point (the one `ayneh verify_audit` uses); its exit status."""
    try:
        load_command_class("ayneh.core", "verify_audit").run_from_argv(["ayneh", "verify_audit", *args])
    except SystemExit as exit_:
        return int(exit_.code or 0)
    return 0


def test_it_exits_0_on_an_intact_chain_and_1_on_a_tampered_one(capsys: pytest.CaptureFixture[str]) -> None:
    with transaction.atomic():
        audit_log(action="release.created", data={})
        tampered = audit_log(action="release.published", data={})

    assert run_verify_audit() == 0
    assert f"Audit chain intact: {AuditEntry.objects.count()} entries verified." in capsys.readouterr().out

    with connection.cursor() as cursor:
        table = connection.ops.quote_name(AuditEntry._meta.db_table)
        cursor.execute(f"UPDATE {table} SET action = 'release.withdrawn' WHERE id = %s", [tampered.pk])  # noqa: S608

    assert run_verify_audit() == 1
    assert f"seq {tampered.seq} (id {tampered.pk}): edited" in capsys.readouterr().err
