# Chains the audit rows written before the chain existed, in id order (the order they were written), and
# creates the chain's head. Reads and writes in batches, so a long log does not have to fit in memory.

from django.db import migrations

from ayneh.core.auditchain import entry_hash
from ayneh.core.models import GENESIS_HASH

BATCH_ROWS = 1000


def chain_existing_entries(apps, schema_editor):
    AuditEntry = apps.get_model('core', 'AuditEntry')
    AuditChainHead = apps.get_model('core', 'AuditChainHead')
    seq, last_hash, last_id = 0, GENESIS_HASH, 0
    while batch := list(AuditEntry.objects.filter(id__gt=last_id).order_by('id')[:BATCH_ROWS]):
        for entry in batch:
            seq += 1
            entry.seq, entry.prev_hash = seq, last_hash
            entry.hash = last_hash = entry_hash(entry)
        # The historical model has a plain manager: the append-only guard is the live model's.
        AuditEntry.objects.bulk_update(batch, ['seq', 'prev_hash', 'hash'])
        last_id = batch[-1].id
    AuditChainHead.objects.create(id=1, seq=seq, hash=last_hash)


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0002_audit_chain_fields'),
    ]

    operations = [
        migrations.RunPython(chain_existing_entries, migrations.RunPython.noop, elidable=False),
    ]
