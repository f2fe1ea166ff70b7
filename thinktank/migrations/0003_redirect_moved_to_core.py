"""The Redirect model now lives in core (core 0003): only its state leaves this app."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("thinktank", "0002_redirect_address_validators"),
        ("core", "0003_redirect"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Redirect")],
            database_operations=[],
        ),
    ]
