"""Background tasks of the library: a report PDF's cover is drawn after its upload commits."""

from django.apps import apps
from django.tasks import task

from library import covers


@task()
def build_document_cover(pk: int) -> list[str]:
    """Draw the cover of one document's current file; the names written."""
    document = (
        apps.get_model("library", "Document")._default_manager.filter(pk=pk).first()
    )
    if document is None or not document.file:
        return []
    return covers.build_cover(document)
