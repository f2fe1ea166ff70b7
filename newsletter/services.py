"""
Signing up, confirming, unsubscribing, and the digest.

Links carry signed tokens (``django.core.signing``): a confirmation link
holds the subscriber and the choices they asked for (language, topics) and
expires after ``CONFIRM_MAX_AGE``; an unsubscribe link holds the subscriber
and never expires, so that the link in an old message still works. Nothing
about a subscription changes until its address confirms it, and the answer
to a sign-up is the same whether or not the address was already subscribed.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.tasks import task
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from articles.models import Article
from core.i18n import localized, site_name
from newsletter.models import DigestItem, Status, Subscriber, normalize_email
from taxonomy.models import Region, Topic

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"
#: How long a confirmation link works.
CONFIRM_MAX_AGE = timedelta(days=3)
#: An address gets at most one confirmation message in this time, however
#: many times it is submitted.
CONFIRM_RESEND_AFTER = timedelta(minutes=10)
#: The most articles one digest lists.
DIGEST_LIMIT = 30


def site_url(path: str) -> str:
    return settings.SITE_URL + path


def confirm_token(
    subscriber: Subscriber, language: str, topic_ids: list[int], region_ids=()
) -> str:
    return signing.dumps(
        {
            "s": subscriber.pk,
            "e": subscriber.email,
            "l": language,
            "t": sorted(topic_ids),
            "r": sorted(region_ids),
        },
        salt=CONFIRM_SALT,
        compress=True,
    )


def unsubscribe_token(subscriber: Subscriber) -> str:
    return signing.dumps(
        {"s": subscriber.pk, "e": subscriber.email}, salt=UNSUBSCRIBE_SALT
    )


def unsubscribe_url(subscriber: Subscriber) -> str:
    with translation.override(subscriber.language):
        return site_url(
            reverse("newsletter:unsubscribe", args=[unsubscribe_token(subscriber)])
        )


def _from_token(token: str, salt: str, max_age=None) -> tuple[Subscriber, dict] | None:
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:  # forged, altered or expired
        return None
    subscriber = Subscriber.objects.filter(
        pk=data.get("s"), email=data.get("e")
    ).first()
    return (subscriber, data) if subscriber is not None else None


def subscriber_to_confirm(token: str) -> tuple[Subscriber, dict] | None:
    """The subscriber and choices of a confirmation link, or None if forged or expired."""
    return _from_token(token, CONFIRM_SALT, CONFIRM_MAX_AGE)


def subscriber_to_unsubscribe(token: str) -> Subscriber | None:
    """The subscriber of an unsubscribe link, or None if it is forged."""
    found = _from_token(token, UNSUBSCRIBE_SALT)
    return found[0] if found else None


def message(subscriber: Subscriber, subject: str, body: str) -> EmailMessage:
    """A message to ``subscriber``, with the one-click unsubscribe headers (RFC 8058)."""
    link = unsubscribe_url(subscriber)
    footer = _("To stop receiving these messages, open: %(url)s") % {"url": link}
    return EmailMessage(
        subject=subject,
        body=f"{body}\n\n-- \n{footer}\n",
        to=[subscriber.email],
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def sign_up(email: str, language: str, topics: list[Topic], regions=()) -> None:
    """
    Ask ``email`` to confirm a subscription in ``language`` to ``topics``
    (none: every topic). A new address is kept as waiting; a known one is
    left as it is until the link is followed. At most one message per
    address every ``CONFIRM_RESEND_AFTER``.
    """
    email = normalize_email(email)
    now = timezone.now()
    with transaction.atomic():
        subscriber, created = Subscriber.objects.select_for_update().get_or_create(
            email=email, defaults={"language": language}
        )
        if created:
            subscriber.topics.set(topics)
            subscriber.regions.set(regions)
        elif (
            subscriber.confirmation_sent_at
            and now - subscriber.confirmation_sent_at < CONFIRM_RESEND_AFTER
        ):
            return
        subscriber.confirmation_sent_at = now
        subscriber.save(update_fields=["confirmation_sent_at"])
    token = confirm_token(
        subscriber,
        language,
        [topic.pk for topic in topics],
        [region.pk for region in regions],
    )
    send_confirmation.enqueue(subscriber.pk, token)


@task()
def send_confirmation(subscriber_id: int, token: str) -> int:
    """Send the confirmation link; the number of messages sent."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return 0
    _subscriber, data = _from_token(token, CONFIRM_SALT) or (None, {})
    language = data.get("l") or subscriber.language
    with translation.override(language):
        link = site_url(reverse("newsletter:confirm", args=[token]))
        subject = _("Confirm your subscription to %(site)s") % {"site": site_name()}
        body = _(
            "Someone, probably you, asked to receive the newsletter of %(site)s at this address.\n\n"
            "To confirm, open this link within three days:\n%(url)s\n\n"
            "If you did not ask for it, ignore this message: nothing will be sent to you."
        ) % {"site": site_name(), "url": link}
        return message(subscriber, subject, body).send()


