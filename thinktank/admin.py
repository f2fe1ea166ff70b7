"""
The editorial admins composed from the apps' parts, registered on the site.

Each app gives its own part (``articles.admin.ArticleAdminMixin``); the
generic services give theirs (history's revisions, conflicts and trash; the
workflow's transitions and unpublished changes). Only the project sees every
layer, so the composition lives here.
"""

from django.contrib import admin

from articles.admin import ArticleAdminMixin
from articles.models import Article
from core.admin import BilingualAdmin
from history.admin import ConflictsAdminMixin, RevisionsAdminMixin, TrashAdminMixin
from workflow.admin import UnpublishedChangesAdminMixin, WorkflowAdminMixin


@admin.register(Article)
class ArticleAdmin(
    ArticleAdminMixin,
    UnpublishedChangesAdminMixin,
    ConflictsAdminMixin,
    RevisionsAdminMixin,
    TrashAdminMixin,
    WorkflowAdminMixin,
    BilingualAdmin,
):
    """Articles: the article's own admin, with history and the workflow."""
