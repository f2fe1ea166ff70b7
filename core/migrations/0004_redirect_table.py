from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0003_redirect"),
        ("thinktank", "0003_redirect_moved_to_core"),
    ]

    operations = [
        migrations.AlterModelTable(name="redirect", table=None),
    ]
