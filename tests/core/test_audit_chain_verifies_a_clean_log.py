"""A log written only through audit_log verifies, with the command's bilingual summary and the head to keep."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from ayneh.accounts.models import User
from ayneh.core.audit import audit_log
from ayneh.core.auditchain import Link, audit_chain_verify
from ayneh.core.models import GENESIS_HASH, AuditChainHead, AuditEntry
from ayneh.offices.models import Office

pytestmark = pytest.mark.django_db


def write_entries(count: int, *, actor: User | None = None, office: Office | None = None) -> list[AuditEntry]:
    entries = []
    for n in range(count):
        with transaction.atomic():
            entries.append(
                audit_log(
                    action="release.updated",
                    actor=actor,
                    office=office,
                    target=office,
                    data={"changed": ["title", "lead"], "n": n, "title": "نشست خبری مدیرکل"},
                    ip_address="192.0.2.7",
                )
            )
    return entries


def test_each_row_links_to_the_one_before_it(khuzestan_editor: User, khuzestan: Office) -> None:
    before = AuditChainHead.objects.get()

    entries = write_entries(3, actor=khuzestan_editor, office=khuzestan)

    assert [entry.seq for entry in entries] == [before.seq + 1, before.seq + 2, before.seq + 3]
    assert entries[0].prev_hash == before.hash
    assert [entry.prev_hash for entry in entries[1:]] == [entry.hash for entry in entries[:-1]]
    assert AuditChainHead.objects.get().hash == entries[-1].hash


def test_a_log_written_through_audit_log_verifies(khuzestan_editor: User, khuzestan: Office) -> None:
    write_entries(5, actor=khuzestan_editor, office=khuzestan)

    report = audit_chain_verify(chunk_rows=2)  # several chunks: the walk carries the link across them

    assert report.intact
    assert report.entries == AuditEntry.objects.count() >= 5
    assert report.head == Link(*AuditChainHead.objects.values_list("seq", "hash").get())


def test_an_empty_log_verifies() -> None:
    report = audit_chain_verify()

    assert report.intact
    assert report.entries == AuditEntry.objects.count() == 0
    assert report.head == Link(0, GENESIS_HASH)


def test_the_command_prints_a_persian_and_english_summary_and_the_head(khuzestan: Office) -> None:
    write_entries(3, office=khuzestan)
    out = StringIO()

    call_command("verify_audit", stdout=out)

    summary, head = out.getvalue().splitlines()
    count = AuditEntry.objects.count()
    assert "زنجیرهٔ گزارش ممیزی سالم است" in summary
    assert f"Audit chain intact: {count} entries verified." in summary
    assert head == f"head {AuditChainHead.objects.get()}"


def test_a_head_recorded_earlier_still_verifies_as_an_anchor(khuzestan: Office) -> None:
    write_entries(2, office=khuzestan)
    anchor = Link(*AuditChainHead.objects.values_list("seq", "hash").get())
    write_entries(2, office=khuzestan)

    assert audit_chain_verify(anchor=anchor).intact
    call_command("verify_audit", anchor=anchor, stdout=StringIO())
