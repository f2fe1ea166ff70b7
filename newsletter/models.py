"""
Newsletter subscribers: an address, a language and topics (none: every
topic), confirmed by a link sent to the address (double opt-in), and what
each digest sent them.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from core.i18n import default_language
from taxonomy.models import Region, Topic


class Status(models.TextChoices):
    PENDING = "pending", _("waiting for confirmation")
    CONFIRMED = "confirmed", _("confirmed")
    UNSUBSCRIBED = "unsubscribed", _("unsubscribed")


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        """Subscribers who confirmed their address and have not unsubscribed."""
        return self.filter(status=Status.CONFIRMED)

    def for_export(self):
        """Everything the CSV export writes, in a fixed number of queries."""
        return self.prefetch_related("topics", "regions").order_by("email")


class Subscriber(models.Model):
    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=default_language,
    )
    topics = models.ManyToManyField(
        Topic,
        verbose_name=_("topics"),
        blank=True,
        related_name="subscribers",
        help_text=_("None: analysis on every topic."),
    )
    regions = models.ManyToManyField(
        Region,
        verbose_name=_("regions"),
        blank=True,
        related_name="subscribers",
        help_text=_("Analysis on these regions too."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(
        _("confirmation sent"), null=True, blank=True, editable=False
    )
    last_digest_at = models.DateTimeField(
        _("last digest"), null=True, blank=True, editable=False
    )

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(email=models.functions.Lower("email")),
                name="subscriber_email_lower_case",
                violation_error_message=_("E-mail addresses are stored in lower case."),
            )
        ]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = normalize_email(self.email)
        super().save(*args, **kwargs)


def normalize_email(email: str) -> str:
    """One spelling per address, so that signing up twice finds the same row."""
    return (email or "").strip().lower()


class DigestItem(models.Model):
    """An article a digest sent to a subscriber: never sent to them again."""

    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.CASCADE,
        related_name="digest_items",
        verbose_name=_("subscriber"),
    )
    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("article"),
    )
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("article sent in a digest")
        verbose_name_plural = _("articles sent in digests")
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "article"], name="digest_item_once_per_subscriber"
            )
        ]

    def __str__(self):
        return f"{self.subscriber} · {self.article_id}"
