from django.db.models.signals import post_save

from articles.bylines import freeze
from articles.models import Article


def freeze_bylines(sender, instance, raw=False, **kwargs):
    """At (and after) first publication, keep each new author's byline as it is."""
    if not raw and instance.first_published_at:
        freeze(instance)


def connect():
    post_save.connect(
        freeze_bylines, sender=Article, dispatch_uid="articles_freeze_bylines"
    )
