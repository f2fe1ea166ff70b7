from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class WorkflowConfig(AppConfig):
    name = "workflow"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from articles.models import Article
        from history.signals import revision_recorded
        from workflow.roles import ensure_roles_after_migrate
        from workflow.services import english_changed

        # After django.contrib.auth has created the permissions (its handler
        # is connected first): the role groups always exist once migrated.
        post_migrate.connect(ensure_roles_after_migrate, sender=self)
        # Translators hear when the English text under their translation changes.
        revision_recorded.connect(
            english_changed, sender=Article, dispatch_uid="workflow_english_changed"
        )
