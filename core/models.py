import re
import uuid
from urllib.parse import parse_qsl, urlencode

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models.functions import Length
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.nul import NulFreeMixin


class ContentGeneration(models.Model):
    """
    The number of the published content's current state: one row, moved on
    after every commit that changes what readers see (``core.pagecache``).

    Cached pages are keyed by it, so a change invalidates every page at once,
    in every process and on every machine that shares the database.
    """

    #: Names this database's pages in a cache other sites or databases share.
    instance = models.UUIDField(default=uuid.uuid4, editable=False)
    value = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField(default=timezone.now)
    #: The next moment a scheduled publication becomes visible (pages cached
    #: before it must not be served after it), or None.
    next_change_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"generation {self.value}"


# Never in an address: spaces and control characters (PostgreSQL refuses NUL in
# text), and the backslash, which browsers read as "/" ("/\evil.example" is
# another site).
_NOT_IN_PATH = re.compile(r"[\x00-\x20\x7f\\]")


def validate_site_path(value: str) -> None:
    """A path on this site: a single leading "/" (no scheme, no host), no space, backslash or control character."""
    if not value.startswith("/") or value.startswith("//"):
        raise ValidationError(
            _("Enter a path on this site, starting with a single /."),
            code="not_a_path",
        )
    if _NOT_IN_PATH.search(value):
        raise ValidationError(
            _("An address cannot contain spaces, backslashes or control characters."),
            code="bad_character",
        )


def normalise_old_path(value: str) -> str:
    """
    ``value`` with its query string in one spelling: parameters sorted, encoded
    alike (``/index.php?id=77&lang=en`` for ``/index.php?lang=en&id=77``). A
    path without a query string, or a trailing "?", is the plain path.
    """
    path, _sep, query = value.partition("?")
    pairs = sorted(parse_qsl(query, keep_blank_values=True))
    return f"{path}?{urlencode(pairs)}" if pairs else path


def validate_old_path(value: str) -> None:
    """
    The address a redirect answers: a path on this site, optionally with a
    query string (a legacy ``/?p=123``), without a fragment.
    """
    validate_site_path(value)
    if "#" in value:
        raise ValidationError(
            _("Leave out the fragment (#…): browsers never send it."),
            code="fragment",
        )


def validate_redirect_target(value: str) -> None:
    """Where a redirect leads: a path on this site, or a full http:// or https:// URL."""
    if value.startswith("/") and not value.startswith("//"):
        validate_site_path(value)
        return
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        raise ValidationError(
            _(
                "Enter a path on this site (/experts/jane-doe) or a full URL "
                "starting with https:// or http://."
            ),
            code="not_a_target",
        ) from None


class RedirectKind(models.TextChoices):
    AUTO = "auto", _("Automatic (slug changed)")
    MANUAL = "manual", _("Added by an editor")


class RedirectQuerySet(models.QuerySet):
    def for_path(self, path, query=""):
        """
        The redirect for ``path`` with the query string ``query``: the one
        naming that query string (normalised) first, else the plain path's.
        """
        if "\x00" in path or "\x00" in query:
            # No stored path holds a NUL (validate_old_path), and PostgreSQL
            # refuses one even in a query.
            return self.none()
        candidates = [path]
        with_query = normalise_old_path(f"{path}?{query}")
        if with_query != path:
            candidates.insert(0, with_query)
        # The longer old_path is the one with the query string: it wins.
        return self.filter(old_path__in=candidates).order_by(Length("old_path").desc())


class Redirect(NulFreeMixin, models.Model):
    """An old address that answers 301 with a new one, forever."""

    old_path = models.CharField(
        _("old address"),
        max_length=500,
        unique=True,
        validators=[validate_old_path],
        help_text=_(
            "A path on this site, e.g. /ar/policy-analysis/old-slug, optionally "
            "with a query string of an older site: /index.php?id=77."
        ),
    )
    new_path = models.CharField(
        _("new address"),
        max_length=500,
        validators=[validate_redirect_target],
        help_text=_("A path on this site (/experts/jane-doe) or a full URL."),
    )
    language = models.CharField(
        _("language"), max_length=10, blank=True, help_text=_("For editors' reference.")
    )
    kind = models.CharField(
        _("kind"),
        max_length=10,
        choices=RedirectKind.choices,
        default=RedirectKind.MANUAL,
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)

    objects = RedirectQuerySet.as_manager()

    class Meta:
        verbose_name = _("redirect")
        verbose_name_plural = _("redirects")
        ordering = ["old_path"]

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"

    def save(self, *args, **kwargs):
        # The admin, the CSV import and slug changes all write through here:
        # one set of checks for every way a redirect is made.
        self.full_clean(validate_unique=False)
        super().save(*args, **kwargs)

    def clean_fields(self, exclude=None):
        # One spelling of the query string before the checks (and the unique
        # check) see it: "?b=2&a=1" and "?a=1&b=2" are the same address.
        if self.old_path and (exclude is None or "old_path" not in exclude):
            self.old_path = normalise_old_path(self.old_path)
        super().clean_fields(exclude=exclude)

    @property
    def has_query(self):
        """Whether this redirect answers one query string of its path only."""
        return "?" in self.old_path

    def clean(self):
        if self.old_path == self.new_path:
            raise ValidationError(
                {"new_path": _("The new address is the old one: it would loop.")}
            )


class NotFound(models.Model):
    """
    An address readers asked for and the site did not have, with how often:
    one row per path and query string, written by one upsert per 404
    (``core.notfound.record``) and kept to ``NOT_FOUND_LOG_SIZE`` rows.
    """

    path = models.CharField(_("address"), max_length=500, unique=True)
    hits = models.PositiveIntegerField(_("hits"), default=1)
    first_seen = models.DateTimeField(_("first seen"), default=timezone.now)
    last_seen = models.DateTimeField(
        _("last seen"), default=timezone.now, db_index=True
    )

    class Meta:
        verbose_name = _("address not found")
        verbose_name_plural = _("addresses not found")
        ordering = ["-hits", "path"]

    def __str__(self):
        return self.path
