"""
Redirects belong to core, the shared building blocks, no longer to the project
package: the model's state moves here while its table stays where it is (and
the rows with it); 0004 then renames the table. The content type moves too, so
that permissions given on redirects are kept.
"""

import core.models
from django.db import migrations, models


def move_content_type(apps, schema_editor, old="thinktank", new="core"):
    """
    The redirect's content type (and with it the permissions, the groups and
    users that hold them, and the admin's log) follows the model. Where the new
    one exists already, the old one's permissions and log entries move to it.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    LogEntry = apps.get_model("admin", "LogEntry")
    db = schema_editor.connection.alias
    content_types = ContentType.objects.using(db)
    before = content_types.filter(app_label=old, model="redirect").first()
    if before is None:
        return
    after = content_types.filter(app_label=new, model="redirect").first()
    if after is None:
        before.app_label = new
        before.save(update_fields=["app_label"])
        return
    permissions = Permission.objects.using(db)
    for permission in permissions.filter(content_type=before):
        twin = permissions.filter(content_type=after, codename=permission.codename).first()
        if twin is None:
            permission.content_type = after
            permission.save(update_fields=["content_type"])
            continue
        for group in permission.group_set.all():
            group.permissions.add(twin)
        for user in permission.user_set.all():
            user.user_permissions.add(twin)
        permission.delete()
    LogEntry.objects.using(db).filter(content_type=before).update(content_type=after)
    before.delete()


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, old="core", new="thinktank")


class Migration(migrations.Migration):

    dependencies = [
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0002_generation_instance"),
        ("thinktank", "0002_redirect_address_validators"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Redirect",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("old_path", models.CharField(help_text="A path on this site, e.g. /ar/policy-analysis/old-slug.", max_length=500, unique=True, validators=[core.models.validate_old_path], verbose_name="old address")),
                        ("new_path", models.CharField(help_text="A path on this site (/experts/jane-doe) or a full URL.", max_length=500, validators=[core.models.validate_redirect_target], verbose_name="new address")),
                        ("language", models.CharField(blank=True, help_text="For editors' reference.", max_length=10, verbose_name="language")),
                        ("kind", models.CharField(choices=[("auto", "Automatic (slug changed)"), ("manual", "Added by an editor")], default="manual", max_length=10, verbose_name="kind")),
                        ("created", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                    ],
                    options={
                        "verbose_name": "redirect",
                        "verbose_name_plural": "redirects",
                        "ordering": ["old_path"],
                        "db_table": "thinktank_redirect",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
