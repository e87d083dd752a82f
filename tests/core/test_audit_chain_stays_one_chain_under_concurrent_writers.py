"""Writers in several threads, each with its own connection and real transactions, append to one chain: no
two rows share a sequence number, none is skipped, and the whole log verifies.

The writers hold their transaction open a moment after audit_log, as a service does while it finishes its
change: without the head lock, the second writer would read the same head and fork the chain (or collide on
seq). On SQLite (a file database here, see tests/settings.py) IMMEDIATE transactions queue the writers; on
PostgreSQL the locked head row does."""

import threading
import time

import pytest
from django.db import close_old_connections, connections, transaction

from ayneh.core.audit import audit_log
from ayneh.core.auditchain import audit_chain_verify
from ayneh.core.models import AuditChainHead, AuditEntry

pytestmark = pytest.mark.django_db(transaction=True)

WRITERS = 3
ROWS_PER_WRITER = 8


def write_rows(writer: int, start: threading.Barrier, failures: list[BaseException]) -> None:
    try:
        close_old_connections()
        start.wait(timeout=10)
        for n in range(ROWS_PER_WRITER):
            with transaction.atomic():
                audit_log(action="race.write", data={"writer": writer, "n": n})
                time.sleep(0.005)  # the rest of the caller's transaction
    except BaseException as error:  # any failure, reported to the test's thread
        failures.append(error)
    finally:
        connections.close_all()


def test_concurrent_writers_extend_one_unbroken_chain() -> None:
    with transaction.atomic():
        audit_log(action="race.before", data={})
    start_seq = AuditChainHead.objects.get().seq
    start = threading.Barrier(WRITERS)
    failures: list[BaseException] = []

    threads = [threading.Thread(target=write_rows, args=(w, start, failures)) for w in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert failures == []
    written = list(AuditEntry.objects.filter(action="race.write").order_by("seq").values_list("seq", "data"))
    assert [seq for seq, _data in written] == list(range(start_seq + 1, start_seq + 1 + WRITERS * ROWS_PER_WRITER))
    # Every writer's rows are all there, in the order that writer wrote them.
    for writer in range(WRITERS):
        assert [data["n"] for _seq, data in written if data["writer"] == writer] == list(range(ROWS_PER_WRITER))
    report = audit_chain_verify()
    assert report.intact, report.broken
    assert report.head is not None
    assert report.head.seq == start_seq + WRITERS * ROWS_PER_WRITER
