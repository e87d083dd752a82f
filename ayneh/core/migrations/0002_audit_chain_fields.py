# The audit chain's columns and head table. Rows that already exist are chained by 0003; 0004 then makes
# `seq` required.

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='auditentry',
            name='seq',
            field=models.PositiveBigIntegerField(editable=False, null=True, unique=True, verbose_name='sequence number'),
        ),
        migrations.AddField(
            model_name='auditentry',
            name='prev_hash',
            field=models.CharField(default='', editable=False, max_length=64, verbose_name='previous hash'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='auditentry',
            name='hash',
            field=models.CharField(default='', editable=False, max_length=64, verbose_name='hash'),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name='auditentry',
            name='created_at',
            field=models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='time'),
        ),
        migrations.CreateModel(
            name='AuditChainHead',
            fields=[
                ('id', models.PositiveSmallIntegerField(default=1, primary_key=True, serialize=False)),
                ('seq', models.PositiveBigIntegerField(default=0, verbose_name='sequence number')),
                ('hash', models.CharField(default='0000000000000000000000000000000000000000000000000000000000000000', max_length=64, verbose_name='hash')),
            ],
            options={
                'verbose_name': 'audit chain head',
                'verbose_name_plural': 'audit chain head',
                'constraints': [models.CheckConstraint(condition=models.Q(('id', 1)), name='core_auditchainhead_singleton')],
            },
        ),
    ]
