"""
Slugs for the shared ``/policy-analysis/<slug>`` URL space.

Articles, topics and regions all live under ``/policy-analysis/``, so a slug
may belong to only one of them in a given language. ``slug_owner`` finds the
record that already holds a slug; models call it from ``clean()`` and the
importer calls it before writing.
"""

import re
import unicodedata

from django.db.models import Q
from django.utils.text import slugify

from core.i18n import language_codes, localized

# Small words dropped from proposed slugs (the reference site's list).
STOP_WORDS = frozenset(
    {"a", "an", "as", "at", "before", "but", "by", "for", "from", "is", "in", "into", "like", "of", "off",
     "on", "onto", "per", "since", "than", "the", "this", "that", "to", "up", "via", "with"}
)  # fmt: skip

_ARABIC = {
    "ا": "a", "أ": "a", "إ": "a", "آ": "a", "ٱ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j",
    "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s",
    "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l",
    "م": "m", "ن": "n", "ه": "h", "و": "w", "ي": "y", "ى": "a", "ة": "h", "ئ": "y", "ؤ": "w",
    "ء": "", "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g", "ک": "k", "ی": "y", "ـ": "",
}  # fmt: skip
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u06d6-\u06ed]")

#: The models sharing /policy-analysis/: {model: is its slug translated?}.
#: Each app registers its own from its ``ready()`` (``share_policy_analysis``).
PATH_MODELS: dict = {}


def share_policy_analysis(model, *, translated: bool) -> None:
    """``model``'s slugs live under /policy-analysis/ beside the others' (one slug, one owner)."""
    PATH_MODELS[model] = translated


def transliterate(text: str) -> str:
    """Arabic (and Persian) letters to plain ASCII, the way the reference site writes its slugs."""
    text = _DIACRITICS.sub("", text).translate(_ARABIC_DIGITS)
    return "".join(_ARABIC.get(ch, ch) for ch in text)


def propose_slug(title: str, max_length: int = 80) -> str:
    """A URL slug from a title: transliterated, lower case, small words dropped."""
    ascii_text = (
        unicodedata.normalize("NFKD", transliterate(title))
        .encode("ascii", "ignore")
        .decode()
    )
    words = [
        w
        for w in slugify(ascii_text.replace("'", "")).split("-")
        if w and w not in STOP_WORDS
    ]
    slug = "-".join(words) or slugify(ascii_text)
    return slug[:max_length].rstrip("-")


def slug_owner(slug: str, language: str | None = None, *, exclude=None):
    """
    The record that holds ``slug`` under /policy-analysis/, or None.

    ``language`` names the URL space of a translated (article) slug; ``None``
    means every language, as for topics and regions, whose one slug serves all.
    """
    if not slug:
        return None
    languages = [language] if language else language_codes()
    for model, translated in PATH_MODELS.items():
        if translated:
            condition = Q()
            for code in languages:
                condition |= Q(**{localized("slug", code): slug})
        else:
            condition = Q(slug=slug)
        qs = model._base_manager.filter(condition)
        if exclude is not None and type(exclude) is model and exclude.pk:
            qs = qs.exclude(pk=exclude.pk)
        owner = qs.first()
        if owner is not None:
            return owner
    return None


def describe(obj) -> str:
    """``article "Iran Talks"``: how clash messages name the other record."""
    return f'{obj._meta.verbose_name} "{obj}"'