def confirm(subscriber: Subscriber, data: dict) -> None:
    """Apply the choices of a confirmation link: the subscriber is confirmed."""
    now = timezone.now()
    with transaction.atomic():
        subscriber.language = data.get("l") or subscriber.language
        if subscriber.status != Status.CONFIRMED:
            subscriber.confirmed_at = now
            # The first digest lists what is published from now on.
            subscriber.last_digest_at = now
        subscriber.status = Status.CONFIRMED
        subscriber.unsubscribed_at = None
        subscriber.save()
        subscriber.topics.set(Topic.objects.filter(pk__in=data.get("t") or []))
        subscriber.regions.set(Region.objects.filter(pk__in=data.get("r") or []))


def unsubscribe(subscriber: Subscriber) -> None:
    """Stop every message to ``subscriber`` (kept as unsubscribed, for the record)."""
    if subscriber.status == Status.UNSUBSCRIBED:
        return
    subscriber.status = Status.UNSUBSCRIBED
    subscriber.unsubscribed_at = timezone.now()
    subscriber.save(update_fields=["status", "unsubscribed_at"])


@dataclass
class DigestResult:
    subscribers: int = 0
    articles: int = 0


def digest_articles(subscriber: Subscriber) -> list[Article]:
    """What is live in the subscriber's language and topics since their last digest and not sent to them yet."""
    articles = Article.objects.live(subscriber.language).exclude(
        pk__in=DigestItem.objects.filter(subscriber=subscriber).values("article_id")
    )
    if subscriber.last_digest_at:
        articles = articles.filter(first_published_at__gt=subscriber.last_digest_at)
    topics, regions = list(subscriber.topics.all()), list(subscriber.regions.all())
    if topics or regions:
        articles = articles.filter(
            Q(topics__in=topics) | Q(regions__in=regions)
        ).distinct()
    return list(articles.order_by("first_published_at", "pk")[:DIGEST_LIMIT])


@task()
def send_digest_to(subscriber_id: int) -> int:
    """Send one subscriber their digest and record it; the number of articles sent."""
    with transaction.atomic():
        subscriber = (
            Subscriber.objects.confirmed()
            .select_for_update()
            .filter(pk=subscriber_id)
            .first()
        )
        if subscriber is None:
            return 0
        articles = digest_articles(subscriber)
        if not articles:
            return 0
        DigestItem.objects.bulk_create(
            [DigestItem(subscriber=subscriber, article=article) for article in articles]
        )
        subscriber.last_digest_at = max(a.first_published_at for a in articles)
        subscriber.save(update_fields=["last_digest_at"])
        language = subscriber.language
        with translation.override(language):
            lines = []
            for article in articles:
                lines.append(getattr(article, localized("title", language)))
                summary = getattr(article, localized("summary", language))
                if summary:
                    lines.append(summary)
                lines.append(site_url(article.url_in(language)))
                lines.append("")
            subject = _("New from %(site)s") % {"site": site_name()}
            body = _("Published since our last message:") + "\n\n" + "\n".join(lines)
            # Sent inside the transaction: a failed send records nothing.
            message(subscriber, subject, body).send()
    return len(articles)


def send_digest() -> DigestResult:
    """Queue each confirmed subscriber's digest (``send_digest_to``)."""
    result = DigestResult()
    for pk in Subscriber.objects.confirmed().values_list("pk", flat=True).iterator():
        job = send_digest_to.enqueue(pk)
        result.subscribers += 1
        if job.status == "SUCCESSFUL" and job.return_value:
            result.articles += job.return_value
    return result
