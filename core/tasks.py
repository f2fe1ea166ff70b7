"""Background tasks (``django.tasks``): renditions are built after an upload commits."""

from django.apps import apps
from django.tasks import task

from core import renditions


@task()
def build_renditions(model_label: str, pk: int, field_name: str) -> list[str]:
    """Write the missing renditions of one row's image; the names written."""
    model = apps.get_model(model_label)
    instance = model._default_manager.filter(pk=pk).first()
    if instance is None:
        return []
    field_file = getattr(instance, field_name)
    if not field_file:
        return []
    return renditions.ensure(field_file)
