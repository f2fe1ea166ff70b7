from django.db.models.signals import post_save
from django.dispatch import receiver

from articles.models import Article
from history.bylines import freeze


@receiver(post_save, sender=Article, dispatch_uid="history_freeze_bylines")
def freeze_bylines(sender, instance, raw=False, **kwargs):
    """At (and after) first publication, keep each new author's byline as it is."""
    if not raw and instance.first_published_at:
        freeze(instance)
