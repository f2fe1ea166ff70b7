import pytest

from core.i18n import language_codes, localized
from exchange import schema
from exchange.records import MODELS

# Fields that describe the database rather than the content.
NOT_EXCHANGED = {
    "id",
    "created_at",
    "updated_at",
    "created_by",
    "updated_by",
    # modeltranslation's untranslated column: its per-language columns are the
    # keys live_from_<code>.
    "live_from",
}


def exchanged_fields(section: str) -> set[str]:
    """The model fields that the section's keys carry."""
    names = set()
    for spec in schema.SECTIONS[section]:
        if spec.kind == schema.EXPERTISE:
            names |= {"topics", "regions"}
        names.add(spec.field)
        if spec.kind in (*schema.TRANSLATED_KINDS, schema.LANGUAGES):
            names |= {localized(spec.field, code) for code in language_codes()}
    return names


@pytest.mark.parametrize("section", list(schema.SECTIONS))
def test_every_editable_model_field_is_exchanged(section):
    """A backup carries everything an editor can set: a new model field needs a key here."""
    model = MODELS[section]
    editable = {
        f.name
        for f in model._meta.get_fields()
        if (f.concrete or f.many_to_many) and not f.auto_created and f.editable
    }
    assert editable - NOT_EXCHANGED - exchanged_fields(section) == set()
