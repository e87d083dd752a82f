# Every row is chained now (0003): its sequence number is required.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0003_chain_existing_entries'),
    ]

    operations = [
        migrations.AlterField(
            model_name='auditentry',
            name='seq',
            field=models.PositiveBigIntegerField(editable=False, unique=True, verbose_name='sequence number'),
        ),
    ]
