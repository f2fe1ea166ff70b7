"""
The NUL character (U+0000) in stored text: refused by every model of ours.

PostgreSQL cannot store it in a text or jsonb column (the database refuses
the whole statement), SQLite stores it as given, and the HTML sanitizer drops
it silently. Django's form fields refuse it already; ``NulFreeMixin`` refuses
it in the model too, so that the importer and plain ORM saves get the same
answer on every database: a ``ValidationError`` naming the field.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

NUL = "\x00"


def holds_nul(value) -> bool:
    """Is there a NUL character in ``value`` (text, or JSON's strings and keys)?"""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if NUL in item:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
    return False


def nul_errors(instance, *, fields=None, exclude=()) -> dict[str, list]:
    """``{field name: error}`` for the text and JSON fields of ``instance`` that hold a NUL."""
    errors = {}
    text_fields = models.CharField | models.TextField | models.JSONField
    concrete = instance._meta.concrete_fields
    # A translated field's own column mirrors one language's: report that language's.
    mirrors = {
        f.translated_field.name for f in concrete if hasattr(f, "translated_field")
    }
    for field in concrete:
        if field.name in exclude or field.name in mirrors:
            continue
        if fields is not None and field.name not in fields:
            continue
        if isinstance(field, text_fields) and holds_nul(
            field.value_from_object(instance)
        ):
            errors[field.name] = [
                ValidationError(
                    _("Null characters are not allowed."), code="null_characters"
                )
            ]
    return errors


class NulFreeMixin:
    """Refuses NUL characters in every text and JSON field, in validation and on save."""

    def clean_fields(self, exclude=None):
        # Before the fields' own cleaning: the rich text field's sanitizer
        # would take the character out silently.
        errors = nul_errors(self, exclude=exclude or ())
        try:
            super().clean_fields(exclude=[*(exclude or ()), *errors])
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        errors = nul_errors(
            self, fields=None if update_fields is None else set(update_fields)
        )
        if errors:
            raise ValidationError(errors)
        super().save(*args, **kwargs)
