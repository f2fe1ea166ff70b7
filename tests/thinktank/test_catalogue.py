"""
Every message of the public site's Jinja2 templates has an Arabic translation.

Django's makemessages does not read Jinja2: the templates' messages are
extracted as ``manage.py makemessages`` (the project's) extracts them, and
looked up in the Arabic catalogue, context and plural forms included.
"""

from babel.messages.pofile import read_po
from django.conf import settings

from thinktank.management.commands.makemessages import jinja2_messages


def arabic_catalogue():
    with open(settings.BASE_DIR / "locale/ar/LC_MESSAGES/django.po", "rb") as handle:
        return read_po(handle)


def untranslated(messages, catalogue) -> list:
    """The (path, line, message, context) of ``messages`` without a complete, settled translation."""
    missing = []
    for path, lineno, message, _comments, context in messages:
        msgid = message[0] if isinstance(message, tuple) else message
        entry = catalogue.get(msgid, context=context)
        strings = () if entry is None else entry.string
        if isinstance(strings, str):
            strings = (strings,)
        if entry is None or entry.fuzzy or not strings or not all(strings):
            missing.append((path.name, lineno, message, context))
    return missing


def test_every_template_message_has_an_arabic_translation():
    messages = list(jinja2_messages())
    assert len(messages) > 100  # the templates were read
    assert untranslated(messages, arabic_catalogue()) == []


def test_the_check_reports_a_message_missing_from_the_catalogue(tmp_path):
    (tmp_path / "page.html").write_text(
        '{{ _("Recommended") }}{{ pgettext("byline", "By") }}'
        '{{ pgettext("another context", "By") }}'
        "{% trans counter=3 %}{{ counter }} page{% pluralize %}{{ counter }} pages{% endtrans %}"
        '{{ _("A label nobody translated") }}'
        "{% trans name=x %}Hello {{ name }}{% endtrans %}",
        encoding="utf-8",
    )
    missing = untranslated(jinja2_messages(tmp_path), arabic_catalogue())
    assert [(message, context) for _name, _line, message, context in missing] == [
        ("By", "another context"),
        ("A label nobody translated", None),
        ("Hello %(name)s", None),
    ]
