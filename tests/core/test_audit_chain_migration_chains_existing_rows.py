"""Rows written before the chain existed are chained by the migration, in the order they were written, and
the chain then goes on from them."""

from collections.abc import Iterator

import pytest
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor

from ayneh.core.audit import audit_log
from ayneh.core.auditchain import audit_chain_verify
from ayneh.core.models import GENESIS_HASH, AuditChainHead, AuditEntry

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE_THE_CHAIN = [("core", "0001_initial")]
OLD_ROWS = 5


@pytest.fixture
def log_before_the_chain() -> Iterator[list[int]]:
    """The core app migrated back to before the chain, with rows written then; migrated forward afterwards
    whatever the test does, so the database is left as the other tests expect it."""
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE_THE_CHAIN)
    try:
        OldEntry = executor.loader.project_state(BEFORE_THE_CHAIN).apps.get_model("core", "AuditEntry")
        ids = [
            OldEntry.objects.create(action="release.created", data={"n": n, "title": "خبر"}, ip_address="::1").pk
            for n in range(OLD_ROWS)
        ]
        yield ids
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


def migrate_forward() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_the_migration_chains_old_rows_in_id_order_and_appends_go_on(log_before_the_chain: list[int]) -> None:
    migrate_forward()

    chained = list(AuditEntry.objects.order_by("id").values_list("id", "seq", "prev_hash", "hash"))
    assert [row_id for row_id, *_ in chained] == log_before_the_chain
    assert [seq for _id, seq, *_ in chained] == list(range(1, OLD_ROWS + 1))
    assert chained[0][2] == GENESIS_HASH
    assert AuditChainHead.objects.values_list("seq", "hash").get() == (OLD_ROWS, chained[-1][3])
    assert audit_chain_verify().intact

    with transaction.atomic():
        new = audit_log(action="release.updated", data={})
    assert (new.seq, new.prev_hash) == (OLD_ROWS + 1, chained[-1][3])
    assert audit_chain_verify().intact
