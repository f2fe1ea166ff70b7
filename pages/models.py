"""
The institute's own pages (About, Contact, Privacy, Support…): translated
records editors manage, at the site's root (``/about``, ``/ar/about``).

A page is shown in a language only when an editor has published it in that
language (``published_<code>``), as articles are; it may be listed in the main
menu and in the footer, in the editors' order.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.i18n import default_language, in_default_language, language_codes, localized
from core.redirects import record_moves
from core.richtext import RichTextField, SanitizedTextField
from core.slugs import propose_slug
from core.urls import slug_url
from history.options import RevisionOptions
from history.trash import UntrashedManager

#: The URL name of a page's address (``pages.urls``).
PAGE_VIEW = "page"
#: What a page's address may be: lower-case words joined by hyphens.
PAGE_SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*"
#: First path segments a page may never take, whatever the URL patterns say:
#: the static and media files' folders and the language prefixes.
RESERVED_SLUGS = frozenset({"static", "media", "admin", "feeds", "share", "i18n"})


def live_q(language_code: str) -> Q:
    """Readers can see the page in ``language_code``: published there, with a title and an address."""
    return (
        Q(**{localized("published", language_code): True})
        & Q(**{f"{localized('slug', language_code)}__isnull": False})
        & Q(**{f"{localized('title', language_code)}__gt": ""})
    )


def route_taken(slug: str) -> bool:
    """Whether ``/<slug>`` is another page of the site than an institute page (a list, the search…)."""
    if slug in RESERVED_SLUGS or slug in language_codes():
        return True
    with translation.override(default_language()):
        try:
            match = resolve(f"/{slug}")
        except Resolver404:
            return False
    return match.url_name != PAGE_VIEW and match.kwargs.get("slug") != slug


class PageQuerySet(models.QuerySet):
    def live(self, language_code: str):
        """Pages readers can see in ``language_code``."""
        return self.filter(live_q(language_code))

    def live_in_any_language(self):
        """Pages readers can see in at least one language."""
        condition = Q()
        for code in language_codes():
            condition |= live_q(code)
        return self.filter(condition)

    def in_chrome(self):
        """Pages listed in the main menu or the footer, in the editors' order."""
        return self.filter(Q(in_main_menu=True) | Q(in_footer=True)).order_by(
            "sort_order", "pk"
        )


class Page(models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("address"),
        max_length=80,
        unique=True,
        validators=[
            RegexValidator(
                f"^{PAGE_SLUG}$",
                _(
                    "Use lower-case letters, digits and single hyphens, e.g. “contact-us”."
                ),
            )
        ],
        null=True,
        blank=True,
        help_text=_(
            "The page's address after the site's root, e.g. “about” for /about. Proposed from the title when left empty."
        ),
    )
    body = RichTextField(_("body"), blank=True)
    description = SanitizedTextField(
        _("description for search engines"),
        max_length=300,
        blank=True,
        help_text=_(
            "One or two sentences shown by search engines and social networks."
        ),
    )
    published = models.BooleanField(
        _("published in this language"),
        default=False,
        help_text=_("Readers see this language version only when this is ticked."),
    )
    in_main_menu = models.BooleanField(_("in the main menu"), default=False)
    in_footer = models.BooleanField(_("in the footer"), default=False)
    sort_order = models.PositiveSmallIntegerField(
        _("order"),
        default=0,
        help_text=_("Smaller numbers come first in the menu and the footer."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    deleted_at = models.DateTimeField(
        _("moved to the trash"), null=True, blank=True, editable=False, db_index=True
    )

    objects = UntrashedManager.from_queryset(PageQuerySet)()
    all_objects = PageQuerySet.as_manager()

    revision_options = RevisionOptions()

    class Meta:
        verbose_name = _("institute page")
        verbose_name_plural = _("institute pages")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.title or in_default_language(self, "title") or ""

    def save(self, *args, **kwargs):
        self.propose_slug()
        stored = (
            Page._base_manager.filter(pk=self.pk).values(*self.slug_columns()).first()
            if self.pk
            else None
        )
        super().save(*args, **kwargs)
        if stored:
            # The page keeps answering at its old address (core.redirects).
            record_moves(
                {
                    code: self.url_for(stored[localized("slug", code)], code)
                    for code in language_codes()
                    if stored[localized("slug", code)]
                },
                {code: self.url_in(code) for code in language_codes()},
            )

    def get_absolute_url(self):
        return self.url_in(translation.get_language())

    @staticmethod
    def slug_columns() -> list[str]:
        return [localized("slug", code) for code in language_codes()]

    @staticmethod
    def url_for(slug: str | None, language_code: str) -> str | None:
        return slug_url(PAGE_VIEW, slug, language_code) if slug else None

    def url_in(self, language_code: str) -> str | None:
        """The page's address in ``language_code``, if it has one there."""
        return self.url_for(
            getattr(self, localized("slug", language_code)), language_code
        )

    def is_live_in(self, language_code: str) -> bool:
        return bool(
            getattr(self, localized("published", language_code))
            and getattr(self, localized("slug", language_code))
            and getattr(self, localized("title", language_code))
            and self.deleted_at is None
        )

    def live_languages(self) -> list[str]:
        """The languages readers can see this page in, in site order."""
        return [code for code in language_codes() if self.is_live_in(code)]

    def propose_slug(self) -> None:
        """Fill an empty slug of a language that has a title, from that title."""
        for code in language_codes():
            column = localized("slug", code)
            title = getattr(self, localized("title", code))
            if not getattr(self, column) and title:
                setattr(self, column, propose_slug(title) or None)

    def clean(self):
        super().clean()
        self.propose_slug()
        errors = {}
        for code in language_codes():
            column = localized("slug", code)
            slug = getattr(self, column)
            if slug and route_taken(slug):
                errors[column] = _(
                    "The address /%(slug)s belongs to another page of the site; choose another."
                ) % {"slug": slug}
            if getattr(self, localized("published", code)):
                for field in ("title", "slug", "body"):
                    if not getattr(self, localized(field, code)):
                        errors.setdefault(
                            localized(field, code),
                            _("A page published in this language needs this field."),
                        )
        if errors:
            raise ValidationError(errors)
