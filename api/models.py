"""
API keys: editors issue one to each client (a partner site, the mobile app)
that needs more than the anonymous rate limit. Only a hash of the key is
stored; the key itself is shown once, when it is made.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

#: What every key starts with, so that one found in a log is recognisable.
KEY_PREFIX = "tt_"


def hash_key(key: str) -> str:
    """The stored form of ``key`` (SHA-256: keys are 32 random bytes, nothing to guess)."""
    return hashlib.sha256(key.encode()).hexdigest()


class ApiKeyQuerySet(models.QuerySet):
    def active(self):
        """Keys not revoked."""
        return self.filter(revoked_at__isnull=True)

    def for_key(self, key: str):
        """The active key whose secret is ``key`` (one indexed query), or None."""
        if not key or len(key) > 200:
            return None
        return self.active().filter(hashed=hash_key(key)).first()


class ApiKey(models.Model):
    name = models.CharField(
        _("used by"),
        max_length=120,
        help_text=_("Who uses the key, e.g. “Mobile app” or “Partner site”."),
    )
    prefix = models.CharField(_("key starts with"), max_length=16, editable=False)
    hashed = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    revoked_at = models.DateTimeField(
        _("revoked"), null=True, blank=True, editable=False
    )

    objects = ApiKeyQuerySet.as_manager()

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        ordering = ["-created_at", "pk"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    def issue(self) -> str:
        """A new secret for this key: its hash is kept, the secret returned (to show once)."""
        key = KEY_PREFIX + secrets.token_urlsafe(32)
        self.prefix = key[: len(KEY_PREFIX) + 6]
        self.hashed = hash_key(key)
        return key

    def revoke(self) -> None:
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
