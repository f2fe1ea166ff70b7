"""
The fields of ``thinktank-exchange/1``, record kind by record kind.

Each section is a tuple of ``Spec``: the exchange key, how its value is
written, and the model field it maps to. The order of a tuple is the order in
which the exporter writes the keys. ``parse`` turns one raw JSON value into
what the importer assigns, reporting problems through a callback.
"""

import json
from dataclasses import dataclass
from datetime import date, datetime

from core.i18n import language_codes, localized
from core.richtext import embed_errors, sanitize_html

FORMAT = "thinktank-exchange/1"

# Value kinds.
SLUG = "slug"  # a non-empty string
TEXT = "text"  # a string; null counts as ""
TRANSLATED = "translated"  # {"en": "...", "ar": "..."}
HTML = "html"  # translated, sanitized on import
TRANSLATED_SLUG = "translated_slug"  # translated, the default language required
INT = "int"  # an integer or null
BOOL = "bool"
DATE = "date"  # "2023-06-13" or null
DATETIME = "datetime"  # ISO 8601 with an offset, or null
FILE = "file"  # a path relative to the exchange file's folder, or null
# An integer kept on the library record of a FILE key (its ``model`` is
# "<file key>.<field>", e.g. "headshot.focus_x"); the default without a file.
FILE_ATTR = "file_attr"
REF = "ref"  # the slug of another record, or null
REFS = "refs"  # an ordered list of slugs of other records
LANGUAGES = "languages"  # a list of language codes
EXPERTISE = "expertise"  # {"topics": [...], "regions": [...]}

TRANSLATED_KINDS = (TRANSLATED, HTML, TRANSLATED_SLUG)


@dataclass(frozen=True)
class Spec:
    key: str
    kind: str
    model: str = ""
    required: bool = False
    #: FILE_ATTR: the value exported when the record has no file.
    default: int | None = None
    #: A thinktank extension beyond version 1's fields: the exporter writes
    #: the key only when its value is true, so that files without it stay
    #: as they were (and readable by other tools of version 1).
    only_when_true: bool = False

    @property
    def field(self) -> str:
        """The model field behind this exchange key."""
        return self.model or self.key


ARTICLE_TYPE = (
    Spec("slug", SLUG, required=True),
    Spec("name", TRANSLATED, required=True),
    Spec("plural", TRANSLATED),
    # thinktank's optional fields of version 1:
    Spec("kind", TEXT),
    Spec("sort_order", INT),
)

TERM = (
    Spec("slug", SLUG, required=True),
    Spec("name", TRANSLATED, required=True),
    Spec("description", TRANSLATED),
    Spec("parent", REF),
    # thinktank's optional fields of version 1:
    Spec("sort_order", INT),
)

EXPERT = (
    Spec("slug", SLUG, required=True),
    Spec("name", TRANSLATED, required=True),
    Spec("position", TRANSLATED, "titles"),
    Spec("status", TEXT),
    Spec("short_bio", TRANSLATED),
    Spec("bio", HTML),
    Spec("expertise", EXPERTISE),
    Spec("headshot", FILE),
    # thinktank's optional fields of version 1:
    Spec("headshot_focus_x", FILE_ATTR, "headshot.focus_x", default=50),
    Spec("headshot_focus_y", FILE_ATTR, "headshot.focus_y", default=30),
    Spec("sort_name", TEXT),
    Spec("has_profile", BOOL),
    Spec("affiliation_start", INT),
    Spec("affiliation_end", INT),
    Spec("email", TEXT),
    Spec("phone", TEXT),
    Spec("website", TEXT),
    Spec("x_handle", TEXT),
    Spec("linkedin", TEXT),
    Spec("deleted_at", DATETIME),  # in the trash since; null when live
)

