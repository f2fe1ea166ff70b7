"""
``manage.py build_renditions [--force]``: write every missing rendition now.

Uploads queue this work by themselves (``core.tasks.build_renditions``);
the command is for content that arrived another way (a restored media
folder, a new spec in ``core.renditions.SPECS``) and stores the source
dimensions of rows that lack them.
"""

from django.apps import apps
from django.core.management.base import BaseCommand

from core import pagecache, renditions
from core.uploads import SafeImageField


class Command(BaseCommand):
    help = "Write the missing renditions of every stored image."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Rewrite renditions that exist."
        )

    def handle(self, *args, force=False, **options):
        written = 0
        for model in apps.get_models():
            for field in model._meta.concrete_fields:
                if not isinstance(field, SafeImageField) or not field.renditions:
                    continue
                rows = model._default_manager.exclude(**{field.name: ""})
                for instance in rows.iterator():
                    field_file = getattr(instance, field.attname)
                    if not field_file.storage.exists(field_file.name):
                        self.stderr.write(
                            f"{model._meta.label} {instance.pk}: {field_file.name} is missing"
                        )
                        continue
                    self._store_dimensions(instance, field, field_file)
                    written += len(renditions.ensure(field_file, force=force))
        self.stdout.write(f"{written} rendition(s) written.")

    def _store_dimensions(self, instance, field, field_file):
        size = (field_file.width, field_file.height)
        current = (
            getattr(instance, field.width_field),
            getattr(instance, field.height_field),
        )
        if size != current:
            type(instance)._default_manager.filter(pk=instance.pk).update(
                **{field.width_field: size[0], field.height_field: size[1]}
            )
            setattr(instance, field.width_field, size[0])
            setattr(instance, field.height_field, size[1])
            pagecache.content_changed()
