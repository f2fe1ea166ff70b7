"""
Import of ``thinktank-exchange/1`` documents: the one write path for imported content.

``import_exchange`` works in two passes. The validation pass
(``exchange.validation``) reads the whole document and collects every
problem into a list, each naming the record and the field; nothing is written
if the list is not empty. The write pass (``exchange.writing``) then
upserts the records by slug in one transaction, skipping those whose stored
values already equal the file's, so that importing a file twice changes
nothing the second time (not even ``updated_at``).
"""

import json
from pathlib import Path

from django.conf import settings
from django.utils import translation

from exchange.records import ExchangeError, ImportSummary
from exchange.validation import Validator
from exchange.writing import Writer


def load_document(path: Path) -> dict:
    """The JSON object in ``path``; raises ``ExchangeError`` if it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ExchangeError(
            [f"{path}: cannot read the file: {error.strerror}"]
        ) from None
    except UnicodeDecodeError:
        raise ExchangeError([f"{path}: the file is not UTF-8 text"]) from None
    return parse_document(text, path)


def parse_document(text: str, path) -> dict:
    """The JSON object in ``text`` (read from ``path``, named in messages); raises ``ExchangeError``."""

    def no_duplicates(pairs):
        keys = [key for key, _value in pairs]
        for key in keys:
            if keys.count(key) > 1:
                raise ValueError(f'the key "{key}" appears twice in one object')
        return dict(pairs)

    try:
        return json.loads(text, object_pairs_hook=no_duplicates)
    except json.JSONDecodeError as error:
        raise ExchangeError([f"{path}: not valid JSON: {error}"]) from None
    except RecursionError:
        raise ExchangeError(
            [
                (
                    f"{path}: the JSON nests arrays and objects too deeply to be "
                    "read (an exchange file needs only a few levels)"
                )
            ]
        ) from None
    except ValueError as error:
        raise ExchangeError([f"{path}: {error}"]) from None


def import_exchange(
    document,
    *,
    base_dir: Path | None = None,
    dry_run: bool = False,
    as_pending: bool = False,
    user=None,
) -> ImportSummary:
    """
    Validate ``document`` whole, then upsert it in one transaction; raises
    ``ExchangeError``. ``as_pending``: changes to live articles are kept as
    their unpublished change (by ``user``) for an editor to publish.
    """
    validator = Validator(document, base_dir=Path(base_dir or "."))
    with translation.override(settings.LANGUAGE_CODE):
        validator.validate()
        if validator.errors:
            raise ExchangeError(validator.messages())
        return Writer(
            validator.records, dry_run=dry_run, as_pending=as_pending, user=user
        ).write()