ARTICLE = (
    Spec("slug", TRANSLATED_SLUG, required=True),
    Spec("type", REF, required=True),
    Spec("title", TRANSLATED, required=True),
    Spec("subtitle", TRANSLATED),
    Spec("summary", TRANSLATED),
    Spec("body", HTML),
    Spec("author_note", TRANSLATED),
    Spec("published_at", DATETIME),
    Spec("status", TEXT),
    Spec("languages", LANGUAGES, "available"),
    Spec("authors", REFS),
    Spec("topics", REFS),
    Spec("regions", REFS),
    Spec("recommended", REFS, "recommendations"),
    # thinktank's optional fields of version 1:
    Spec("first_published_at", DATETIME),
    # A language's own publication moment and the scheduled unpublication.
    *(Spec(localized("live_from", code), DATETIME) for code in language_codes()),
    Spec("unpublish_at", DATETIME),
    Spec("series", TEXT),
    Spec("series_number", INT),
    Spec("series_label", TEXT),
    Spec("outlet_name", TEXT),
    Spec("outlet_url", TEXT),
    Spec("outlet_date_text", TEXT),
    Spec("venue", TRANSLATED),
    Spec("hearing_date", DATE),
    Spec("page_count", INT),
    Spec("lead_image", FILE),
    Spec("lead_image_decorative", BOOL),
    Spec("lead_image_alt", TRANSLATED),
    Spec("lead_image_caption", TRANSLATED),
    Spec("lead_image_credit", TRANSLATED),
    Spec("lead_image_focus_x", FILE_ATTR, "lead_image.focus_x", default=50),
    Spec("lead_image_focus_y", FILE_ATTR, "lead_image.focus_y", default=50),
    Spec("pdf", FILE),
    Spec("deleted_at", DATETIME),  # in the trash since; null when live
    # thinktank's extension: featured on the home page (written only when true).
    Spec("featured", BOOL, only_when_true=True),
)

#: The sections of a file, in the order the exporter writes them.
SECTIONS = {
    "article_types": ARTICLE_TYPE,
    "topics": TERM,
    "regions": TERM,
    "experts": EXPERT,
    "articles": ARTICLE,
}
TOP_LEVEL_KEYS = ("format", *SECTIONS)

#: Where the exporter puts the files a record refers to, by exchange key.
FILE_FOLDERS = {"headshot": "images", "lead_image": "images/articles", "pdf": "files"}


class Invalid(Exception):
    """One value of a record cannot be used; the message says why."""


def _languages_text() -> str:
    return ", ".join(f'"{code}"' for code in language_codes())


def _string(value, *, nullable=True) -> str:
    if value is None and nullable:
        return ""
    if not isinstance(value, str):
        raise Invalid(f"must be a string, not {type_name(value)}")
    return value


def _translated(spec: Spec, value) -> dict[str, str]:
    if not isinstance(value, dict):
        raise Invalid(
            f'must be an object keyed by language, e.g. {{"en": "..."}}, not {type_name(value)}'
        )
    codes = language_codes()
    for code, text in value.items():
        if code not in codes:
            raise Invalid(
                f'unknown language "{code}" (this site has {_languages_text()})'
            )
        if text is not None and not isinstance(text, str):
            raise Invalid(f'"{code}" must be a string, not {type_name(text)}')
    texts = {code: value.get(code) or "" for code in codes}
    if spec.kind == HTML:
        for code, text in texts.items():
            if errors := embed_errors(text):
                raise Invalid(f'"{code}": ' + " ".join(errors))
        texts = {code: sanitize_html(text) for code, text in texts.items()}
    if spec.kind == TRANSLATED_SLUG and not texts[codes[0]]:
        raise Invalid(f'needs the slug in the default language "{codes[0]}"')
    return texts


def _slug_list(value) -> list[str]:
    if not isinstance(value, list) or not all(
        isinstance(item, str) and item for item in value
    ):
        raise Invalid("must be a list of slugs")
    duplicates = sorted({item for item in value if value.count(item) > 1})
    if duplicates:
        raise Invalid(f'names "{duplicates[0]}" more than once')
    return value


