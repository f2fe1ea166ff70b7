"""
Django's ``makemessages``, which also reads the public site's Jinja2 templates.

Django's own reads Python files and Django templates only. The messages of
``templates/site/`` (Jinja2) are extracted with the extractor Jinja2 ships
for Babel and added to the catalogue template Django builds, as Django adds
each file's: duplicates are merged (``msguniq``) before the template is
merged into each language's ``.po``, so a message used only in those
templates is kept, never marked obsolete. Run ``make messages-extract``.
"""

import io
import os
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import write_po
from django.conf import settings
from django.core.management.commands import makemessages

#: The Jinja2 templates, which Django's reader would take for its own.
JINJA2_TEMPLATES = Path(settings.BASE_DIR) / "templates" / "site"


def jinja2_messages(root: Path = JINJA2_TEMPLATES):
    """
    (path, line, message, comments, context) of every message of the Jinja2
    templates under ``root``: ``message`` is the msgid, or (msgid, plural).
    """
    for filename, lineno, message, comments, context in extract_from_dir(
        root,
        method_map=[("**.html", "jinja2.ext:babel_extract")],
        keywords=DEFAULT_KEYWORDS,
        comment_tags=("Translators",),
        strip_comment_tags=False,
    ):
        yield Path(root, filename), lineno, message, comments, context


def jinja2_pot() -> str:
    """The messages of the Jinja2 templates as a catalogue template (``.pot``)."""
    catalog = Catalog(charset="utf-8")
    for path, lineno, message, comments, context in jinja2_messages():
        location = path.relative_to(settings.BASE_DIR).as_posix()
        catalog.add(
            message,
            locations=[(location, lineno)],
            auto_comments=comments,
            context=context,
        )
    output = io.BytesIO()
    write_po(output, catalog)
    return output.getvalue().decode()


class Command(makemessages.Command):
    help = (
        "Runs over the entire source tree of the current directory and pulls "
        "out all strings marked for translation, Jinja2 templates included."
    )

    def handle(self, *args, **options):
        ignored = JINJA2_TEMPLATES.relative_to(settings.BASE_DIR).as_posix()
        options["ignore_patterns"] = [*options["ignore_patterns"], ignored]
        super().handle(*args, **options)

    def process_files(self, file_list):
        super().process_files(file_list)
        if self.domain == "django" and self.default_locale_path:
            potfile = os.path.join(self.default_locale_path, f"{self.domain}.pot")
            makemessages.write_pot_file(potfile, jinja2_pot())
