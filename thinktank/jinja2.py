"""
The Jinja2 environment of the public site's templates (``templates/site/``).

The public pages are rendered with Jinja2, which draws them in about half the
time Django's template language took; the admin keeps Django's (``TEMPLATES``
in settings). Page components are macros, one file each, imported with
explicit arguments:

    {% from "components/byline.html" import byline %}
    {{ byline(authorships) }}

This module gathers every app's template helpers (it belongs to the project
package, on top of the apps): globals for what a template calls, filters
for what it transforms. Translations are Django's (``jinja2.ext.i18n``,
new-style gettext): ``_()``, ``gettext()``, ``ngettext()``, ``pgettext()``,
``npgettext()`` and ``{% trans %}``, in the active language. Their text is
escaped like any other value, as Django's ``{% translate %}`` escapes it.
"""

import jinja2
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template import defaultfilters
from django.template.defaultfilters import filesizeformat, striptags, truncatechars
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.timezone import template_localtime
from markupsafe import Markup, escape

from articles import discovery
from articles.templatehelpers import (
    in_language,
    isodate,
    isodatetime,
    pubdate,
    series_name,
    stale_since,
    with_mark,
)
from core import pictures, richtext
from core.listing import page_numbers, page_query
from core.urls import page_url
from experts.templatehelpers import expert_status, profile_url, text_language
from thinktank.templatehelpers import (
    chrome_menus,
    hreflang_alternates,
    other_languages,
    term_menu,
)


def url(viewname: str, *args) -> str:
    """``reverse()``; the address of a page without arguments is worked out once per language."""
    if args:
        return reverse(viewname, args=args)
    return page_url(viewname)


def date(value, arg: str | None = None) -> str:
    """Django's ``date`` filter (``since|date("DATE_FORMAT")``), in the institute's time zone as in Django's templates."""
    return defaultfilters.date(template_localtime(value), arg)


# Translations: Django's catalogue in the active language, called as Jinja2's
# new-style gettext is (``_("Portrait of %(name)s", name=x)``, ``{% trans %}``
# blocks): the text is escaped like any value, as Django's {% translate %}
# escapes it, and its placeholders are filled with escaped values. They are
# installed as they are: Jinja2's wrappers for new-style gettext went through
# the template context three times per message, and a page has fifty.


def _filled(text: Markup, variables: dict) -> Markup:
    # A new-style message is always a format string ("%%" writes "%").
    return text % variables if "%" in text else text


# Each message's escaped translation, per language: the catalogues do not
# change while a process runs, and Django's lookup cost more than the rest of
# a message. Emptied when a test changes a setting the catalogues follow.
_TRANSLATED: dict[tuple, Markup] = {}


@receiver(setting_changed)
def _forget_translations(*, setting, **kwargs):
    if setting in {"LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS", "INSTALLED_APPS"}:
        _TRANSLATED.clear()


def gettext(message: str, **variables) -> Markup:
    key = (translation.get_language(), message)
    text = _TRANSLATED.get(key)
    if text is None:
        text = _TRANSLATED[key] = escape(translation.gettext(message))
    return _filled(text, variables)


def ngettext(singular: str, plural: str, number: int, **variables) -> Markup:
    variables.setdefault("num", number)
    return _filled(escape(translation.ngettext(singular, plural, number)), variables)


def pgettext(context: str, message: str, **variables) -> Markup:
    variables.setdefault("context", context)
    key = (translation.get_language(), context, message)
    text = _TRANSLATED.get(key)
    if text is None:
        text = _TRANSLATED[key] = escape(translation.pgettext(context, message))
    return _filled(text, variables)


def npgettext(
    context: str, singular: str, plural: str, number: int, **variables
) -> Markup:
    variables.setdefault("context", context)
    variables.setdefault("num", number)
    text = translation.npgettext(context, singular, plural, number)
    return _filled(escape(text), variables)


class Environment(jinja2.Environment):
    def make_globals(self, d):
        """
        The environment's globals themselves for a template without globals of
        its own (none here has any).

        Jinja2 gives each template a ChainMap of its globals over the
        environment's, and on each import of a component compares the
        importing template's globals with the component's key by key: with a
        few dozen helpers that cost more than rendering a component. A plain
        dict makes the comparison (and building each render's context) cheap.
        """
        if not d:
            return self.globals
        return super().make_globals(d)


def environment(**options) -> Environment:
    """The environment of ``django.template.backends.jinja2.Jinja2`` (``OPTIONS["environment"]``)."""
    env = Environment(extensions=["jinja2.ext.i18n"], **options)
    translations = {
        "gettext": gettext,
        "ngettext": ngettext,
        "pgettext": pgettext,
        "npgettext": npgettext,
    }
    env.install_gettext_callables(**translations, newstyle=True)
    # Without Jinja2's wrappers (see above): these are new-style already.
    env.globals.update(translations, _=gettext)
    env.globals.update(
        {
            "static": static,
            "url": url,
            "get_language": translation.get_language,
            "get_language_bidi": translation.get_language_bidi,
            "language_info": translation.get_language_info,
            # thinktank
            "chrome_menus": chrome_menus,
            "term_menu": term_menu,
            "other_languages": other_languages,
            "hreflang_alternates": hreflang_alternates,
            "page_numbers": page_numbers,
            "page_query": page_query,
            "picture_set": pictures.picture_set,
            "rendition_url": pictures.rendition_url,
            "og_rendition": pictures.og_rendition,
            # articles
            "page_feeds": discovery.page_feeds,
            "article_json_ld": discovery.article_json_ld,
            "expert_json_ld": discovery.expert_json_ld,
            "scholar_tags": discovery.scholar_tags,
            "published_time": discovery.published_time,
            "citation_texts": discovery.citation_texts,
            "og_locale": discovery.og_locale,
            "og_alternate_locales": discovery.og_alternate_locales,
            "share_addresses": discovery.share_addresses,
            # experts
            "expert_status": expert_status,
            # history
            "stale_since": stale_since,
        }
    )
    env.filters.update(
        {
            # Django's own: Jinja2 has no date or truncatechars, and its
            # filesizeformat and striptags write something else.
            "date": date,
            "filesizeformat": filesizeformat,
            "striptags": striptags,
            "truncatechars": truncatechars,
            # core
            "rich_text": richtext.present,
            # articles
            "absolute": discovery.absolute,
            "pubdate": pubdate,
            "isodate": isodate,
            "isodatetime": isodatetime,
            "with_mark": with_mark,
            "series_name": series_name,
            "in_language": in_language,
            # experts
            "profile_url": profile_url,
            "text_language": text_language,
        }
    )
    return env
