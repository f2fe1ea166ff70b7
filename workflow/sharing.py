"""
Share links: a signed token naming a ``ShareLink`` row, which says which
article, which language, until when, and whether it was revoked.

The token is ``TimestampSigner``-signed (salted for this use), so a token
cannot be forged or altered; the row makes it expire and lets an editor
revoke it.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from workflow.models import ShareLink

SALT = "workflow.share-link"
#: How long a new link stays valid.
LIFETIME = timedelta(days=int(getattr(settings, "WORKFLOW_SHARE_LINK_DAYS", 7)))


def create_link(article, language, user, lifetime=LIFETIME):
    """A new link to ``article`` in ``language``, valid for ``lifetime``."""
    return ShareLink.objects.create(
        article=article,
        language=language,
        created_by=user,
        expires_at=timezone.now() + lifetime,
    )


def token_for(link):
    return signing.TimestampSigner(salt=SALT).sign(str(link.pk))


def link_url(link):
    return reverse("share_link", args=[token_for(link)])


def link_for_token(token):
    """
    The ``ShareLink`` a token names, whatever its state, or None when the
    token is not one of ours (tampered, or malformed).
    """
    try:
        link_id = signing.TimestampSigner(salt=SALT).unsign(token)
    except signing.BadSignature:
        return None
    return (
        ShareLink.objects.filter(pk=link_id).select_related("article").first()
        if _is_uuid(link_id)
        else None
    )


def _is_uuid(value):
    import uuid

    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True