def _datetime(value) -> datetime | None:
    if value is None:
        return None
    text = _string(value)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise Invalid(
            f'"{text}" is not an ISO 8601 date and time, e.g. "2023-06-13T09:00:00-04:00"'
        ) from None
    if moment.tzinfo is None:
        raise Invalid(f'"{text}" has no UTC offset, e.g. "2023-06-13T09:00:00-04:00"')
    return moment


def _date(value) -> date | None:
    if value is None:
        return None
    text = _string(value)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Invalid(f'"{text}" is not a date such as "2023-06-13"') from None


def _languages(value) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(c, str) for c in value):
        raise Invalid('must be a list of language codes, e.g. ["en"]')
    for code in value:
        if code not in language_codes():
            raise Invalid(
                f'unknown language "{code}" (this site has {_languages_text()})'
            )
    return value


def _expertise(value) -> dict[str, list[str]]:
    if not isinstance(value, dict):
        raise Invalid('must be an object such as {"topics": [], "regions": []}')
    unknown = sorted(set(value) - {"topics", "regions"})
    if unknown:
        raise Invalid(f'unknown key "{unknown[0]}" (allowed: "topics", "regions")')
    parsed = {}
    for key in ("topics", "regions"):
        if key in value:
            try:
                parsed[key] = _slug_list(value[key])
            except Invalid as error:
                raise Invalid(f"{key}: {error}") from None
    return parsed


def _int(value) -> int | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise Invalid(f"must be a whole number or null, not {type_name(value)}")
    return value


def _bool(value) -> bool:
    if not isinstance(value, bool):
        raise Invalid(f"must be true or false, not {type_name(value)}")
    return value


def _slug(value) -> str:
    text = _string(value, nullable=False)
    if not text:
        raise Invalid("must not be empty")
    return text


def _ref(value) -> str | None:
    return None if value in (None, "") else _string(value)


NUL = "\x00"


def nul_problem(value) -> str | None:
    """
    Why ``value`` cannot be imported if a NUL character is in it, else None.
    PostgreSQL cannot store the character in text, and the HTML sanitizer
    would drop it silently: it is refused, naming where it is.
    """
    if isinstance(value, dict):
        items = [(json.dumps(k, ensure_ascii=False), k, v) for k, v in value.items()]
    elif isinstance(value, list):
        items = [(f"[{index}]", "", item) for index, item in enumerate(value)]
    else:
        items = [("", value if isinstance(value, str) else "", None)]
    for where, text, item in items:
        # An exchange value nests two levels at most: recursion is bounded.
        if NUL in text or (item is not None and nul_problem(item)):
            prefix = f"{where} " if where else ""
            return f"{prefix}contains a NUL character (\\u0000), which text cannot hold"
    return None


def without_nul(value):
    """``value`` with every NUL character taken out (to check the rest of it)."""
    if isinstance(value, str):
        return value.replace(NUL, "")
    if isinstance(value, dict):
        return {without_nul(k): without_nul(v) for k, v in value.items()}
    if isinstance(value, list):
        return [without_nul(item) for item in value]
    return value


def parse(spec: Spec, value):
    """The value to import for ``spec``; raises ``Invalid``."""
    if spec.kind in TRANSLATED_KINDS:
        return _translated(spec, value)
    parser = {
        SLUG: _slug,
        TEXT: _string,
        INT: _int,
        FILE_ATTR: _int,
        BOOL: _bool,
        DATE: _date,
        DATETIME: _datetime,
        FILE: _ref,
        REF: _ref,
        REFS: _slug_list,
        LANGUAGES: _languages,
        EXPERTISE: _expertise,
    }[spec.kind]
    return parser(value)


def type_name(value) -> str:
    """How an error message names the JSON type of ``value``."""
    if value is None:
        return "null"
    return {
        bool: "a boolean",
        int: "a number",
        float: "a decimal number",
        str: "a string",
        list: "a list",
        dict: "an object",
    }.get(type(value), type(value).__name__)
