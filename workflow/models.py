import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Status
from core.nul import NulFreeMixin


class TransitionQuerySet(models.QuerySet):
    def for_log(self):
        """Newest first, with the actor, as the change page lists them."""
        return self.select_related("actor").order_by("-at", "-pk")


class Transition(NulFreeMixin, models.Model):
    """One step of an article's workflow: who moved it, when, from where to where, and why."""

    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="transitions",
    )
    name = models.CharField(_("transition"), max_length=40)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty for the system (the scheduled publisher)."),
    )
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    from_status = models.CharField(
        _("from"), max_length=20, choices=Status.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices)
    language = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        help_text=_("For a language version published or withdrawn."),
    )
    comment = models.TextField(_("comment"), blank=True)

    objects = TransitionQuerySet.as_manager()

    class Meta:
        verbose_name = _("transition")
        verbose_name_plural = _("transitions")
        ordering = ["-at", "-pk"]
        permissions = [
            ("submit_article", _("Can submit own articles for review")),
            ("review_article", _("Can approve articles or request changes")),
            ("publish_article", _("Can publish, schedule and archive articles")),
            ("edit_any_article", _("Can edit any article")),
            ("translate_article", _("Can edit the Arabic text of any article")),
        ]

    def __str__(self):
        return f"{self.article_id}: {self.from_status} → {self.to_status}"


class ShareLinkQuerySet(models.QuerySet):
    def valid(self):
        """Links that still open their draft: neither revoked nor expired."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class ShareLink(models.Model):
    """A signed, expiring, revocable address that shows one language of one draft to anyone holding it."""

    id = models.UUIDField(_("token id"), primary_key=True, default=uuid.uuid4)
    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="share_links",
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("share link")
        verbose_name_plural = _("share links")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.article} ({self.language})"

    @property
    def is_valid(self):
        return self.revoked_at is None and self.expires_at > timezone.now()


class ShareLinkOpening(models.Model):
    """Each time a share link is opened."""

    link = models.ForeignKey(
        ShareLink,
        verbose_name=_("share link"),
        on_delete=models.CASCADE,
        related_name="openings",
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    accepted = models.BooleanField(_("shown"), default=False)

    class Meta:
        verbose_name = _("share link opening")
        verbose_name_plural = _("share link openings")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.link_id} {self.at:%Y-%m-%d %H:%M}"


class CommentQuerySet(models.QuerySet):
    def thread(self):
        """In the order they were written, with their authors: the change page's thread."""
        return self.select_related("author").order_by("created_at", "pk")


class Comment(NulFreeMixin, models.Model):
    """
    An editorial comment on an article: a conversation among the staff who
    can see it, beside the workflow's transition notes. Never shown on the
    public site, never part of the article's revisions.
    """

    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="editorial_comments",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    reply_to = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replies",
    )
    body = models.TextField(_("comment"), max_length=5000)
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("editorial comment")
        verbose_name_plural = _("editorial comments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.article_id}: {self.body[:40]}"


class NoticeQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notice(models.Model):
    """
    What the workflow tells one person in the admin (beside the e-mail): a
    transition that concerns them, or an English text that changed under
    their translation. Its text is written when shown, in the reader's language.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="workflow_notices",
    )
    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    transition = models.ForeignKey(
        Transition,
        verbose_name=_("transition"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    #: A transition's name, or ``translation_stale``.
    kind = models.CharField(_("kind"), max_length=40)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self):
        return f"{self.recipient_id}: {self.kind} {self.article_id}"
